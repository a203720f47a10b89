/// A problem in a scorecard file, at the position of the offending value.
///
/// Parsing reports every problem it finds: the error is the first in file
/// order and ``otherProblems`` lists the rest.
public struct ScorecardError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file as the caller named it.
    public var file: String
    /// The line of the offending value, from 1; nil when the file could not be read at all.
    public var line: Int?
    /// The column of the offending value, in Unicode scalars from 1.
    public var column: Int?
    /// An English sentence that names the value and the fix, without the position.
    public var message: String
    /// The problems after this one, in file order.
    public var otherProblems: [ScorecardError]

    public init(file: String, line: Int?, column: Int?, message: String, otherProblems: [ScorecardError] = []) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.otherProblems = otherProblems
    }

    /// One `FILE:LINE:COLUMN: message` line per problem, as compilers print errors.
    public var description: String {
        ([self] + otherProblems).map(\.location).joined(separator: "\n")
    }

    private var location: String {
        guard let line else { return "\(file): \(message)" }
        return "\(file):\(line):\(column ?? 1): \(message)"
    }
}

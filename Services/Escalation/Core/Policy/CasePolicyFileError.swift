/// Every problem found in a case policy file, each with the file's path and,
/// where it has one, the line and column of the offending value.
public struct CasePolicyFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// One problem in the file.
    public struct Problem: Sendable, Equatable {
        /// The line of the offending value, from 1. Nil when the file could not be read at all.
        public var line: Int?
        /// The column of the offending value, in Unicode scalars from 1.
        public var column: Int?
        /// A readable English sentence that names the value and the fix.
        public var message: String

        public init(line: Int?, column: Int?, message: String) {
            self.line = line
            self.column = column
            self.message = message
        }
    }

    /// The file as the caller named it.
    public var path: String
    /// The problems in file order, at least one.
    public var problems: [Problem]

    public init(path: String, problems: [Problem]) {
        self.path = path
        self.problems = problems
    }

    /// One `FILE:LINE:COLUMN: message` line per problem, as compilers print errors.
    public var description: String {
        problems.map { problem in
            guard let line = problem.line else { return "\(path): \(problem.message)" }
            return "\(path):\(line):\(problem.column ?? 1): \(problem.message)"
        }.joined(separator: "\n")
    }
}

/// Every problem found in a reply-limits file, each with the file's path
/// and, where it has one, the line, column and field of the offending value.
public struct ReplyLimitsFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// One problem in the file.
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        /// The line of the offending value, from 1. Nil when the file could not be read at all.
        public var line: Int?
        /// The column of the offending value, in Unicode scalars from 1.
        public var column: Int?
        /// The field, as `defaultSeconds`, `shops` or `shops["shop-x"]`. Nil for syntax errors.
        public var field: String?
        /// A readable English sentence that names the value and the fix.
        public var message: String

        public init(line: Int?, column: Int?, field: String?, message: String) {
            self.line = line
            self.column = column
            self.field = field
            self.message = message
        }

        /// `line:column: field: message`, leaving out the parts it does not have.
        public var description: String {
            var location: [String] = []
            if let line { location.append(String(line)) }
            if let column { location.append(String(column)) }
            var parts = location.isEmpty ? [] : [location.joined(separator: ":")]
            if let field { parts.append(field) }
            parts.append(message)
            return parts.joined(separator: ": ")
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

    /// One line per problem, each starting with the path, as compilers print errors.
    public var description: String {
        problems.map { ($0.line == nil ? "\(path): " : "\(path):") + $0.description }.joined(separator: "\n")
    }
}

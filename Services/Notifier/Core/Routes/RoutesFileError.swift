/// One problem in a routes file, at the line and column of the offending value.
public struct RoutesFileError: Error, Sendable, Hashable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var message: String

    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    /// `line:column: message`, the form editors jump to.
    public var description: String { "\(line):\(column): \(message)" }
}

/// Every problem found in a routes file, in file order. Never empty.
public struct RoutesFileErrors: Error, Sendable, CustomStringConvertible {
    public var errors: [RoutesFileError]

    public init(_ errors: [RoutesFileError]) {
        self.errors = errors.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
    }

    public var description: String { errors.map(\.description).joined(separator: "\n") }
}

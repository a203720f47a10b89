/// Every problem found in a rules file, ordered by position. Never empty.
public struct RuleFileErrors: Error, Sendable, CustomStringConvertible {
    public var errors: [RuleFileError]

    public init(_ errors: [RuleFileError]) {
        self.errors = errors.sorted { $0.position < $1.position }
    }

    public var description: String { errors.map(\.description).joined(separator: "\n") }
}

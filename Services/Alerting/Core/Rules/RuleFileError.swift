import VigilJSON

/// One problem in a rules file, at the position of the offending value.
public struct RuleFileError: Error, Sendable, Hashable, CustomStringConvertible {
    public var position: SourcePosition
    /// A readable English sentence that names the value and the fix.
    public var message: String

    public init(position: SourcePosition, message: String) {
        self.position = position
        self.message = message
    }

    public var line: Int { position.line }
    public var column: Int { position.column }

    /// `LINE:COLUMN: message`; prefix the file name for the compiler-style `FILE:LINE:COLUMN: message`.
    public var description: String { "\(position): \(message)" }
}

/// A JSON syntax error at a position.
public struct JSONSyntaxError: Error, Sendable {
    public var position: SourcePosition
    /// An English description of the problem, without the position.
    public var message: String

    public init(position: SourcePosition, message: String) {
        self.position = position
        self.message = message
    }
}

/// An unknown or repeated field that ``JSONObjectFields`` found, at the
/// position of its key.
public struct JSONFieldProblem: Sendable, Hashable {
    public var position: SourcePosition
    /// An English sentence that names the field and the fix, without the position.
    public var message: String

    public init(position: SourcePosition, message: String) {
        self.position = position
        self.message = message
    }
}

/// A JSON value with the position where it starts in its file, so that
/// validation can point at the offending value. Object members keep their
/// order and the position of their key.
public struct PositionedJSON: Sendable {
    /// An object member: the key, where the key starts, and the value.
    public struct Member: Sendable {
        public var key: String
        public var keyPosition: SourcePosition
        public var value: PositionedJSON

        public init(key: String, keyPosition: SourcePosition, value: PositionedJSON) {
            self.key = key
            self.keyPosition = keyPosition
            self.value = value
        }
    }

    /// The value's type with its content.
    public enum Kind: Sendable {
        case object([Member])
        case array([PositionedJSON])
        case string(String)
        /// The number as written, so callers choose the numeric type and range they accept.
        case number(String)
        case bool(Bool)
        case null
    }

    public var kind: Kind
    public var position: SourcePosition

    public init(kind: Kind, position: SourcePosition) {
        self.kind = kind
        self.position = position
    }

    /// A short English name of the value's type for error messages ("a string").
    public var typeName: String {
        switch kind {
        case .object: "an object"
        case .array: "a list"
        case .string: "a string"
        case .number: "a number"
        case .bool: "a boolean"
        case .null: "null"
        }
    }
}

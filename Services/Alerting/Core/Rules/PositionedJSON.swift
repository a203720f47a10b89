/// A line and column in a text file, both counted from 1.
///
/// Columns count Unicode scalars, so a Chinese character is one column and
/// so is a tab.
public struct SourcePosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// A JSON value with the position where it starts in its file, so that
/// validation can point at the offending value. Object members keep their
/// order and the position of their key.
struct PositionedJSON: Sendable {
    /// An object member: the key, where the key starts, and the value.
    struct Member: Sendable {
        var key: String
        var keyPosition: SourcePosition
        var value: PositionedJSON
    }

    enum Kind: Sendable {
        case object([Member])
        case array([PositionedJSON])
        case string(String)
        /// The number as written, because rule files only need small integers.
        case number(String)
        case bool(Bool)
        case null
    }

    var kind: Kind
    var position: SourcePosition

    /// A short English name of the value's type for error messages ("a string").
    var typeName: String {
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

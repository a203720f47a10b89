/// A JSON value with the line and column where it starts, so the routes
/// file's errors can point at the offending value.
///
/// Foundation's JSON parsers report no line numbers, and the people who edit
/// routes files need them. Object members keep their order and duplicates,
/// so the validator can report a repeated field.
struct RoutesJSON {
    enum Value {
        case object([Member])
        case array([RoutesJSON])
        case string(String)
        case number(String)
        case bool(Bool)
        case null
    }

    struct Member {
        var key: String
        var line: Int
        var column: Int
        var value: RoutesJSON
    }

    var value: Value
    var line: Int
    var column: Int

    /// A short name of the value's type for error messages ("a string", "an object").
    var typeName: String {
        switch value {
        case .object: "an object"
        case .array: "an array"
        case .string: "a string"
        case .number: "a number"
        case .bool: "true or false"
        case .null: "null"
        }
    }
}

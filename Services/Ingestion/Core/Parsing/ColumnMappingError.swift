/// A column mapping that cannot be used: invalid when loaded, or not
/// matching a file's header. Report it as a usage error, because no row is imported.
public struct ColumnMappingError: Error, CustomStringConvertible, Equatable {
    /// The reason and the fix, in English.
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}

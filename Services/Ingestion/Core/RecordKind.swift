/// The kinds of records the interchange format carries.
public enum RecordKind: String, Sendable, CaseIterable {
    case message
    case roster
    case complaint
    case order

    /// Reads the `--kind` option: a kind's name, its plural, or "auto" (nil).
    public init?(option: String) {
        let singular = option.hasSuffix("s") ? String(option.dropLast()) : option
        self.init(rawValue: singular)
    }
}

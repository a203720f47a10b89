/// One record of a delimited file: its fields, unquoted, and where it came from.
///
/// The fields share one byte buffer, so a row costs two allocations however
/// many fields it has.
public struct DelimitedRow: Sendable, Equatable {
    /// The 1-based line on which the record starts. A record with a quoted
    /// line break spans several lines, and the next record's number counts them.
    public var lineNumber: Int
    /// The record as it appeared in the input, without its line terminator.
    public var raw: ArraySlice<UInt8>
    /// Every field's bytes, quotes removed and doubled quotes undoubled, back to back.
    private var storage: [UInt8]
    /// The end index in `storage` of each field.
    private var ends: [Int]

    init(lineNumber: Int, raw: ArraySlice<UInt8>, storage: [UInt8], ends: [Int]) {
        self.lineNumber = lineNumber
        self.raw = raw
        self.storage = storage
        self.ends = ends
    }

    /// The number of fields.
    public var count: Int { ends.count }

    /// The bytes of field `index` (0-based), which must be below ``count``.
    public subscript(index: Int) -> ArraySlice<UInt8> {
        let start = index == 0 ? 0 : ends[index - 1]
        return storage[start..<ends[index]]
    }

    /// Returns field `index` as text, with invalid UTF-8 replaced by U+FFFD.
    public func string(at index: Int) -> String {
        String(decoding: self[index], as: UTF8.self)
    }

    /// Every field as text, with invalid UTF-8 replaced by U+FFFD.
    public var strings: [String] {
        (0..<count).map(string(at:))
    }
}

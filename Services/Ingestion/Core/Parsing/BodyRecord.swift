/// One record of an HTTP request body: where its bytes are and its position.
public struct BodyRecord: Sendable, Hashable {
    /// The 1-based position: the element's place in a JSON array, or the line
    /// number in NDJSON (blank lines count as lines but hold no record).
    public var index: Int
    /// The record's bytes within the body, as offsets from the body's first byte.
    public var range: Range<Int>

    public init(index: Int, range: Range<Int>) {
        self.index = index
        self.range = range
    }
}

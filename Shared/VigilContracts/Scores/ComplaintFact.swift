/// A filed complaint.
public struct ComplaintFact: Codable, Sendable, Hashable {
    /// Where the complaint was filed: the platform or a regulator.
    public var channel: ComplaintChannel

    public init(channel: ComplaintChannel) {
        self.channel = channel
    }
}

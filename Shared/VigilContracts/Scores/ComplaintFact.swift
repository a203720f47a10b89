/// A filed complaint.
public struct ComplaintFact: Codable, Sendable, Hashable {
    /// The channel of the complaint: the platform or a regulator.
    public var channel: ComplaintChannel

    public init(channel: ComplaintChannel) {
        self.channel = channel
    }
}

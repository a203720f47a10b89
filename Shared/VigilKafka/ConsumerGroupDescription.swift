/// A consumer group as the broker's group coordinator describes it.
public struct ConsumerGroupDescription: Sendable, Equatable {
    public var groupId: String
    /// The broker's name for the group state: "Stable", "Empty", "Dead", "PreparingRebalance", and so on.
    public var state: String
    /// The consumers that are members of the group now.
    public var memberCount: Int

    public init(groupId: String, state: String, memberCount: Int) {
        self.groupId = groupId
        self.state = state
        self.memberCount = memberCount
    }
}

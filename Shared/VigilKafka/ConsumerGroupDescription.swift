/// A consumer group as the broker's group coordinator describes it.
public struct ConsumerGroupDescription: Sendable, Equatable {
    /// The group's name, as the `group.id` of its consumers.
    public var groupId: String
    /// The broker's name for the group state: "Stable", "Empty", "Dead", "PreparingRebalance", and so on.
    public var state: String
    /// The consumers that are members of the group now.
    public var memberCount: Int

    /// Creates a description from the state name and member count that the coordinator returned.
    public init(groupId: String, state: String, memberCount: Int) {
        self.groupId = groupId
        self.state = state
        self.memberCount = memberCount
    }
}

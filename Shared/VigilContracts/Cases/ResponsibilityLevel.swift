/// The degree of a person's responsibility for a case that reached a regulator.
public enum ResponsibilityLevel: String, Codable, Sendable, CaseIterable {
    /// 主要责任: the agent who handled the conversation.
    case primary
    /// 连带责任: the agent's supervisor and the site's manager.
    case joint
}

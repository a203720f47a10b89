/// The kind of group-robot webhook a route posts to. Each kind has its own body and response format.
public enum RobotKind: String, Sendable, CaseIterable {
    /// A DingTalk (钉钉) custom robot, optionally with signed requests (加签).
    case dingtalk
    /// A WeCom (企业微信) group robot.
    case wecom
}

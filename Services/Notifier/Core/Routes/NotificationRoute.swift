import VigilContracts

/// One group robot and the alerts it receives.
public struct NotificationRoute: Sendable, Hashable {
    /// Stable across restarts and reordering: the `id` field of the routes
    /// file, or `<scope>/<kind>/<first 12 hex digits of SHA-256 of the URL>`.
    /// Delivery records refer to routes by this id.
    public var id: String
    public var scope: RouteScope
    public var kind: RobotKind
    public var url: WebhookURL
    /// The DingTalk signing secret (加签), read from the environment variable
    /// the file names, or nil for unsigned robots. Never logged or stored.
    public var secret: String?
    /// The minimum severity this robot receives.
    public var minSeverity: Severity
    /// The language of the messages posted to this robot.
    public var language: Language

    public init(id: String, scope: RouteScope, kind: RobotKind, url: WebhookURL, secret: String? = nil,
                minSeverity: Severity = .low, language: Language = .chinese) {
        self.id = id
        self.scope = scope
        self.kind = kind
        self.url = url
        self.secret = secret
        self.minSeverity = minSeverity
        self.language = language
    }

    /// True when an alert of `severity` is at or above this route's minimum.
    public func accepts(_ severity: Severity) -> Bool {
        severity >= minSeverity
    }
}

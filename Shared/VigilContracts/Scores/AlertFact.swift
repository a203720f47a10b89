/// A raised alert: keyword alerts by category, and reply timeouts.
public struct AlertFact: Codable, Sendable, Hashable {
    /// Keyword alert or reply timeout.
    public var kind: AlertKind
    /// The risk category; `reply-timeout` for reply timeouts.
    public var category: RiskCategory

    public init(kind: AlertKind, category: RiskCategory) {
        self.kind = kind
        self.category = category
    }
}

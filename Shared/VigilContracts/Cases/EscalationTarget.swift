/// The places beyond the chat that a case can be escalated to.
public enum EscalationTarget: String, Codable, Sendable, CaseIterable {
    /// The e-commerce platform's complaint process.
    case platform
    /// A regulator: 12315, the market regulator or a consumer association.
    case regulator
}

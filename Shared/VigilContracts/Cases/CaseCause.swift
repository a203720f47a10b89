/// The cause a case is put down to.
public enum CaseCause: String, Codable, Sendable, CaseIterable {
    /// The agent handled the customer unprofessionally.
    case unprofessional
    /// The agent or team did not follow the agreed process.
    case processNotFollowed = "process-not-followed"
    /// Replies came too late.
    case slowResponse = "slow-response"
    /// The product itself.
    case product
    /// Delivery or returns.
    case logistics
    /// Any other cause.
    case other

    /// True for the causes that make the agent primarily, and the supervisor
    /// and manager jointly, responsible for a case that reached a regulator.
    public var isHumanCause: Bool {
        switch self {
        case .unprofessional, .processNotFollowed, .slowResponse: true
        case .product, .logistics, .other: false
        }
    }
}

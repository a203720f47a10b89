import VigilContracts

/// The channel of an escalation beyond the chat, as the escalation report counts
/// it. It is a complaint's channel, or an escalation a person recorded by
/// command for a case without a complaint of that kind.
enum EscalationChannel: String, Sendable, CaseIterable, Hashable {
    case platform
    case hotline12315
    case marketRegulator
    case consumerAssociation
    /// `vigil case escalate --to platform` on a case without a platform complaint.
    case recordedPlatform
    /// `vigil case escalate --to regulator` on a case without a regulator complaint.
    case recordedRegulator

    init(_ channel: ComplaintChannel) {
        switch channel {
        case .platform: self = .platform
        case .hotline12315: self = .hotline12315
        case .marketRegulator: self = .marketRegulator
        case .consumerAssociation: self = .consumerAssociation
        }
    }

    init(recorded target: EscalationTarget) {
        switch target {
        case .platform: self = .recordedPlatform
        case .regulator: self = .recordedRegulator
        }
    }

    /// True for 12315, the market regulator, a consumer association and recorded regulator escalations.
    var isRegulator: Bool {
        self != .platform && self != .recordedPlatform
    }

    /// The channel's name for business readers.
    var title: LocalizedText {
        switch self {
        case .platform: LocalizedText(chinese: "平台投诉", english: "platform complaint")
        case .hotline12315: ComplaintChannel.hotline12315.label
        case .marketRegulator: ComplaintChannel.marketRegulator.label
        case .consumerAssociation: ComplaintChannel.consumerAssociation.label
        case .recordedPlatform: LocalizedText(chinese: "人工登记升级平台", english: "recorded escalation to platform")
        case .recordedRegulator: LocalizedText(chinese: "人工登记升级监管", english: "recorded escalation to regulator")
        }
    }
}

import VigilContracts

/// The names case commands print for case values that the contracts'
/// `CaseLabels` does not name: deadlines and complaint channels.
enum CaseNames {
    /// The state's name from the contracts, "-" when the timeline carries none.
    static func state(_ state: CaseState?) -> LocalizedText {
        state?.label ?? LocalizedText(chinese: "-", english: "-")
    }

    static func deadline(_ deadline: CaseDeadline) -> LocalizedText {
        switch deadline {
        case .acknowledge: LocalizedText(chinese: "确认", english: "acknowledge")
        case .followUp: LocalizedText(chinese: "跟进", english: "follow up")
        case .rectification: LocalizedText(chinese: "整改", english: "rectification")
        }
    }

    static func channel(_ channel: ComplaintChannel) -> LocalizedText {
        switch channel {
        case .platform: LocalizedText(chinese: "平台", english: "platform")
        case .hotline12315: LocalizedText(chinese: "12315", english: "12315")
        case .marketRegulator: LocalizedText(chinese: "市场监管", english: "regulator")
        case .consumerAssociation: LocalizedText(chinese: "消协", english: "consumer assoc.")
        }
    }
}

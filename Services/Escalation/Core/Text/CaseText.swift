import VigilContracts

/// The timeline texts of case events, in Chinese and English: opening,
/// reopening and links here; commands and deadlines in the extensions.
enum CaseText {
    static func openedByAlert(_ alert: Alert, follower: String?) -> LocalizedText {
         LocalizedText(
            chinese: "因顾客提到\(quotedChinese(alert.matchedTerms))立案" + (follower.map { "，由\($0)跟进。" } ?? "。"),
            english: "Case opened because the customer mentioned \(quotedEnglish(alert.matchedTerms))"
                + (follower.map { "; \($0) follows up." } ?? "."))
    }

    static func alertLinked(_ alert: Alert) -> LocalizedText {
        LocalizedText(
            chinese: "新预警：顾客提到\(quotedChinese(alert.matchedTerms))。",
            english: "New alert: the customer mentioned \(quotedEnglish(alert.matchedTerms)).")
    }

    static func openedByComplaint(_ complaint: Complaint, follower: String?) -> LocalizedText {
        LocalizedText(
            chinese: "因顾客向\(channelChinese(complaint.channel))投诉立案" + (follower.map { "，由\($0)跟进。" } ?? "。"),
            english: "Case opened because the customer complained to \(channelEnglish(complaint.channel))"
                + (follower.map { "; \($0) follows up." } ?? "."))
    }

    static func reopenedByAlert(_ alert: Alert) -> LocalizedText {
        LocalizedText(
            chinese: "结案后顾客又提到\(quotedChinese(alert.matchedTerms))，案件重新打开，需重新确认。",
            english: "Reopened: after the resolution the customer mentioned \(quotedEnglish(alert.matchedTerms)); "
                + "the case needs a new acknowledgement.")
    }

    static func reopenedByComplaint(_ complaint: Complaint) -> LocalizedText {
        LocalizedText(
            chinese: "结案后顾客向\(channelChinese(complaint.channel))投诉，案件重新打开，需重新确认。",
            english: "Reopened: after the resolution the customer complained to \(channelEnglish(complaint.channel)); "
                + "the case needs a new acknowledgement.")
    }

    static func complaintLinked(_ complaint: Complaint) -> LocalizedText {
        LocalizedText(
            chinese: "顾客已向\(channelChinese(complaint.channel))投诉（投诉号 \(complaint.complaintId)）。",
            english: "The customer complained to \(channelEnglish(complaint.channel)) (complaint \(complaint.complaintId)).")
    }

    /// Names the channel in Chinese.
    static func channelChinese(_ channel: ComplaintChannel) -> String {
        switch channel {
        case .platform: "平台"
        case .hotline12315: "12315 热线"
        case .marketRegulator: "市场监管部门"
        case .consumerAssociation: "消费者协会"
        }
    }

    /// Names the channel in English.
    static func channelEnglish(_ channel: ComplaintChannel) -> String {
        switch channel {
        case .platform: "the platform"
        case .hotline12315: "the 12315 hotline"
        case .marketRegulator: "the market regulator"
        case .consumerAssociation: "a consumer association"
        }
    }

    static func quotedChinese(_ terms: [String]) -> String {
        terms.map { "「\($0)」" }.joined(separator: "、")
    }

    static func quotedEnglish(_ terms: [String]) -> String {
        terms.map { "“\($0)”" }.joined(separator: ", ")
    }
}

import VigilContracts

/// The timeline texts of case events, in Chinese and English.
enum CaseText {
    static func openedByAlert(_ alert: Alert) -> LocalizedText {
        let follower = alert.recipient?.name
        return LocalizedText(
            chinese: "因顾客提到\(quotedChinese(alert.matchedTerms))立案" + (follower.map { "，由\($0)跟进。" } ?? "。"),
            english: "Case opened because the customer mentioned \(quotedEnglish(alert.matchedTerms))"
                + (follower.map { "; \($0) follows up." } ?? "."))
    }

    static func alertLinked(_ alert: Alert) -> LocalizedText {
        LocalizedText(
            chinese: "新预警：顾客提到\(quotedChinese(alert.matchedTerms))。",
            english: "New alert: the customer mentioned \(quotedEnglish(alert.matchedTerms)).")
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

    private static func quotedChinese(_ terms: [String]) -> String {
        terms.map { "「\($0)」" }.joined(separator: "、")
    }

    private static func quotedEnglish(_ terms: [String]) -> String {
        terms.map { "“\($0)”" }.joined(separator: ", ")
    }
}

import VigilContracts

/// The notification texts of an alert, in Chinese and English.
enum AlertText {
    static func make(message: ChatMessage, category: RiskCategory, terms: [String], snippet: String,
                     agentName: String?, recipient: AlertRecipient?, recipientIsFallback: Bool) -> LocalizedText {
        let agentChinese = agentName.map { "\($0)（\(message.agent)）" } ?? "客服 \(message.agent) "
        let agentEnglish = agentName.map { "\($0) (\(message.agent))" } ?? "agent \(message.agent)"
        let quotedChinese = terms.map { "「\($0)」" }.joined(separator: "、")
        let quotedEnglish = terms.map { "“\($0)”" }.joined(separator: ", ")

        let titleChinese = category == .regulator ? "【高危预警·监管】" : "【高危预警·投诉】"
        let titleEnglish = category == .regulator ? "[High-risk alert: regulator]" : "[High-risk alert: complaint]"
        var chinese = "\(titleChinese)顾客 \(message.buyer) 在\(agentChinese)接待的会话中提到\(quotedChinese)：“\(snippet)”"
        chinese += "。店铺 \(message.shop)，会话 \(message.conversationId)。"
        var english = "\(titleEnglish) Customer \(message.buyer) mentioned \(quotedEnglish) in a conversation handled by "
        english += "\(agentEnglish): “\(snippet)”. Shop \(message.shop), conversation \(message.conversationId). "

        if let recipient {
            chinese += "请\(recipient.name)立即一对一跟进。"
            english += "\(recipient.name), please follow up one-to-one now."
            if recipientIsFallback {
                chinese += "（花名册中找不到该客服的主管，已转交品牌方。）"
                english += " (The roster has no supervisor for this agent, so the brand manager receives it.)"
            }
        } else {
            chinese += "花名册中找不到跟进人，请尽快补全花名册。"
            english += "The roster names no one to follow up; complete the roster."
        }
        return LocalizedText(chinese: chinese, english: english)
    }
}

import VigilContracts

/// The notification texts of an alert event, in Chinese and English, built
/// from the event's own fields so that every event reads on its own.
enum AlertText {
    /// The recipient chosen when the roster has no supervisor for the agent.
    enum Fallback {
        case none
        case siteManager
        case brandManager
    }

    /// Returns the Chinese and English notification texts of `alert`.
    static func make(_ alert: Alert, agentName: String?, fallback: Fallback) -> LocalizedText {
        let agentChinese = agentName.map { "\($0)（\(alert.agent)）" } ?? "客服 \(alert.agent) "
        let agentEnglish = agentName.map { "\($0) (\(alert.agent))" } ?? "agent \(alert.agent)"
        var chinese = title(alert, chinese: true)
        var english = title(alert, chinese: false) + " "

        if alert.kind == .replyTimeout {
            let waited = alert.waitedSeconds ?? 0
            let limit = alert.replyLimitSeconds ?? 0
            chinese += "顾客 \(alert.buyer) 的消息“\(alert.snippet)”已等待 \(waited) 秒，超过店铺 \(alert.shop) 的回复时限 "
                + "\(limit) 秒，接待客服为\(agentChinese)。会话 \(alert.conversationId)。"
            english += "Customer \(alert.buyer)'s message “\(alert.snippet)” has waited \(waited) s, past shop "
                + "\(alert.shop)'s reply limit of \(limit) s. The agent is \(agentEnglish). "
                + "Conversation \(alert.conversationId). "
        } else {
            let quotedChinese = alert.matchedTerms.map { "「\($0)」" }.joined(separator: "、")
            let quotedEnglish = alert.matchedTerms.map { "“\($0)”" }.joined(separator: ", ")
            chinese += "顾客 \(alert.buyer) 在\(agentChinese)接待的会话中提到\(quotedChinese)：“\(alert.snippet)”。"
                + "店铺 \(alert.shop)，会话 \(alert.conversationId)。"
            english += "Customer \(alert.buyer) mentioned \(quotedEnglish) in a conversation handled by "
                + "\(agentEnglish): “\(alert.snippet)”. Shop \(alert.shop), conversation \(alert.conversationId). "
        }

        let occurrences = alert.occurrences ?? 1
        switch alert.currentAction {
        case .raised:
            break
        case .repeated, .escalated:
            chinese += "这是该预警的第 \(occurrences) 次命中。"
            english += "This is hit \(occurrences) of the alert. "
        case .reminded:
            chinese += "该预警仍未关闭，已有 \(occurrences) 条相关消息。"
            english += "The alert is still open, with \(occurrences) related \(occurrences == 1 ? "message" : "messages"). "
        case .closed:
            // A closing caused by a message (the agent's reply) carries its id;
            // one at the end of the grouping window carries none.
            if alert.kind == .replyTimeout, !alert.eventId.hasSuffix("/closed") {
                chinese += "客服已回复，预警关闭。"
                english += "The agent has replied, so the alert is closed."
            } else {
                chinese += "该会话已有一段时间没有新的命中，预警关闭。"
                english += "The conversation has been quiet for the grouping window, so the alert is closed."
            }
            return LocalizedText(chinese: chinese, english: english)
        }

        if alert.inhibitedBy != nil {
            chinese += "同一顾客已有未关闭的监管预警，本条不单独通知。"
            english += "An open regulator alert on the same customer holds back this notification. "
        }
        appendRecipient(alert, fallback: fallback, chinese: &chinese, english: &english)
        return LocalizedText(chinese: chinese, english: english.trimmingTrailingSpace())
    }

    // MARK: - Parts

    private static func title(_ alert: Alert, chinese: Bool) -> String {
        let category = categoryName(alert.category, chinese: chinese)
        if alert.currentAction == .raised && alert.kind == .replyTimeout {
            return chinese ? "【回复不及时】" : "[Reply timeout]"
        }
        let urgent = alert.severity >= .high
        switch (alert.currentAction, chinese) {
        case (.raised, true): return urgent ? "【高危预警·\(category)】" : "【预警·\(category)】"
        case (.raised, false): return urgent ? "[High-risk alert: \(category)]" : "[Alert: \(category)]"
        case (.escalated, true): return "【预警升级·\(category)】"
        case (.escalated, false): return "[Alert escalated: \(category)]"
        case (.repeated, true): return "【预警更新·\(category)】"
        case (.repeated, false): return "[Alert update: \(category)]"
        case (.reminded, true): return "【预警提醒·\(category)】"
        case (.reminded, false): return "[Alert reminder: \(category)]"
        case (.closed, true): return "【预警关闭·\(category)】"
        case (.closed, false): return "[Alert closed: \(category)]"
        }
    }

    /// Returns the category's short name in one language.
    static func categoryName(_ category: RiskCategory, chinese: Bool) -> String {
        chinese ? category.label.chinese : category.label.english
    }

    private static func appendRecipient(_ alert: Alert, fallback: Fallback, chinese: inout String, english: inout String) {
        guard let recipient = alert.recipient else {
            chinese += "花名册中找不到跟进人，请尽快补全花名册。"
            english += "The roster names no one to follow up. Complete the roster."
            return
        }
        if alert.kind == .replyTimeout {
            chinese += "请\(recipient.name)督促客服尽快回复。"
            english += "\(recipient.name), please make sure the agent replies now."
        } else {
            chinese += "请\(recipient.name)立即一对一跟进。"
            english += "\(recipient.name), please follow up one-to-one now."
        }
        switch fallback {
        case .none:
            break
        case .siteManager:
            chinese += "（花名册中找不到该客服的主管，已转交站点项目经理。）"
            english += " (The roster has no supervisor for this agent, so the site's manager receives it.)"
        case .brandManager:
            chinese += "（花名册中找不到该客服的主管和站点项目经理，已转交品牌方。）"
            english += " (The roster has no supervisor or site manager for this agent, so the brand manager receives it.)"
        }
    }
}

private extension String {
    func trimmingTrailingSpace() -> String {
        var text = self
        while text.last == " " {
            text.removeLast()
        }
        return text
    }
}

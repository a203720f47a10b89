import VigilContracts

/// Builds alert events: what the reader sees (text, snippet, evidence,
/// context, recipient) around the decision grouping made.
public struct AlertComposer: Sendable {
    /// Characters kept on each side of the first match in the snippet.
    public var snippetRadius = 30
    private let masker = PersonalDataMasker()

    public init() {}

    // MARK: - Keyword alerts

    /// Builds the event for the rules of one category that fired on `message`.
    ///
    /// `hits` are non-empty and all of `category`; `context` are the
    /// conversation's latest messages, already masked.
    public func keywordAlert(message: ChatMessage, category: RiskCategory, hits: [RuleHit], ruleVersion: String,
                             context: [AlertContextMessage], decision: AlertDecision, roster: Roster) -> Alert {
        let evidence = hits.flatMap { hit in
            hit.evidence.map { item in
                AlertEvidence(ruleId: hit.ruleId, term: item.term.source, original: masker.mask(item.originalText),
                              normalized: masker.mask(item.normalizedText), start: item.originalRange.lowerBound,
                              end: item.originalRange.upperBound)
            }
        }.sorted { ($0.start, $0.end, $0.ruleId) < ($1.start, $1.end, $1.ruleId) }

        var terms: [String] = []
        for item in evidence where !terms.contains(item.normalized) {
            terms.append(item.normalized)
        }
        let focus = evidence.first.map { $0.start..<$0.end } ?? 0..<0

        var alert = Alert(
            eventId: decision.eventId, kind: .keyword, category: category, severity: decision.severity,
            matchedTerms: terms,
            ruleVersion: ruleVersion, shop: message.shop, buyer: message.buyer, site: message.site,
            conversationId: message.conversationId, messageId: message.messageId, agent: message.agent,
            team: roster.person(message.agent)?.team, recipient: nil, raisedAt: decision.at,
            snippet: snippet(of: message.text, around: focus), text: LocalizedText(chinese: "", english: ""),
            ruleIds: hits.map(\.ruleId), evidence: evidence, context: context)
        apply(decision, to: &alert)
        address(&alert, roster: roster)
        return alert
    }

    // MARK: - Reply timeouts

    /// Builds the event for a customer left waiting past the shop's limit.
    ///
    /// `context` are the conversation's latest messages, already masked; the
    /// waiting message's text comes from them when it is still among them.
    public func replyTimeoutAlert(wait: ReplyWait, severity: Severity, ruleVersion: String,
                                  context: [AlertContextMessage], decision: AlertDecision, roster: Roster) -> Alert {
        let waiting = context.first { $0.messageId == wait.customerMessageId }?.text ?? ""
        var alert = Alert(
            eventId: decision.eventId, kind: .replyTimeout, category: .replyTimeout, severity: severity,
            matchedTerms: [], ruleVersion: ruleVersion, shop: wait.shop, buyer: wait.buyer, site: wait.site,
            conversationId: wait.conversationId, messageId: wait.customerMessageId, agent: wait.agent,
            team: nil, recipient: nil, raisedAt: decision.at,
            snippet: snippet(of: waiting, around: 0..<0), text: LocalizedText(chinese: "", english: ""),
            context: context, replyLimitSeconds: wait.limitSeconds, waitedSeconds: wait.limitSeconds)
        apply(decision, to: &alert)
        address(&alert, roster: roster)
        return alert
    }

    // MARK: - Follow-ups

    /// Builds a reminder or closing from the alert's latest event.
    public func followUp(_ followUp: AlertFollowUp, roster: Roster, waitedSeconds: Int? = nil) -> Alert {
        var alert = followUp.template
        apply(followUp.decision, to: &alert)
        if let waitedSeconds {
            alert.waitedSeconds = waitedSeconds
        }
        address(&alert, roster: roster)
        return alert
    }

    // MARK: - Parts

    /// Sets the grouping fields of `alert` from `decision`.
    func apply(_ decision: AlertDecision, to alert: inout Alert) {
        alert.eventId = decision.eventId
        alert.alertId = decision.alertId
        alert.action = decision.action
        alert.severity = decision.severity
        alert.notify = decision.notify
        alert.occurrences = decision.occurrences
        alert.openedAt = decision.openedAt
        alert.raisedAt = decision.at
        alert.inhibitedBy = decision.inhibitedBy
    }

    /// Sets the team, the recipient from the roster as it is now, and the texts.
    func address(_ alert: inout Alert, roster: Roster) {
        let agent = roster.person(alert.agent)
        let person = roster.alertRecipient(forAgent: alert.agent, site: alert.site)
        alert.team = agent?.team
        alert.recipient = person.map { AlertRecipient(personId: $0.id, name: $0.name, role: $0.role) }
        let fallback: AlertText.Fallback = switch person?.role {
        case .manager: .siteManager
        case .brandManager: .brandManager
        default: .none
        }
        alert.text = AlertText.make(alert, agentName: agent?.name, fallback: fallback)
    }

    /// Returns the masked text around `focus` (Unicode scalar offsets), at
    /// most `snippetRadius` characters on each side, with "…" where cut.
    func snippet(of text: String, around focus: Range<Int>) -> String {
        let scalars = Array(masker.mask(text).unicodeScalars)
        let start = max(0, min(focus.lowerBound, scalars.count) - snippetRadius)
        let end = min(scalars.count, max(focus.upperBound, start) + snippetRadius)
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<end].map { $0.properties.isWhitespace ? " " : $0 })
        var snippet = String(view)
        if start > 0 {
            snippet = "…" + snippet
        }
        if end < scalars.count {
            snippet += "…"
        }
        return snippet
    }
}

extension RuleEvidence.Term {
    /// The keyword or regular expression as the rules file writes it.
    var source: String {
        switch self {
        case .keyword(let keyword): keyword
        case .pattern(let pattern): pattern
        }
    }
}

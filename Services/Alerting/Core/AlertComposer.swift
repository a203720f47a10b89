import VigilContracts

/// Builds the alert for a customer message that matched, addressed through the roster.
public struct AlertComposer: Sendable {
    /// Characters kept on each side of the first match in the snippet.
    public var snippetRadius = 30

    public init() {}

    /// Builds the alert for `message`, or returns nil without matches.
    public func alert(for message: ChatMessage, matches: [KeywordMatcher.Match], roster: Roster,
                      ruleVersion: String) -> Alert? {
        guard let first = matches.first else { return nil }

        var terms: [String] = []
        for match in matches where !terms.contains(match.term.word) {
            terms.append(match.term.word)
        }
        let category = matches.map(\.term.category).min() ?? first.term.category
        let agent = roster.person(message.agent)
        let recipientPerson = roster.alertRecipient(forAgent: message.agent, site: message.site)
        let recipient = recipientPerson.map { AlertRecipient(personId: $0.id, name: $0.name, role: $0.role) }
        let snippet = Self.snippet(of: message.text, around: first.range, radius: snippetRadius)

        let text = AlertText.make(
            message: message, category: category, terms: terms, snippet: snippet, agentName: agent?.name,
            recipient: recipient,
            recipientIsFallback: recipientPerson != nil && recipientPerson?.role != .supervisor)

        return Alert(
            eventId: "alert/\(message.eventId)", kind: .keyword, category: category,
            severity: category == .regulator ? .critical : .high,
            matchedTerms: terms, ruleVersion: ruleVersion, shop: message.shop, buyer: message.buyer,
            site: message.site, conversationId: message.conversationId, messageId: message.messageId,
            agent: message.agent, team: agent?.team, recipient: recipient, raisedAt: message.sentAt,
            snippet: snippet, text: text)
    }

    /// Returns the text around `range`, at most `radius` characters on each side, with "…" where cut.
    static func snippet(of text: String, around range: Range<String.Index>, radius: Int) -> String {
        let start = text.index(range.lowerBound, offsetBy: -radius, limitedBy: text.startIndex) ?? text.startIndex
        let end = text.index(range.upperBound, offsetBy: radius, limitedBy: text.endIndex) ?? text.endIndex
        var snippet = String(text[start..<end])
        snippet = snippet.replacingNewlines()
        if start > text.startIndex {
            snippet = "…" + snippet
        }
        if end < text.endIndex {
            snippet += "…"
        }
        return snippet
    }
}

private extension String {
    func replacingNewlines() -> String {
        String(map { $0.isNewline ? " " : $0 })
    }
}

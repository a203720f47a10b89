import VigilContracts
import VigilStore

/// Derives a fact from all of its stored inputs and the roster as it is now.
struct FactBuilder {
    let inputs: FactInputs
    let conversionHours: Int
    let roster: Roster
    let database: Database

    /// Returns the fact as its inputs stand, or nil when none of them is stored.
    func content(of reference: FactReference) throws -> FactContent? {
        switch reference {
        case let .conversation(shop, conversationId):
            try conversation(shop: shop, conversationId: conversationId)
        case let .alert(factId):
            try inputs.alert(factId: factId, in: database).map(alert)
        case let .caseFile(caseId):
            try caseFile(caseId: caseId)
        case let .complaint(factId):
            try inputs.complaint(factId: factId, in: database).map(complaint)
        case let .order(factId):
            try inputs.order(factId: factId, in: database).map(order)
        }
    }

    // MARK: - Conversations

    /// Derives a conversation, which takes its agent, site, buyer and time from
    /// its earliest message. The thread's earliest order paid from its first
    /// message until `conversionHours` after its last converts it.
    private func conversation(shop: String, conversationId: String) throws -> FactContent? {
        let messages = try inputs.messages(shop: shop, conversationId: conversationId, in: database)
        guard let first = messages.first, let last = messages.last else { return nil }

        let rounds = ConversationRounds(messages: messages.map { .init(role: $0.role, sentAt: $0.sentAt) })
        let windowStart = first.sentAt.epochMilliseconds
        let windowEnd = last.sentAt.epochMilliseconds + Int64(conversionHours) * 3_600_000
        let convertingOrder = try inputs.convertingOrder(
            shop: shop, buyer: first.buyer, paidWithin: windowStart...max(windowStart, windowEnd), in: database)

        let orders = try inputs.orderCount(shop: shop, buyer: first.buyer, in: database)
        return FactContent(
            kind: .conversation, time: first.sentAt,
            attribution: FactAttributions.attribution(shop: shop, agent: first.agent, site: first.site, roster: roster),
            conversation: ConversationFact(lastMessageAt: last.sentAt, responseSeconds: rounds.responseSeconds,
                                           unansweredRounds: rounds.unansweredRounds,
                                           convertingOrder: convertingOrder),
            inputCount: messages.count + orders)
    }

    // MARK: - Alerts and cases

    private func alert(_ alert: Alert) -> FactContent {
        FactContent(
            kind: .alert, time: alert.raisedAt,
            attribution: FactAttributions.attribution(shop: alert.shop, agent: alert.agent, site: alert.site,
                                                      team: alert.team, roster: roster),
            alert: AlertFact(kind: alert.kind, category: alert.category))
    }

    /// Folds the case's entries in arrival order. A case is placed in time at its opening.
    private func caseFile(caseId: String) throws -> FactContent? {
        let entries = try inputs.caseEntries(caseId: caseId, in: database)
        guard let first = entries.first else { return nil }

        var file = CaseFile(caseId: caseId, thread: first.thread, openedAt: first.occurredAt)
        for entry in entries {
            file.apply(entry)
        }

        return FactContent(
            kind: .case, time: file.openedAt,
            attribution: FactAttributions.attribution(shop: file.thread.shop, agent: file.agent, site: file.site,
                                                      team: file.team, vendor: file.vendor, roster: roster),
            caseFact: CaseFacts.fact(of: file),
            inputCount: entries.count)
    }

    // MARK: - Complaints and orders

    /// Derives a complaint, which counts for its conversation's agent once that
    /// conversation's messages arrived, and for its shop alone until then.
    private func complaint(_ complaint: Complaint) throws -> FactContent {
        let handler = try complaint.conversationId.flatMap {
            try inputs.firstMessage(shop: complaint.shop, conversationId: $0, in: database)
        }
        let messages = try complaint.conversationId.map {
            try inputs.messageCount(shop: complaint.shop, conversationId: $0, in: database)
        } ?? 0
        return FactContent(
            kind: .complaint, time: complaint.filedAt,
            attribution: FactAttributions.attribution(shop: complaint.shop, agent: handler?.agent,
                                                      site: handler?.site, roster: roster),
            complaint: ComplaintFact(channel: complaint.channel),
            inputCount: 1 + messages)
    }

    /// Derives an order, which counts for the agent it names, else for the agent of the conversation it names.
    private func order(_ order: Order) throws -> FactContent {
        let handler = try order.conversationId.flatMap {
            try inputs.firstMessage(shop: order.shop, conversationId: $0, in: database)
        }
        let messages = try order.conversationId.map {
            try inputs.messageCount(shop: order.shop, conversationId: $0, in: database)
        } ?? 0
        let agent = order.agent.flatMap { $0.isEmpty ? nil : $0 } ?? handler?.agent
        return FactContent(
            kind: .order, time: order.paidAt,
            attribution: FactAttributions.attribution(shop: order.shop, agent: agent, site: handler?.site,
                                                      roster: roster),
            order: OrderFact(orderId: order.orderId, amount: order.amount, currency: order.currency,
                             campaign: order.campaign),
            inputCount: 1 + messages)
    }
}

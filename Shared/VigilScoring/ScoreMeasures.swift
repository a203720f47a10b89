import Foundation
import VigilContracts

/// Computes every measure of one subject from its facts.
public enum ScoreMeasures {
    /// `facts`: the subject's current, non-retracted facts whose time is in the period.
    ///
    /// Retracted facts are skipped, and when one fact id comes more than once
    /// only its highest revision counts, so a caller that passes a log of
    /// upserts still gets each fact once. Waits are capped at the scorecard's
    /// `responseCapSeconds` for medians, 90th percentiles, totals and buckets;
    /// the reply limit compares the uncapped wait. The facts' own subjects are
    /// not checked: `subject` only decides whose responsibilities a case counts.
    public static func figures(of subject: ScoreSubject, facts: [ScoringFact], scorecard: Scorecard) -> ScoreFigures {
        var builder = FiguresBuilder(subject: subject, scorecard: scorecard)
        for fact in currentFacts(facts) {
            builder.add(fact)
        }
        return builder.figures()
    }

    /// Returns the latest revision of every fact id, without retracted ones, in input order.
    static func currentFacts(_ facts: [ScoringFact]) -> [ScoringFact] {
        var latest: [String: ScoringFact] = [:]
        var order: [String] = []
        for fact in facts {
            if let known = latest[fact.factId] {
                if fact.revision > known.revision { latest[fact.factId] = fact }
            } else {
                latest[fact.factId] = fact
                order.append(fact.factId)
            }
        }
        return order.compactMap { latest[$0] }.filter { !$0.retracted }
    }
}

// MARK: - Accumulating

/// Sums facts into figures, keeping the waits that medians need.
private struct FiguresBuilder {
    let subject: ScoreSubject
    let scorecard: Scorecard
    var result = ScoreFigures()
    var firstResponseWaits: [Int] = []
    var responseWaits: [Int] = []
    var acknowledgeWaits: [Int] = []
    var currencies: [String] = []

    init(subject: ScoreSubject, scorecard: Scorecard) {
        self.subject = subject
        self.scorecard = scorecard
    }

    mutating func add(_ fact: ScoringFact) {
        switch fact.kind {
        case .conversation:
            if let conversation = fact.conversation { add(conversation) }
        case .alert:
            if let alert = fact.alert { add(alert) }
        case .case:
            if let caseFact = fact.caseFact { add(caseFact) }
        case .complaint:
            if let complaint = fact.complaint { add(complaint) }
        case .order:
            if let order = fact.order { add(order) }
        }
    }

    private mutating func add(_ conversation: ConversationFact) {
        result.conversations += 1
        // A conversation has 0 or 1 unanswered rounds. Clamping keeps an invalid
        // fact from overflowing the sum.
        result.unansweredRounds += min(max(conversation.unansweredRounds, 0), 1)
        if conversation.convertingOrder != nil {
            result.convertedConversations += 1
        }

        // Only the last round can be unanswered, so a replied first round gives the first wait.
        if let first = conversation.responseSeconds.first {
            let capped = cap(first)
            result.firstResponses += 1
            result.firstResponseSecondsTotal += Int64(capped)
            firstResponseWaits.append(capped)
        }
        for wait in conversation.responseSeconds {
            let capped = cap(wait)
            result.rounds += 1
            responseWaits.append(capped)
            if max(wait, 0) <= scorecard.replyLimitSeconds {
                result.repliesWithinLimit += 1
            } else {
                result.slowReplies += 1
            }
            let bucket = ScoreFigures.responseBucketBounds.firstIndex { capped <= $0 }
                ?? ScoreFigures.responseBucketBounds.count
            result.responseTimeBuckets[bucket] += 1
        }
    }

    private mutating func add(_ alert: AlertFact) {
        switch alert.kind {
        case .keyword:
            result.alerts += 1
            result.alertsByCategory[alert.category.rawValue, default: 0] += 1
        case .replyTimeout:
            result.replyTimeouts += 1
        }
    }

    private mutating func add(_ caseFact: CaseFact) {
        result.cases += 1
        if let seconds = caseFact.acknowledgeSeconds {
            result.acknowledgedCases += 1
            acknowledgeWaits.append(seconds)
        }
        if caseFact.escalated {
            result.escalations += 1
        }
        if caseFact.reachedRegulator && caseFact.cause?.isHumanCause == true {
            result.regulatorHumanCauseCases += 1
        }
        if names(caseFact, level: .primary) {
            result.primaryResponsibilities += 1
        }
        if names(caseFact, level: .joint) {
            result.jointResponsibilities += 1
        }
        if caseFact.rectification != nil {
            result.rectificationsDue += 1
            if caseFact.rectificationOnTime {
                result.rectificationsOnTime += 1
            }
        }
    }

    private mutating func add(_ complaint: ComplaintFact) {
        result.complaints += 1
        if complaint.channel.isRegulator {
            result.regulatorComplaints += 1
        }
    }

    private mutating func add(_ order: OrderFact) {
        result.orders += 1
        result.sales += order.amount
        currencies.append(order.currency)
    }

    /// True when the case names the agent (for an agent subject) or anyone
    /// (for a group subject) with `level` of responsibility.
    private func names(_ caseFact: CaseFact, level: ResponsibilityLevel) -> Bool {
        caseFact.responsibilities.contains { responsibility in
            responsibility.level == level && (subject.kind != .agent || responsibility.personId == subject.id)
        }
    }

    private func cap(_ wait: Int) -> Int {
        min(max(wait, 0), scorecard.responseCapSeconds)
    }

    func figures() -> ScoreFigures {
        var figures = result
        let firstSorted = firstResponseWaits.sorted()
        let responseSorted = responseWaits.sorted()
        let acknowledgeSorted = acknowledgeWaits.sorted()
        figures.firstResponseMedianSeconds = Percentiles.median(firstSorted)
        figures.firstResponseP90Seconds = Percentiles.p90(firstSorted)
        figures.responseMedianSeconds = Percentiles.median(responseSorted)
        figures.responseP90Seconds = Percentiles.p90(responseSorted)
        figures.acknowledgeMedianSeconds = Percentiles.median(acknowledgeSorted)

        // NOTE: sales of different currencies are added as they are; every input so far is CNY.
        if let currency = currencies.first {
            figures.currency = currency
        }
        return figures
    }
}

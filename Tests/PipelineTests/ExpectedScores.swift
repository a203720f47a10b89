import Alerting
import Foundation
import VigilContracts

/// Every score the scoring service should publish for the shared data,
/// computed here from the files, the expected alerts and cases and the case
/// commands the test issued. It shares no code with the scoring service: the
/// rounds, percentiles, conversion, attribution, periods and leaderboards
/// below are the test's own reading of the scoring definitions.
struct ExpectedScores {
    /// Score key (`<kind>/<id>/<period key>`) to its expected score.
    var scores: [String: ExpectedScore] = [:]

    static func compute(inputs: ScoringInputs, alerts: ExpectedAlerts, cases: CaseScript,
                        scorecard: TestScorecard) -> ExpectedScores {
        let facts = ExpectedScores.facts(inputs: inputs, alerts: alerts, cases: cases, scorecard: scorecard)
        let calendar = ScoreCalendar(zoneOffsetSeconds: scorecard.zoneOffsetSeconds, campaigns: scorecard.campaigns)

        // Each fact counts for every subject of its attribution in every period containing its time.
        var buckets: [String: (subject: String, period: ScoreCalendar.Period, facts: [ExpectedFact])] = [:]
        for fact in facts {
            for subject in fact.attribution.subjectKeys {
                for period in calendar.periods(containing: fact.time) {
                    let key = "\(subject)/\(period.key)"
                    buckets[key, default: (subject, period, [])].facts.append(fact)
                }
            }
        }

        var expected = ExpectedScores()
        for (key, bucket) in buckets {
            let parts = bucket.subject.split(separator: "/", maxSplits: 1).map(String.init)
            let kind = parts[0]
            let id = parts.count > 1 ? parts[1] : ""
            let figures = Self.figures(of: bucket.facts, subjectKind: kind, subjectId: id, scorecard: scorecard)
            var score = ExpectedScore(subjectKind: kind, subjectId: id, period: bucket.period, figures: figures,
                                      standing: nil,
                                      scorecard: ExpectedScorecardResult.evaluate(figures, scorecard: scorecard))
            if kind == "team", let campaignId = bucket.period.campaign,
               let campaign = scorecard.campaigns.first(where: { $0.id == campaignId }) {
                score.standing = standing(team: id, campaign: campaign, facts: bucket.facts, scorecard: scorecard)
            }
            expected.scores[key] = score
        }
        return expected
    }

    // MARK: - Facts

    static func facts(inputs: ScoringInputs, alerts: ExpectedAlerts, cases: CaseScript,
                      scorecard: TestScorecard) -> [ExpectedFact] {
        var facts: [ExpectedFact] = []
        let conversations = ExpectedConversation.all(in: inputs, conversionHours: scorecard.conversionHours)
        var conversationsByKey: [String: ExpectedConversation] = [:]
        for conversation in conversations {
            conversationsByKey["\(conversation.shop)/\(conversation.conversationId)"] = conversation
            facts.append(ExpectedFact(
                time: conversation.firstAt,
                attribution: inputs.attribution(shop: conversation.shop, site: conversation.site,
                                                agent: conversation.agent),
                payload: .conversation(conversation)))
        }

        for raising in alerts.raisings {
            facts.append(ExpectedFact(
                time: raising.raisedAt.epochMilliseconds,
                attribution: inputs.attribution(shop: raising.shop, site: raising.site, agent: raising.agent),
                payload: .keywordAlert(category: raising.category)))
        }
        // Alerting runs with its built-in reply limit; the scorecard's limit only sorts replies.
        for raising in ExpectedReplyTimeouts.raisings(in: inputs, limitSeconds: ReplyLimits.defaultSeconds) {
            facts.append(ExpectedFact(
                time: raising.raisedAt.epochMilliseconds,
                attribution: inputs.attribution(shop: raising.shop, site: raising.site, agent: raising.agent),
                payload: .replyTimeout))
        }

        for outcome in cases.outcomes.values {
            let opening = outcome.opening
            facts.append(ExpectedFact(
                time: opening.openedAt.epochMilliseconds,
                attribution: inputs.attribution(shop: opening.thread.shop, site: opening.site, agent: opening.agent),
                payload: .caseFile(outcome)))
        }

        for complaint in inputs.complaints {
            let conversation = complaint.conversationId.flatMap { conversationsByKey["\(complaint.shop)/\($0)"] }
            facts.append(ExpectedFact(
                time: complaint.filedAt.epochMilliseconds,
                attribution: inputs.attribution(shop: complaint.shop, site: conversation?.site,
                                                agent: conversation?.agent),
                payload: .complaint(regulator: complaint.channel.isRegulator)))
        }

        for order in inputs.orders {
            let conversation = order.conversationId.flatMap { conversationsByKey["\(order.shop)/\($0)"] }
            facts.append(ExpectedFact(
                time: order.paidAt.epochMilliseconds,
                attribution: inputs.attribution(shop: order.shop, site: nil, agent: order.agent ?? conversation?.agent),
                payload: .order(amount: order.amount)))
        }
        return facts
    }

    // MARK: - Figures

    static func figures(of facts: [ExpectedFact], subjectKind: String, subjectId: String,
                        scorecard: TestScorecard) -> ScoreFigures {
        var figures = ScoreFigures()
        var firstResponses: [Int] = []
        var waits: [Int] = []
        var acknowledgements: [Int] = []
        let cap = scorecard.responseCapSeconds
        let bounds = [10, 30, 60, 120, 180, 300, 600]
        var buckets = Array(repeating: 0, count: bounds.count + 1)

        for fact in facts {
            switch fact.payload {
            case .conversation(let conversation):
                figures.conversations += 1
                if let first = conversation.firstResponse {
                    firstResponses.append(min(first, cap))
                }
                for wait in conversation.waits {
                    let capped = min(wait, cap)
                    waits.append(capped)
                    buckets[bounds.firstIndex { capped <= $0 } ?? bounds.count] += 1
                    if wait <= scorecard.replyLimitSeconds {
                        figures.repliesWithinLimit += 1
                    } else {
                        figures.slowReplies += 1
                    }
                }
                figures.unansweredRounds += conversation.unanswered
                figures.convertedConversations += conversation.converted ? 1 : 0
            case .keywordAlert(let category):
                figures.alerts += 1
                figures.alertsByCategory[category, default: 0] += 1
            case .replyTimeout:
                figures.replyTimeouts += 1
            case .caseFile(let outcome):
                add(outcome, to: &figures, acknowledgements: &acknowledgements, subjectKind: subjectKind,
                    subjectId: subjectId)
            case .complaint(let regulator):
                figures.complaints += 1
                figures.regulatorComplaints += regulator ? 1 : 0
            case .order(let amount):
                figures.orders += 1
                figures.sales += amount
            }
        }

        firstResponses.sort()
        waits.sort()
        acknowledgements.sort()
        figures.firstResponses = firstResponses.count
        figures.firstResponseSecondsTotal = Int64(firstResponses.reduce(0, +))
        figures.firstResponseMedianSeconds = median(firstResponses)
        figures.firstResponseP90Seconds = ninetiethPercentile(firstResponses)
        figures.rounds = waits.count
        figures.responseMedianSeconds = median(waits)
        figures.responseP90Seconds = ninetiethPercentile(waits)
        figures.responseTimeBuckets = buckets
        figures.acknowledgeMedianSeconds = median(acknowledgements)
        return figures
    }

    /// Adds a case: a person subject counts the responsibilities naming that
    /// person, and a group subject those naming anyone at each level.
    private static func add(_ outcome: ExpectedCaseOutcome, to figures: inout ScoreFigures,
                            acknowledgements: inout [Int], subjectKind: String, subjectId: String) {
        figures.cases += 1
        if let seconds = outcome.acknowledgeSeconds {
            figures.acknowledgedCases += 1
            acknowledgements.append(seconds)
        }
        figures.escalations += outcome.escalated ? 1 : 0
        if outcome.reachedRegulator, outcome.cause?.isHumanCause == true {
            figures.regulatorHumanCauseCases += 1
        }

        let named = outcome.responsibilities.filter { subjectKind != "agent" || $0.personId == subjectId }
        figures.primaryResponsibilities += named.contains { $0.level == .primary } ? 1 : 0
        figures.jointResponsibilities += named.contains { $0.level == .joint } ? 1 : 0
        if outcome.rectification != nil {
            figures.rectificationsDue += 1
            figures.rectificationsOnTime += outcome.rectificationOnTime ? 1 : 0
        }
    }

    // MARK: - Percentiles

    /// Returns the middle value, or the mean of the two middle values for an even count.
    static func median(_ sorted: [Int]) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let middle = sorted.count / 2
        if sorted.count % 2 == 1 {
            return Double(sorted[middle])
        }
        return Double(sorted[middle - 1] + sorted[middle]) / 2
    }

    /// Returns the nearest-rank 90th percentile: the value at 1-based rank ⌈0.9·n⌉, in integer arithmetic.
    static func ninetiethPercentile(_ sorted: [Int]) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let rank = (9 * sorted.count + 9) / 10
        return Double(sorted[rank - 1])
    }

    // MARK: - Campaign standing

    /// Ranks the team's sellers in the window by sales, ties by agent id. A
    /// seller whose own facts in the window fail a critical item keeps the
    /// rank but earns nothing. The first `rewardTopN` of the others earn a
    /// reward only when the team's sales reach its target.
    static func standing(team: String, campaign: TestScorecard.Campaign, facts: [ExpectedFact],
                         scorecard: TestScorecard) -> CampaignStanding {
        var teamSales: Decimal = 0
        var sellers: [String: (orders: Int, sales: Decimal)] = [:]
        for fact in facts {
            guard case .order(let amount) = fact.payload else { continue }
            teamSales += amount
            if let agent = fact.attribution.agent {
                sellers[agent, default: (0, 0)].orders += 1
                sellers[agent, default: (0, 0)].sales += amount
            }
        }

        let target = campaign.teamTargets?[team]
        let targetMet = target.map { teamSales >= $0 } ?? false
        let ranked = sellers.sorted { ($0.value.sales, $1.key) > ($1.value.sales, $0.key) }
        var rewards = targetMet ? campaign.rewardTopN : 0
        var leaderboard: [LeaderboardEntry] = []
        for (index, seller) in ranked.enumerated() {
            let own = facts.filter { $0.attribution.agent == seller.key }
            let figures = Self.figures(of: own, subjectKind: "agent", subjectId: seller.key, scorecard: scorecard)
            let failed = ExpectedScorecardResult.evaluate(figures, scorecard: scorecard).zeroedBy
            let rewarded = failed.isEmpty && rewards > 0
            if rewarded {
                rewards -= 1
            }
            leaderboard.append(LeaderboardEntry(rank: index + 1, agent: seller.key, orders: seller.value.orders,
                                                sales: seller.value.sales, rewarded: rewarded,
                                                failedCritical: failed))
        }
        return CampaignStanding(campaign: campaign.id, teamSales: teamSales, target: target, targetMet: targetMet,
                                rewardTopN: campaign.rewardTopN, leaderboard: leaderboard)
    }
}

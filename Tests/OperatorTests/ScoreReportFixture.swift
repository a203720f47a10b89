import Foundation
import VigilContracts
import VigilScoring
@testable import Operator

/// Score records as vigil-scoring publishes them, for two vendors, three
/// teams and four agents over 2026-10-31 to 2026-11-15 (China time), with
/// the day, week 2026-W46, month 2026-11 and campaign 2026-double11 periods.
///
/// A-hz-b01 has a regulator case with a human cause on 2026-11-10, which
/// fails the critical item, so its week, month and campaign totals are 0, as
/// are those of its team, vendor, site and shop. No agent has cases on most
/// days, so the acknowledge item is not applicable there.
enum ScoreReportFixture {
    // MARK: - Organisation

    struct Agent {
        var id: String
        var name: String
        var team: String
        var vendor: String
        var site: String
        var shop: String
        /// Conversations on a quiet day; busier days add to it.
        var conversations: Int
        /// The first response median on a quiet day, in seconds.
        var firstResponse: Int
        var salesPerOrder: Decimal
    }

    static let agents = [
        Agent(id: "A-hz-a01", name: "杭州A组客服01", team: "T-hz-a", vendor: "V-BAIXING", site: "hz", shop: "jd-flagship",
              conversations: 42, firstResponse: 18, salesPerOrder: 268),
        Agent(id: "A-hz-a02", name: "杭州A组客服02", team: "T-hz-a", vendor: "V-BAIXING", site: "hz", shop: "jd-flagship",
              conversations: 35, firstResponse: 41, salesPerOrder: 199.5),
        Agent(id: "A-hz-b01", name: "杭州B组客服01", team: "T-hz-b", vendor: "V-BAIXING", site: "hz", shop: "jd-flagship",
              conversations: 38, firstResponse: 66, salesPerOrder: 158),
        Agent(id: "A-sh-a01", name: "上海A组客服01", team: "T-sh-a", vendor: "V-JINXIU", site: "sh", shop: "waimai-sh",
              conversations: 51, firstResponse: 27, salesPerOrder: 86.8),
    ]

    static let roster: [RosterPerson] = [
        RosterPerson(id: "M-hz", name: "杭州项目经理", role: .manager, reportsTo: nil, vendor: "V-BAIXING", site: "hz", team: nil),
        RosterPerson(id: "M-sh", name: "上海项目经理", role: .manager, reportsTo: nil, vendor: "V-JINXIU", site: "sh", team: nil),
        RosterPerson(id: "S-hz-a", name: "杭州A组主管", role: .supervisor, reportsTo: "M-hz", vendor: "V-BAIXING", site: "hz", team: "T-hz-a"),
        RosterPerson(id: "S-hz-b", name: "杭州B组主管", role: .supervisor, reportsTo: "M-hz", vendor: "V-BAIXING", site: "hz", team: "T-hz-b"),
        RosterPerson(id: "S-sh-a", name: "上海A组主管", role: .supervisor, reportsTo: "M-sh", vendor: "V-JINXIU", site: "sh", team: "T-sh-a"),
    ] + agents.map {
        RosterPerson(id: $0.id, name: $0.name, role: .agent, reportsTo: "S-" + $0.team.dropFirst(2), vendor: $0.vendor,
                     site: $0.site, team: $0.team)
    }

    /// 2026-10-31 to 2026-11-15.
    static let days = (0..<16).map { offset -> String in
        let day = Timestamp(epochMilliseconds: reportTime("2026-10-31T12:00:00+08:00").epochMilliseconds
            + Int64(offset) * 86_400_000)
        return day.day(atUTCOffset: 8 * 3600)
    }

    static let campaign = "2026-double11"
    static let campaignDays = Array(days.prefix(12))
    static let weekDays = Array(days.suffix(7))
    static let monthDays = days.filter { $0.hasPrefix("2026-11") }
    static let teamTargets: [String: Decimal] = ["T-hz-a": 30000, "T-hz-b": 50000]
    static let rewardTopN = 1

    // MARK: - Scorecard

    /// The fixture's scorecard: five items, the regulator critical item and the campaign window.
    static let scorecard: Scorecard = {
        func name(_ chinese: String, _ english: String) -> LocalizedText {
            LocalizedText(chinese: chinese, english: english)
        }
        return Scorecard(
            version: "2026.12-1",
            items: [
                ScorecardItem(id: "first-response", name: name("首次响应", "First response"),
                              measure: .firstResponseMedianSeconds, weight: 25, full: 30, zero: 180),
                ScorecardItem(id: "replies-within-limit", name: name("及时回复", "Timely replies"),
                              measure: .repliesWithinLimitShare, weight: 25, full: 0.95, zero: 0.6),
                ScorecardItem(id: "alerts", name: name("预警频次", "Alert frequency"),
                              measure: .alertsPer100Conversations, weight: 20, full: 0, zero: 10),
                ScorecardItem(id: "acknowledge", name: name("案件确认", "Case acknowledgement"),
                              measure: .acknowledgeMedianSeconds, weight: 10, full: 300, zero: 3600),
                ScorecardItem(id: "conversion", name: name("咨询转化", "Conversion"),
                              measure: .conversionRate, weight: 20, full: 0.3, zero: 0),
            ],
            criticalItems: [CriticalItem(id: "regulator-human-cause", name: name("人为原因监管案件", "Regulator case with a human cause"),
                                         measure: .regulatorHumanCauseCases, maximum: 0)],
            campaigns: [Campaign(id: campaign, name: name("2026 双11", "2026 Double 11"),
                                 from: reportTime("2026-10-31T20:00:00+08:00"), to: reportTime("2026-11-12T00:00:00+08:00"),
                                 rewardTopN: rewardTopN, teamTargets: teamTargets)])
    }()

    static func evaluate(_ figures: ScoreFigures) -> ScorecardResult {
        scorecard.evaluate(figures)
    }

    // MARK: - Figures

    /// Returns one agent's figures for one day; `index` is the day's position from 2026-10-31.
    static func dayFigures(_ agent: Agent, index: Int) -> ScoreFigures {
        let peak = index == 11 ? 3 : (index >= 9 && index <= 10 ? 2 : 1)
        let conversations = agent.conversations * peak + index % 5
        let rounds = conversations * 3 + index % 7
        let slow = (agent.firstResponse / 20) + index % 3 * peak
        let first = Double(agent.firstResponse + (index % 4) * 3 * peak)
        let buckets = [rounds / 4, rounds / 4, rounds / 5, rounds / 8, 0, slow / 2, slow - slow / 2, 0]
        let bucketed = buckets.reduce(0, +)

        var figures = ScoreFigures(
            conversations: conversations, firstResponses: conversations - 1,
            firstResponseSecondsTotal: Int64(first) * Int64(conversations - 1),
            firstResponseMedianSeconds: first, firstResponseP90Seconds: first * 3,
            rounds: rounds, responseMedianSeconds: first + 5, responseP90Seconds: first * 2 + 40,
            repliesWithinLimit: rounds - slow, slowReplies: slow, unansweredRounds: index % 2,
            alerts: (index + agent.firstResponse) % 4, replyTimeouts: slow / 3,
            orders: conversations / 4 * peak, sales: agent.salesPerOrder * Decimal(conversations / 4 * peak),
            convertedConversations: conversations / 5)
        figures.responseTimeBuckets = buckets
        figures.responseTimeBuckets[2] += rounds - bucketed
        if figures.alerts > 0 {
            figures.alertsByCategory = ["complaint": figures.alerts]
        }

        if agent.id == "A-hz-b01", index == 10 {
            figures.cases = 1
            figures.acknowledgedCases = 1
            figures.acknowledgeMedianSeconds = 900
            figures.escalations = 1
            figures.complaints = 1
            figures.regulatorComplaints = 1
            figures.regulatorHumanCauseCases = 1
            figures.primaryResponsibilities = 1
            figures.rectificationsDue = 1
        }

        if agent.id == "A-sh-a01", index == 12 {
            figures.cases = 2
            figures.acknowledgedCases = 2
            figures.acknowledgeMedianSeconds = 420
            figures.escalations = 1
            figures.complaints = 1
            figures.jointResponsibilities = 1
            figures.rectificationsDue = 1
            figures.rectificationsOnTime = 1
        }
        return figures
    }

    /// Combines figures of several days or subjects. Counts add up, medians take
    /// the median of the parts and percentiles the largest. That is not what
    /// scoring computes, but report tests only read the values back.
    static func combine(_ parts: [ScoreFigures]) -> ScoreFigures {
        func sum(_ value: (ScoreFigures) -> Int) -> Int { parts.map(value).reduce(0, +) }
        func middle(_ value: (ScoreFigures) -> Double?) -> Double? {
            let values = parts.compactMap(value).sorted()
            guard !values.isEmpty else { return nil }
            return values.count % 2 == 1 ? values[values.count / 2]
                : (values[values.count / 2 - 1] + values[values.count / 2]) / 2
        }
        var combined = ScoreFigures(
            conversations: sum(\.conversations), firstResponses: sum(\.firstResponses),
            firstResponseSecondsTotal: parts.map(\.firstResponseSecondsTotal).reduce(0, +),
            firstResponseMedianSeconds: middle(\.firstResponseMedianSeconds),
            firstResponseP90Seconds: parts.compactMap(\.firstResponseP90Seconds).max(),
            rounds: sum(\.rounds), responseMedianSeconds: middle(\.responseMedianSeconds),
            responseP90Seconds: parts.compactMap(\.responseP90Seconds).max(),
            repliesWithinLimit: sum(\.repliesWithinLimit), slowReplies: sum(\.slowReplies),
            unansweredRounds: sum(\.unansweredRounds), alerts: sum(\.alerts), replyTimeouts: sum(\.replyTimeouts),
            cases: sum(\.cases), acknowledgedCases: sum(\.acknowledgedCases),
            acknowledgeMedianSeconds: middle(\.acknowledgeMedianSeconds), escalations: sum(\.escalations),
            complaints: sum(\.complaints), regulatorComplaints: sum(\.regulatorComplaints),
            regulatorHumanCauseCases: sum(\.regulatorHumanCauseCases),
            primaryResponsibilities: sum(\.primaryResponsibilities), jointResponsibilities: sum(\.jointResponsibilities),
            rectificationsDue: sum(\.rectificationsDue), rectificationsOnTime: sum(\.rectificationsOnTime),
            orders: sum(\.orders), sales: parts.map(\.sales).reduce(0, +),
            convertedConversations: sum(\.convertedConversations))
        combined.responseTimeBuckets = ScoreReport.sum(parts.map(\.responseTimeBuckets))
        for part in parts {
            combined.alertsByCategory.merge(part.alertsByCategory, uniquingKeysWith: +)
        }
        return combined
    }

    // MARK: - Scores

    /// Returns the subjects an agent's figures count for.
    static func subjects(of agent: Agent) -> [ScoreSubject] {
        [ScoreSubject(kind: .agent, id: agent.id), ScoreSubject(kind: .team, id: agent.team),
         ScoreSubject(kind: .vendor, id: agent.vendor), ScoreSubject(kind: .site, id: agent.site),
         ScoreSubject(kind: .shop, id: agent.shop)]
    }

    /// Returns the figures of every subject for the given days.
    static func figures(days selected: [String]) -> [ScoreSubject: ScoreFigures] {
        var parts: [ScoreSubject: [ScoreFigures]] = [:]
        for (index, day) in days.enumerated() where selected.contains(day) {
            for agent in agents {
                let figures = dayFigures(agent, index: index)
                for subject in subjects(of: agent) {
                    parts[subject, default: []].append(figures)
                }
            }
        }
        return parts.mapValues(combine)
    }

    /// Every score record: each subject's days, week 2026-W46, month 2026-11 and the campaign.
    static var scores: [Score] {
        var scores: [Score] = []
        for day in days {
            let asOf = reportTime(day + "T22:00:00+08:00")
            for (subject, figures) in figures(days: [day]) {
                scores.append(Score(subject: subject, period: ScorePeriod(kind: .day, start: day), figures: figures,
                                    scorecard: evaluate(figures), asOf: asOf))
            }
        }
        let weekEnd = reportTime("2026-11-15T22:00:00+08:00")
        for (subject, figures) in figures(days: weekDays) {
            scores.append(Score(subject: subject, period: ScorePeriod(kind: .week, start: "2026-11-09"), figures: figures,
                                scorecard: evaluate(figures), asOf: weekEnd))
        }
        for (subject, figures) in figures(days: monthDays) {
            scores.append(Score(subject: subject, period: ScorePeriod(kind: .month, start: "2026-11-01"), figures: figures,
                                scorecard: evaluate(figures), asOf: weekEnd))
        }
        let campaignEnd = reportTime("2026-11-11T23:50:00+08:00")
        for (subject, figures) in figures(days: campaignDays) {
            scores.append(Score(subject: subject, period: ScorePeriod(kind: .campaign, start: "2026-10-31", campaign: campaign),
                                figures: figures, scorecard: evaluate(figures),
                                campaign: subject.kind == .team ? standing(team: subject.id) : nil, asOf: campaignEnd))
        }
        return scores
    }

    /// Ranks a team's agents by campaign sales into its standing.
    static func standing(team: String) -> CampaignStanding {
        let campaignFigures = figures(days: campaignDays)
        let members = agents.filter { $0.team == team }.map { agent in
            (agent.id, campaignFigures[ScoreSubject(kind: .agent, id: agent.id)] ?? ScoreFigures())
        }.sorted { ($0.1.sales, $1.0) > ($1.1.sales, $0.0) }
        let sales = members.map(\.1.sales).reduce(0, +)
        let target = teamTargets[team]
        let met = target.map { sales >= $0 } ?? false
        let board = members.enumerated().map { index, member in
            LeaderboardEntry(rank: index + 1, agent: member.0, orders: member.1.orders, sales: member.1.sales,
                             rewarded: met && index < rewardTopN)
        }
        return CampaignStanding(campaign: campaign, teamSales: sales, target: target, targetMet: met,
                                rewardTopN: rewardTopN, leaderboard: board)
    }

    /// Returns the fixture's scores of one subject kind and period key.
    static func scores(_ kind: ScoreSubjectKind, period key: String) -> [Score] {
        scores.filter { $0.subject.kind == kind && $0.period.key == key }
    }
}

import Foundation
import VigilContracts

/// The differences between the expected scores and the published ones, one
/// line per key and field: `key field: expected … actual …`.
enum ScoreComparison {
    /// The scorecard total may differ from the unrounded expectation by its rounding to two decimals.
    static let totalTolerance = 0.0051

    static func differences(expected: ExpectedScores, actual: [String: PublishedScore]) -> [String] {
        var lines: [String] = []
        let expectedKeys = Set(expected.scores.keys)
        let actualKeys = Set(actual.keys)
        for key in expectedKeys.subtracting(actualKeys).sorted() {
            lines.append("\(key): missing from the scores topic")
        }
        for key in actualKeys.subtracting(expectedKeys).sorted() {
            lines.append("\(key): published but not expected")
        }

        for key in expectedKeys.intersection(actualKeys).sorted() {
            guard let want = expected.scores[key], let got = actual[key] else { continue }
            lines += identity(key, want, got)
            lines += fields(key, want.figures, got.figures)
            lines += standing(key, want.standing, got.campaign)
            lines += scorecard(key, want, got.scorecard)
        }
        return lines
    }

    /// Returns the keys and fields in which two runs' latest scores differ.
    static func differences(expected: [String: PublishedScore], actual: [String: PublishedScore]) -> [String] {
        var lines: [String] = []
        for key in Set(expected.keys).union(actual.keys).sorted() {
            switch (expected[key], actual[key]) {
            case (nil, _):
                lines.append("\(key): published but not expected")
            case (_, nil):
                lines.append("\(key): missing from the scores topic")
            case (let want?, let got?) where want != got:
                lines += fields(key, want.figures, got.figures)
                lines += standing(key, want.campaign, got.campaign)
                if want.scorecard != got.scorecard {
                    let expectedTotal = describe(want.scorecard?.total as Any)
                    let actualTotal = describe(got.scorecard?.total as Any)
                    lines.append("\(key) scorecard: differs, total expected \(expectedTotal) actual \(actualTotal)")
                }
                if want.subject != got.subject || want.period != got.period {
                    lines.append("\(key) subject and period: expected \(want.subject.key) \(want.period.key) "
                                 + "actual \(got.subject.key) \(got.period.key)")
                }
            default:
                break
            }
        }
        return lines
    }

    // MARK: - Parts

    private static func identity(_ key: String, _ want: ExpectedScore, _ got: PublishedScore) -> [String] {
        let wanted = "\(want.subjectKind)/\(want.subjectId) \(want.period.kind) \(want.period.start) "
            + (want.period.campaign ?? "-")
        let found = "\(got.subject.kind.rawValue)/\(got.subject.id) \(got.period.kind.rawValue) \(got.period.start) "
            + (got.period.campaign ?? "-")
        return wanted == found ? [] : ["\(key) subject and period: expected \(wanted) actual \(found)"]
    }

    /// Compares every stored field of the figures by name, so a new field is compared too.
    private static func fields(_ key: String, _ want: ScoreFigures, _ got: ScoreFigures) -> [String] {
        guard want != got else { return [] }
        var lines: [String] = []
        let found = Dictionary(Mirror(reflecting: got).children.compactMap { child in
            child.label.map { ($0, child.value) }
        }, uniquingKeysWith: { first, _ in first })
        for child in Mirror(reflecting: want).children {
            guard let label = child.label else { continue }
            let expectedValue = child.value as? AnyHashable
            let actualValue = found[label] as? AnyHashable
            if expectedValue != actualValue {
                let actualText = found[label].map(describe) ?? "missing"
                lines.append("\(key) \(label): expected \(describe(child.value)) actual \(actualText)")
            }
        }
        return lines.isEmpty ? ["\(key) figures: differ in a field the comparison cannot name"] : lines
    }

    /// Compares a campaign standing field by field and the leaderboard entry by entry.
    private static func standing(_ key: String, _ want: CampaignStanding?, _ got: CampaignStanding?) -> [String] {
        guard want != got else { return [] }
        guard let want, let got else {
            return ["\(key) campaign: expected \(want == nil ? "none" : "a standing") "
                    + "actual \(got == nil ? "none" : "a standing")"]
        }
        var lines: [String] = []
        let pairs: [(String, String, String)] = [
            ("campaign", want.campaign, got.campaign),
            ("teamSales", "\(want.teamSales)", "\(got.teamSales)"),
            ("target", describe(want.target as Any), describe(got.target as Any)),
            ("targetMet", "\(want.targetMet)", "\(got.targetMet)"),
            ("rewardTopN", "\(want.rewardTopN)", "\(got.rewardTopN)"),
        ]
        for (field, expected, actual) in pairs where expected != actual {
            lines.append("\(key) campaign.\(field): expected \(expected) actual \(actual)")
        }
        func entry(_ entry: LeaderboardEntry?) -> String {
            entry.map {
                "\($0.agent) orders \($0.orders) sales \($0.sales) rewarded \($0.rewarded) "
                    + "failedCritical \($0.failedCritical)"
            } ?? "none"
        }
        for rank in 0..<max(want.leaderboard.count, got.leaderboard.count) {
            let expected = rank < want.leaderboard.count ? want.leaderboard[rank] : nil
            let actual = rank < got.leaderboard.count ? got.leaderboard[rank] : nil
            if expected != actual {
                lines.append("\(key) campaign.leaderboard[\(rank + 1)]: expected \(entry(expected)) "
                             + "actual \(entry(actual))")
            }
        }
        return lines
    }

    /// Compares the total up to its rounding, the failed critical items, and
    /// every item's measure value, which must match the figures to within
    /// floating-point noise.
    private static func scorecard(_ key: String, _ want: ExpectedScore, _ got: ScorecardResult?) -> [String] {
        guard let got else { return ["\(key) scorecard: missing"] }
        var lines: [String] = []
        let expected = want.scorecard
        let close = switch (expected.total, got.total) {
        case (nil, nil): true
        case (let wanted?, let actual?): abs(wanted - actual) <= totalTolerance
        default: false
        }
        if !close {
            let expectedTotal = describe(expected.total as Any)
            lines.append("\(key) scorecard.total: expected \(expectedTotal) actual \(describe(got.total as Any))")
        }
        if expected.zeroedBy != got.zeroedBy {
            lines.append("\(key) scorecard.zeroedBy: expected \(expected.zeroedBy) actual \(got.zeroedBy)")
        }

        let items = got.items.map { ($0.id, $0.value) }
        let critical = got.critical.map { ($0.id, Optional($0.value)) }
        for (name, wanted, actual) in [("items", expected.itemValues, items),
                                       ("critical", expected.criticalValues.map { ($0.id, Optional($0.value)) },
                                        critical)] {
            guard wanted.map(\.0) == actual.map(\.0) else {
                lines.append("\(key) scorecard.\(name): expected ids \(wanted.map(\.0)) actual \(actual.map(\.0))")
                continue
            }
            for ((id, wantedValue), (_, actualValue)) in zip(wanted, actual) where !same(wantedValue, actualValue) {
                lines.append("\(key) scorecard.\(name).\(id): expected \(describe(wantedValue as Any)) "
                             + "actual \(describe(actualValue as Any))")
            }
        }
        return lines
    }

    private static func same(_ lhs: Double?, _ rhs: Double?) -> Bool {
        switch (lhs, rhs) {
        case (nil, nil): true
        case (let left?, let right?): abs(left - right) <= 1e-9 * max(1, abs(left))
        default: false
        }
    }

    private static func describe(_ value: Any) -> String {
        let text = String(describing: value)
        return text.hasPrefix("Optional(") && text.hasSuffix(")") ? String(text.dropFirst(9).dropLast()) : text
    }
}

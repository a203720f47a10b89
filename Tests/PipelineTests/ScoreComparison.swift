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
            if got.campaign != want.standing {
                lines.append("\(key) campaign: expected \(describe(want.standing)) actual \(describe(got.campaign))")
            }
            lines += scorecard(key, want, got.scorecard)
        }
        return lines
    }

    /// The keys and fields in which two runs' latest scores differ.
    static func differences(expected: [String: PublishedScore], actual: [String: PublishedScore]) -> [String] {
        var lines: [String] = []
        for key in Set(expected.keys).union(actual.keys).sorted() {
            switch (expected[key], actual[key]) {
            case (nil, _):
                lines.append("\(key): published but not expected")
            case (_, nil):
                lines.append("\(key): missing from the scores topic")
            case (let want?, let got?) where want != got:
                let parts = fields(key, want.figures, got.figures)
                lines += want.figures == got.figures ? ["\(key): scorecard, standing or period differ"] : parts
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
                let actualText = describe(found[label] as Any)
                lines.append("\(key) \(label): expected \(describe(child.value)) actual \(actualText)")
            }
        }
        return lines.isEmpty ? ["\(key) figures: differ in a field the comparison cannot name"] : lines
    }

    private static func scorecard(_ key: String, _ want: ExpectedScore, _ got: ScorecardResult?) -> [String] {
        guard let got else { return ["\(key) scorecard: missing"] }
        var lines: [String] = []
        let close = switch (want.scorecardTotal, got.total) {
        case (nil, nil): true
        case (let expected?, let actual?): abs(expected - actual) <= totalTolerance
        default: false
        }
        if !close {
            let expectedTotal = describe(want.scorecardTotal)
            lines.append("\(key) scorecard.total: expected \(expectedTotal) actual \(describe(got.total))")
        }
        if want.zeroedBy != got.zeroedBy {
            lines.append("\(key) scorecard.zeroedBy: expected \(want.zeroedBy) actual \(got.zeroedBy)")
        }
        return lines
    }

    private static func describe(_ value: Any) -> String {
        let text = String(describing: value)
        return text.hasPrefix("Optional(") && text.hasSuffix(")") ? String(text.dropFirst(9).dropLast()) : text
    }
}

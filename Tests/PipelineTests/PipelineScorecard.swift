import Foundation
import Synchronization
import VigilContracts

/// The scorecard the pipeline tests run scoring with: the built-in default
/// file plus one campaign whose edges and targets are taken from the orders.
///
/// The extra window opens exactly at an order's payment (which it includes)
/// and closes exactly at a later one (which it leaves out), and its closing
/// time is written in UTC while the opening is in +08:00. The team that sold
/// most in it gets its sales as target, met with nothing to spare, and the
/// runner-up gets its sales plus 0.01, missed by one fen. The other teams have
/// no target.
enum PipelineScorecard {
    static let campaignId = "pipeline-evening"
    static let rewardTopN = 2
    static let opensAfter = "2026-11-11T20:00:00+08:00"
    static let closesAfter = "2026-11-11T22:00:00+08:00"

    private static let cache = Mutex<String?>(nil)

    /// Returns ``text(inputs:)`` for the shared data, computed once per test process.
    static func cachedText() throws -> String {
        if let text = cache.withLock({ $0 }) {
            return text
        }
        let text = try text(inputs: ScoringInputs.read())
        cache.withLock { $0 = text }
        return text
    }

    static var defaultFile: URL {
        SharedData.packageRoot.appendingPathComponent("scorecards/default.json")
    }

    /// Returns the scorecard text: the default file with the extra campaign first in `campaigns`.
    static func text(inputs: ScoringInputs) throws -> String {
        let base = try String(contentsOf: defaultFile, encoding: .utf8)
        guard let key = base.range(of: "\"campaigns\""),
              let bracket = base.range(of: "[", range: key.upperBound..<base.endIndex)
        else { throw HarnessError("\(defaultFile.path) has no campaigns list") }
        let rest = base[bracket.upperBound...].drop { $0.isWhitespace }
        let separator = rest.first == "]" ? "" : ","
        return String(base[..<bracket.upperBound]) + "\n" + (try campaign(inputs: inputs)) + separator
            + String(base[bracket.upperBound...])
    }

    private static func campaign(inputs: ScoringInputs) throws -> String {
        let paid = inputs.orders.map(\.paidAt).sorted()
        guard let opensAfter = TimestampFormat.parse(opensAfter), let closesAfter = TimestampFormat.parse(closesAfter),
              let from = paid.first(where: { $0 >= opensAfter }), let to = paid.first(where: { $0 >= closesAfter })
        else { throw HarnessError("the orders do not reach \(closesAfter)") }

        var sales: [String: Decimal] = [:]
        for order in inputs.orders where from <= order.paidAt && order.paidAt < to {
            if let team = order.agent.flatMap({ inputs.roster[$0]?.team }) {
                sales[team, default: 0] += order.amount
            }
        }
        let ranked = sales.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
        guard ranked.count >= 2 else { throw HarnessError("fewer than two teams sold in the window") }
        let targets = [(ranked[0].key, ranked[0].value), (ranked[1].key, ranked[1].value + Decimal(1) / 100)]
            .map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ")

        let utc = Timestamp(epochMilliseconds: to.epochMilliseconds, utcOffsetSeconds: 0)
        return """
                {"id": "\(campaignId)", "name": {"zh-CN": "测试晚场", "en": "Test evening"},
                 "from": "\(from.iso8601)", "to": "\(utc.iso8601)",
                 "rewardTopN": \(rewardTopN), "teamTargets": {\(targets)}}
            """
    }
}

import Foundation
import Testing
import VigilContracts
import VigilTestSupport
@testable import VigilScoring

/// A bounded, seeded fuzz run over the scorecard loader, on mutations of the
/// default scorecard and of the parser tests' scorecard. The environment
/// variables of docs/FUZZING.md set the cases, the seed and a single case.
///
/// A file either loads or fails with messages whose lines lie within the
/// file. A loaded scorecard scores empty, typical and extreme figures with
/// a total between 0 and 100, or none.
@Suite("Scorecard loader fuzzing", .serialized)
struct ScorecardFuzzTests {
    private let mutator = FuzzMutator()
    private let files: [[UInt8]]

    init() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let defaultCard = try Data(contentsOf: root.appendingPathComponent("scorecards/default.json"))
        files = [Array(defaultCard), Array(ScorecardParserTests.valid.utf8)]
    }

    @Test("scorecard loader survives mutated files")
    func fuzzScorecards() {
        let settings = FuzzSettings.fromEnvironment(defaultIterations: 400)
        var failures = 0
        for index in settings.caseIndices {
            var generator = SplitMix64(seed: settings.seed, target: "scorecard", index: index)
            let base = files.randomElement(using: &generator)!
            let input = mutator.mutate(base, corpus: files, using: &generator)

            FuzzCrashReporter.running("scorecard case \(index): \(settings.reproduction(index))")
            let problems = check(input)
            FuzzCrashReporter.finished()

            guard !problems.isEmpty else { continue }
            failures += 1
            let path = FuzzSettings.save(input, target: "scorecard", seed: settings.seed, index: index)
            Issue.record("""
                fuzz target scorecard, case \(index): \(problems.prefix(3).joined(separator: "; "))
                replay: \(settings.reproduction(index)) swift test --disable-xctest --filter ScorecardFuzzTests
                input (\(input.count) bytes) saved to \(path)
                """)
            if failures == 5 {
                return
            }
        }
    }

    // MARK: - Properties

    /// Loads `input` as `vigil scorecard check` does and returns what went wrong.
    private func check(_ input: [UInt8]) -> [String] {
        let text = String(decoding: input, as: UTF8.self)
        let scorecard: Scorecard
        do {
            scorecard = try Scorecard.parse(text, fileName: "fuzz.json")
        } catch {
            // Counted in bytes: "\r\n" is one Character, so splitting the String would miss lines.
            let lines = input.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            return ([error] + error.otherProblems).compactMap { problem in
                if problem.message.isEmpty {
                    return "a problem without a message"
                }
                if let line = problem.line, !(1...lines).contains(line) {
                    return "line \(line) outside a file of \(lines) lines"
                }
                return nil
            }
        }

        return Self.figures.compactMap { figures in
            guard let total = scorecard.evaluate(figures).total else { return nil }
            return total.isFinite && (0...100).contains(total) ? nil : "total \(total) outside 0 to 100"
        }
    }

    /// Figures with nothing, with typical values and with extreme ones.
    private static let figures = [
        ScoreFigures(),
        ScoreFigures(conversations: 120, firstResponses: 118, firstResponseSecondsTotal: 2_400,
                     firstResponseMedianSeconds: 14, firstResponseP90Seconds: 61, rounds: 400,
                     responseMedianSeconds: 20, responseP90Seconds: 95, repliesWithinLimit: 380, slowReplies: 20,
                     alerts: 6, alertsByCategory: ["complaint": 5, "regulator": 1], cases: 3, acknowledgedCases: 3,
                     acknowledgeMedianSeconds: 240, complaints: 1, orders: 30, sales: 4_890.5,
                     convertedConversations: 25),
        ScoreFigures(conversations: Int.max / 2, firstResponseMedianSeconds: 1e300, responseP90Seconds: 0,
                     repliesWithinLimit: Int.max / 2, slowReplies: Int.max / 2, regulatorComplaints: 9_999,
                     regulatorHumanCauseCases: 9_999, rectificationsDue: 1, rectificationsOnTime: 2,
                     orders: Int.max / 2, sales: Decimal(string: "1e100")!, convertedConversations: Int.max / 2),
    ]
}

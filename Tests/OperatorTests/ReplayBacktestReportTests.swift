import Testing
import VigilContracts
@testable import Operator

/// Builds a backtest in which `versionOnly` alerts differ only in the rules
/// version and notification text, and one alert also in severity.
private func versionBacktest(versionOnly: Int) throws -> (ReplayComparison, AlertBacktest) {
    var live = try (0..<versionOnly).map {
        try ReplayFixture.record(ReplayFixture.alert(String(format: "a-same-%03d", $0), ruleVersion: "v12"))
    }
    var replay = try (0..<versionOnly).map {
        try ReplayFixture.record(ReplayFixture.alert(String(format: "a-same-%03d", $0), ruleVersion: "v13"))
    }
    live.append(try ReplayFixture.record(ReplayFixture.alert("a-severity", severity: .high, ruleVersion: "v12")))
    replay.append(try ReplayFixture.record(ReplayFixture.alert("a-severity", severity: .critical, ruleVersion: "v13")))
    let comparison = ReplayDiff.compare(live: live, replay: replay)
    return (comparison, AlertBacktest(comparison: comparison))
}

@Suite("Replay text report in backtest mode")
struct ReplayBacktestReportTests {
    @Test("version-only records counted in Chinese")
    func versionOnlyChinese() throws {
        let (comparison, backtest) = try versionBacktest(versionOnly: 60)
        let text = ReplayReport.text(comparison, backtest: backtest,
                                     header: ReplayFixture.header(live: "v12", candidate: "v13"), language: .chinese)

        let alertsRow = text.split(separator: "\n").first { $0.hasPrefix("alerts ") }
        #expect(alertsRow?.hasSuffix(" 61") == true, "the summary table still counts them: \(alertsRow ?? "")")
        #expect(text.contains("不同（1）：两边都有但内容不同的记录"))
        #expect(text.contains("  alerts  a-severity"))
        #expect(text.contains("\n60 条记录只有规则版本不同（未列出，见 JSON 报告）\n"))
        #expect(!text.contains("a-same-000"))
        #expect(!text.contains("… 还有"))
    }

    @Test("version-only records counted in English")
    func versionOnlyEnglish() throws {
        let (comparison, backtest) = try versionBacktest(versionOnly: 1)
        let text = ReplayReport.text(comparison, backtest: backtest,
                                     header: ReplayFixture.header(live: "v12", candidate: "v13"), language: .english)

        #expect(text.contains("Different (1): records on both sides"))
        #expect(text.contains("\n1 record differs only in the rules version (not listed, see the JSON report)\n"))
        #expect(!text.contains("a-same-000"))
    }

    @Test("backtest section before record lists")
    func backtestFirst() throws {
        let (comparison, backtest) = try versionBacktest(versionOnly: 2)
        for language in [Language.chinese, .english] {
            let text = ReplayReport.text(comparison, backtest: backtest,
                                         header: ReplayFixture.header(live: "v12", candidate: "v13"), language: language)
            let backtestTitle = language == .chinese ? "规则回测：" : "Rule backtest:"
            let listTitle = language == .chinese ? "不同（1）" : "Different (1)"
            let backtestStart = try #require(text.range(of: backtestTitle))
            let listStart = try #require(text.range(of: listTitle))
            #expect(backtestStart.lowerBound < listStart.lowerBound, "\(language)")
        }
    }

    @Test("text change without version change listed")
    func textOnlyListed() throws {
        let live = [try ReplayFixture.record(ReplayFixture.alert("a-text"))]
        let replay = [try ReplayFixture.record(ReplayFixture.alert("a-text") {
            $0.text = LocalizedText(chinese: "另一段文本", english: "other text")
        })]
        let comparison = ReplayDiff.compare(live: live, replay: replay)
        let text = ReplayReport.text(comparison, backtest: AlertBacktest(comparison: comparison),
                                     header: ReplayFixture.header(), language: .english)

        #expect(text.contains("Different (1)"))
        #expect(text.contains("  alerts  a-text"))
        #expect(!text.contains("differ only in the rules version"))
        #expect(!text.contains("differs only in the rules version"))
    }

    @Test("version-only records listed without backtest")
    func listedWithoutBacktest() throws {
        let (comparison, _) = try versionBacktest(versionOnly: 2)
        let text = ReplayReport.text(comparison, backtest: nil, header: ReplayFixture.header(), language: .english)

        #expect(text.contains("Different (3)"))
        #expect(text.contains("a-same-000"))
        #expect(!text.contains("differ only in the rules version"))
    }
}

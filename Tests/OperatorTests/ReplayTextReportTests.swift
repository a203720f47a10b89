import Testing
import VigilContracts
@testable import Operator

/// Compares case.events records so that each outcome occurs once.
private func mixedComparison() -> ReplayComparison {
    let live = [ReplayFixture.record(id: "c-match", json: #"{"a":1}"#),
                ReplayFixture.record(id: "c-missing", json: #"{"a":1}"#),
                ReplayFixture.record(id: "c-diff", json: #"{"state":"open"}"#)]
    let replay = [ReplayFixture.record(id: "c-match", json: #"{"a":1}"#),
                  ReplayFixture.record(id: "c-extra", json: #"{"a":1}"#),
                  ReplayFixture.record(id: "c-diff", json: #"{"state":"closed"}"#)]
    return ReplayDiff.compare(live: live, replay: replay)
}

/// Builds a backtest with one added alert and one changed alert.
private func sampleBacktest() throws -> (ReplayComparison, AlertBacktest) {
    let live = [ReplayFixture.alert("a-changed", severity: .high, ruleVersion: "v12")]
    let replay = [
        ReplayFixture.alert("a-changed", severity: .critical, ruleVersion: "v13"),
        ReplayFixture.alert("a-added", category: .regulator, terms: ["12315", "工商"], ruleIds: ["reg-1", "reg-2"],
                            ruleVersion: "v13", at: "2026-11-11T01:30:00Z"),
    ]
    let comparison = ReplayDiff.compare(live: try live.map(ReplayFixture.record),
                                        replay: try replay.map(ReplayFixture.record))
    return (comparison, AlertBacktest(comparison: comparison))
}

@Suite("Replay text report")
struct ReplayTextReportTests {
    @Test("escalation header counts case commands without a note")
    func caseCommandsCounted() {
        let header = ReplayHeader(service: "escalation", from: ReplayFixture.from, to: ReplayFixture.to,
                                  inputRecords: ["alerts": 40, "case.commands": 3])
        let text = ReplayReport.text(mixedComparison(), backtest: nil, header: header, language: .english)

        // Commands wait for watermark rounds like alerts, so a replay meets them as live did.
        #expect(text.contains("alerts 40, case.commands 3"))
        #expect(!text.contains("Note:"))
    }

    @Test("header notes late input records")
    func lateRecordsNote() {
        var header = ReplayFixture.header()
        header.service = "escalation"
        header.lateInputRecords = ["alerts": 3, "complaints": 0, "orders": 2]
        let chinese = ReplayReport.text(mixedComparison(), backtest: nil, header: header, language: .chinese)
        let english = ReplayReport.text(mixedComparison(), backtest: nil, header: header, language: .english)

        #expect(chinese.contains("迟到输入记录（时间早于所在分区此前已读到的水位）：alerts 3，orders 2\n"))
        #expect(english.contains("Late input records (time below a watermark read earlier on their partition): "
            + "alerts 3, orders 2\n"))
        // Escalation releases late records by watermark rounds, so they need no note.
        #expect(!english.contains("Note:"))
        #expect(!chinese.contains("注意："))
        #expect(!english.contains("complaints 0"), "topics without late records are left out")

        header.lateInputRecords = ["alerts": 0]
        let none = ReplayReport.text(mixedComparison(), backtest: nil, header: header, language: .english)
        #expect(none.contains("Late input records: none"))
        #expect(!none.contains("Note:"))

        header.service = "alerting"
        header.lateInputRecords = ["chat.messages": 5]
        let alerting = ReplayReport.text(mixedComparison(), backtest: nil, header: header, language: .english)
        #expect(alerting.contains("Late input records (time below a watermark read earlier on their partition): "
            + "chat.messages 5\n"))
        #expect(!alerting.contains("Note:"))
    }

    @Test("Chinese summary and lists")
    func chinese() {
        let text = ReplayReport.text(mixedComparison(), backtest: nil, header: ReplayFixture.header(), language: .chinese)
        #expect(text.contains("回放比对：alerting"))
        #expect(text.contains("事件时间范围：2026-11-11 00:00:00 – 2026-11-12 00:00:00（UTC+08:00"))
        #expect(text.contains("回放读取的输入记录（不含水位记录）：chat.messages 1200，roster 30"))
        #expect(text.contains("回放读取的输入水位记录：chat.messages 48"))
        #expect(text.contains("输出水位记录（不参与比对）：线上 24，回放 24"))
        #expect(text.contains("迟到输入记录：无"))
        #expect(!text.contains("注意"))
        #expect(text.contains("主题"))
        #expect(text.contains("case.events     1     1     1     1"))
        #expect(text.contains("结论：回放输出与线上输出不一致。"))
        #expect(text.contains("缺失（1）：线上有、回放没有的记录"))
        #expect(text.contains("  case.events  c-missing  键 shop-1/buyer-1  事件时间 2026-11-11 09:00:00"))
        #expect(text.contains("多出（1）：回放有、线上没有的记录"))
        #expect(text.contains("不同（1）：两边都有但内容不同的记录"))
        #expect(text.contains("    state: \"open\" → \"closed\""))
        #expect(!text.contains("Topic"))
    }

    @Test("English with language en")
    func english() {
        let text = ReplayReport.text(mixedComparison(), backtest: nil, header: ReplayFixture.header(), language: .english)
        #expect(text.contains("Replay comparison: alerting"))
        #expect(text.contains("Input records the replay read (watermarks excluded): chat.messages 1200, roster 30"))
        #expect(text.contains("Input watermark records the replay read: chat.messages 48"))
        #expect(text.contains("Output watermark records (not compared): live 24, replay 24"))
        #expect(text.contains("Late input records: none"))
        #expect(text.contains("Topic"))
        #expect(text.contains("matched"))
        #expect(text.contains("Missing (1): records only the live topic has"))
        #expect(text.contains("  case.events  c-missing  key shop-1/buyer-1  event time 2026-11-11 09:00:00"))
        #expect(text.contains("Result: the replay's output differs from the live output."))
        #expect(!text.contains("主题"))
    }

    @Test("clean comparison says it matches")
    func clean() {
        let record = ReplayFixture.record(id: "c1", json: "{}")
        let comparison = ReplayDiff.compare(live: [record], replay: [record])
        let text = ReplayReport.text(comparison, backtest: nil, header: ReplayFixture.header(), language: .english)
        #expect(text.contains("Result: the replay's output matches the live output."))
        #expect(!text.contains("Missing"))
    }

    @Test("lists stop after 50 with a more line")
    func truncation() {
        let live = (0..<53).map { ReplayFixture.record(id: String(format: "c-%03d", $0), json: "{}") }
        let comparison = ReplayDiff.compare(live: live, replay: [])
        let chinese = ReplayReport.text(comparison, backtest: nil, header: ReplayFixture.header(), language: .chinese)
        #expect(chinese.contains("c-049"))
        #expect(!chinese.contains("c-050"))
        #expect(chinese.contains("  … 还有 3 条"))

        let english = ReplayReport.text(comparison, backtest: nil, header: ReplayFixture.header(), language: .english)
        #expect(english.contains("  … 3 more"))

        let exact = ReplayDiff.compare(live: Array(live.prefix(50)), replay: [])
        let full = ReplayReport.text(exact, backtest: nil, header: ReplayFixture.header(), language: .english)
        #expect(full.contains("c-049"))
        #expect(!full.contains("more"))
    }

    @Test("conflicts and order differences listed")
    func conflictsAndOrder() {
        let e1 = ReplayFixture.record(id: "e1", key: "k", json: "1")
        let e2 = ReplayFixture.record(id: "e2", key: "k", json: "2")
        let comparison = ReplayDiff.compare(live: [e1, ReplayFixture.record(id: "e1", key: "k", json: "9"), e1, e2],
                                            replay: [e2, e1])
        let text = ReplayReport.text(comparison, backtest: nil, header: ReplayFixture.header(), language: .english)
        #expect(text.contains("live  case.events  e1: 2 values"))
        #expect(text.contains("case.events  key k"))
        #expect(text.contains("live:   e1, e2"))
        #expect(text.contains("replay: e2, e1"))
    }

    @Test("backtest lists alerts in Chinese")
    func backtestChinese() throws {
        let (comparison, backtest) = try sampleBacktest()
        let text = ReplayReport.text(comparison, backtest: backtest,
                                     header: ReplayFixture.header(live: "v12", candidate: "v13"), language: .chinese)
        #expect(text.contains("规则版本：线上 v12，回放 v13"))
        #expect(text.contains("规则回测：候选规则 v13 对比线上规则 v12"))
        #expect(text.contains("新增预警 1，消失预警 0，变化预警 1，未变预警 0"))
        #expect(text.contains("新增预警（1）：只有候选规则产生"))
        #expect(text.contains("变化预警（1）：两边都有但事件不同"))
        #expect(!text.contains("消失预警（"))
        #expect(text.contains("  a-added  会话 shop-1/buyer-1  监管  严重度 高  首次预警 2026-11-11 09:30:00  "
            + "命中词：12315、工商  规则：reg-1、reg-2"))
        #expect(text.contains("  a-changed  会话 shop-1/buyer-1  投诉  严重度 严重"))
        #expect(text.contains("    变化事件 a-changed"))
        #expect(text.contains("      severity: \"high\" → \"critical\""))
        #expect(!text.contains("      ruleVersion"))
    }

    @Test("backtest lists alerts in English")
    func backtestEnglish() throws {
        let (comparison, backtest) = try sampleBacktest()
        let text = ReplayReport.text(comparison, backtest: backtest,
                                     header: ReplayFixture.header(live: "v12", candidate: "v13"), language: .english)
        #expect(text.contains("Rule backtest: candidate rules v13 against live rules v12"))
        #expect(text.contains("1 added, 0 dropped, 1 changed, 0 unchanged alerts"))
        #expect(text.contains("Added alerts (1): raised only by the candidate rules"))
        #expect(text.contains("  a-added  thread shop-1/buyer-1  regulator  severity high  raised 2026-11-11 09:30:00  "
            + "terms: 12315, 工商  rules: reg-1, reg-2"))
        #expect(text.contains("    changed event a-changed"))
        #expect(text.contains("      severity: \"high\" → \"critical\""))
    }

    @Test("backtest lists stop after 50")
    func backtestTruncation() throws {
        let replay = try (0..<51).map { try ReplayFixture.record(ReplayFixture.alert(String(format: "a-%03d", $0))) }
        let comparison = ReplayDiff.compare(live: [], replay: replay)
        let text = ReplayReport.text(comparison, backtest: AlertBacktest(comparison: comparison),
                                     header: ReplayFixture.header(), language: .english)
        let backtestPart = try #require(text.components(separatedBy: "Rule backtest").last)
        #expect(backtestPart.contains("a-049"))
        #expect(!backtestPart.contains("a-050"))
        #expect(backtestPart.contains("  … 1 more"))
    }
}

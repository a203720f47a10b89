import Testing
import VigilContracts
@testable import Operator

@Suite("Escalation report rendering")
struct EscalationReportRenderingTests {
    private var report: EscalationReport {
        EscalationReport(events: EscalationFixture.events, period: EscalationFixture.week46)
    }

    @Test("CSV quoting after RFC 4180")
    func csvQuoting() {
        #expect(CSVReportRenderer.field("plain") == "plain")
        #expect(CSVReportRenderer.field("a,b") == "\"a,b\"")
        #expect(CSVReportRenderer.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVReportRenderer.field("two\nlines") == "\"two\nlines\"")
        #expect(CSVReportRenderer.field("two\r\nlines") == "\"two\r\nlines\"")
        #expect(CSVReportRenderer.line(["王五（A-1）、李四（S-01）", "x,y"]) == "王五（A-1）、李四（S-01）,\"x,y\"\r\n")
    }

    @Test("CSV sections in English")
    func csvSections() {
        let csv = CSVReportRenderer.render(report.document(in: .english))
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines.first == "\"Escalation and accountability report: week 2026-W46 (2026-11-09 to 2026-11-15, UTC+08:00)\"")
        #expect(lines.contains("Escalations by channel"))
        #expect(lines.contains("channel,this period,previous,change"))
        #expect(lines.contains("12315 hotline,1,1,0"))
        #expect(lines.contains("consumer association,1,0,+1"))
        #expect(lines.contains("acknowledged in time (share),66.7%,50.0%,-"))
        #expect(lines.contains("median time to acknowledge (minutes),20.0,5.0,-"))
        #expect(lines.contains("case-a,V1,hz,T1,A-1,12315 hotline,unprofessional handling,王小林 (A-1),"
            + "李主管 (S-01); 张经理 (M-01),done,submitted,2026-11-19 10:00"))
        #expect(lines.contains("case-b,V1,sh,T2,A-2,recorded escalation to regulator,not yet classified,-,-,not done,-,-"))
        #expect(lines.contains("case-c,V2,gz,T3,A-3,market regulator,product,-,-,not done,not required,-"))
        #expect(lines.contains("overdue,1"))
        #expect(lines.contains { $0.hasPrefix("\"Warning: 4 regulator escalations this period against 1") })
        #expect(!csv.contains("\n\n"), "every line ends in CRLF")
    }

    @Test("CSV quotes a vendor with a comma")
    func csvVendorQuoted() {
        var document = report.document(in: .english)
        document.subtitle = ["Vendor: Acme, Ltd."]
        #expect(CSVReportRenderer.render(document).contains("\r\n\"Vendor: Acme, Ltd.\"\r\n"))
    }

    @Test("Chinese by default texts")
    func chineseTable() {
        let text = TableReportRenderer.render(report.document(in: .chinese))
        #expect(text.hasPrefix("升级与问责报告：2026-W46 周（2026-11-09 至 2026-11-15，UTC+08:00）\n外包商：全部\n"))
        #expect(text.contains("警告：本期升级到监管 4 起，上期 1 起"))
        #expect(text.contains("监管案件责任"))
        #expect(text.contains("王小林（A-1）"))
        #expect(text.contains("李主管（S-01）、张经理（M-01）"))
        #expect(text.contains("待复盘"))
        #expect(text.contains("无需整改"))
        #expect(text.contains("已逾期"))
    }

    @Test("Markdown headings and pipe tables")
    func markdown() {
        let text = MarkdownReportRenderer.render(report.document(in: .chinese))
        #expect(text.hasPrefix("# 升级与问责报告"))
        #expect(text.contains("\n## 升级渠道\n\n| 渠道 | 本期 | 上期 | 变化 |\n| --- | ---: | ---: | ---: |\n"))
        #expect(text.contains("| 12315 | 1 | 1 | 0 |"))
        #expect(text.contains("> **警告：本期升级到监管 4 起"))
        #expect(MarkdownReportRenderer.cell("a|b\nc") == "a\\|b<br>c")
    }

    @Test("empty table says none")
    func emptyTable() {
        let empty = EscalationReport(events: [], period: EscalationFixture.week46)
        let text = TableReportRenderer.render(empty.document(in: .english))
        #expect(text.contains("Regulator cases and responsibility\n(none)"))
        #expect(text.contains("acknowledged in time (share)"))
    }
}

import Testing
import VigilContracts
@testable import Operator
import VigilHTML

@Suite("HTML report rendering")
struct HTMLReportRenderingTests {
    private let document = ReportDocument(
        title: "Report <1> & \"2\"", subtitle: ["line <b>"], warnings: ["watch out"],
        sections: [ReportSection(title: "Table", headers: ["name", "value"], rows: [["<script>alert(1)</script>", "5"]],
                                 rightAligned: [1], notes: ["a note"], id: "main"),
                   ReportSection(title: "Empty", headers: ["x"], rows: [])],
        emptyText: "(none)")

    @Test("page escapes text")
    func escaping() {
        let html = HTMLReportRenderer.render(document, language: .english)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(html.contains("<title>Report &lt;1&gt; &amp; &quot;2&quot;</title>"))
        #expect(html.contains("<td>&lt;script&gt;alert(1)&lt;/script&gt;</td><td class=\"number\">5</td>"))
        #expect(!html.contains("<script"))
        #expect(html.contains("<p class=\"warning\">watch out</p>"))
        #expect(html.contains("<p class=\"note\">a note</p>"))
        #expect(html.contains("<section class=\"table\" id=\"main\">"))
        #expect(html.contains("<section class=\"table\" id=\"section-2\">\n<h2>Empty</h2>\n<p class=\"empty\">(none)</p>"))
    }

    @Test("page loads nothing")
    func selfContained() {
        let html = HTMLReportRenderer.render(document, language: .chinese)
        #expect(html.contains("<html lang=\"zh-CN\">"))
        #expect(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
            + "style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\">"))
        #expect(!html.contains("http:"))
        #expect(!html.contains("https:"))
        #expect(!html.contains("url("))
        #expect(!html.contains(" src="))
        #expect(!html.contains(" href="))
    }

    @Test("escalation report as HTML")
    func escalationPage() {
        let report = EscalationReport(events: EscalationFixture.events, period: EscalationFixture.week46)
        let html = ReportFormat.html.render(report.document(in: .chinese), language: .chinese)
        #expect(html.contains("<html lang=\"zh-CN\">"))
        #expect(html.contains("<h1>升级与问责报告：2026-W46 周（2026-11-09 至 2026-11-15，UTC+08:00）</h1>"))
        #expect(html.contains("<th>渠道</th>"))
        #expect(!html.contains("<svg"), "the escalation report has no charts")
    }

    @Test("ids are safe")
    func identifiers() {
        #expect(HTMLText.identifier("A-hz-a01") == "A-hz-a01")
        #expect(HTMLText.identifier("店 1") == "_5e97_201")
    }

    @Test("bar panel writes labels and values")
    func barPanel() {
        let svg = SVGBarPanel(title: "Score", bars: [.init(label: "V-1", value: 50, text: "50.00"),
                                                     .init(label: "V-2", value: nil, text: "-")],
                              color: "#123456", scaleMaximum: 100).render(id: "panel")
        #expect(svg.hasPrefix("<svg id=\"panel\" class=\"chart\" width=\"330\" height=\"80\""))
        #expect(svg.contains("<g class=\"bar\" data-label=\"V-1\" data-value=\"50.00\">"))
        #expect(svg.contains("<rect x=\"104\" y=\"33\" width=\"75\" height=\"14\" fill=\"#123456\"><title>V-1: 50.00</title></rect>"),
                "half of the 150-pixel bar")
        #expect(svg.contains(">-</text>"))
        #expect(!svg.contains("xmlns"))
    }

    @Test("long labels are shortened")
    func shortened() {
        #expect(SVGBarPanel.shortened("T-hz-a") == "T-hz-a")
        #expect(SVGBarPanel.shortened("杭州A组客服01号长名字") == "杭州A组客服01号…", "15 columns and the ellipsis")
    }

    @Test("single series trend has labels")
    func lineLabels() {
        let one = SVGLineChart(title: "t", xLabels: (1...20).map { "11-\($0)" },
                               series: [.init(label: "V-1", values: (1...20).map { Double($0) })], maximum: 100,
                               format: { ScoreNumbers.compact($0) }).render(id: "one")
        #expect(one.components(separatedBy: "class=\"point-value\"").count == 21)
        let many = SVGLineChart(title: "t", xLabels: ["a", "b", "c", "d", "e"],
                                series: (1...3).map { .init(label: "S\($0)", values: [1, 2, nil, 4, 5]) }, maximum: 100,
                                format: { ScoreNumbers.compact($0) }).render(id: "many")
        #expect(!many.contains("point-value"), "15 points on three lines")
        #expect(many.components(separatedBy: "<polyline").count == 7, "a gap splits each line in two")
    }
}

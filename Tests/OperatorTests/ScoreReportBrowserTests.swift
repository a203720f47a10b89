import Foundation
import Testing
import VigilContracts
import VigilScoring
@testable import Operator

/// Renders score reports built from Score events, opens them in Debian's
/// headless chromium and reads back what the browser parsed and drew. Fails
/// when chromium is missing (scripts/install-deps.sh installs it).
@Suite("Score report in the browser", .serialized)
final class ScoreReportBrowserTests {
    private let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-browser-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    private func report(_ kind: ScoreSubjectKind, _ scope: ScoreReportScope) -> ScoreReport {
        ScoreReport(snapshot: ScoreTopicSnapshot(scores: ScoreReportFixture.scores), scope: scope, kind: kind,
                    names: ScoreSubjectNames(people: ScoreReportFixture.roster), scorecard: ScoreReportFixture.scorecard)
    }

    private var week46: ScoreReportScope {
        .calendar(.week, containing: reportTime("2026-11-12T09:00:00+08:00"))
    }

    /// Writes a page and returns its file URL.
    private func write(_ html: String, _ name: String) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try Data(html.utf8).write(to: url)
        return url
    }

    /// Loads a page in chromium and returns the parsed DOM and the page's own network requests.
    private func load(_ html: String, _ name: String) throws -> (dom: DOMElement, requests: [String]) {
        let chromium = try HeadlessChromium.locate(folder: folder)
        let run = try chromium.dumpDOM(try write(html, name))
        #expect(run.status == 0, "chromium failed: \(run.standardError.suffix(2000))")
        #expect(run.standardOutput.contains("</html>"), "chromium printed no DOM")
        return (DOMParser.parse(run.standardOutput), try HeadlessChromium.pageRequests(in: run.netLog))
    }

    private func twoDecimals(_ value: Double?) -> String {
        value.map { String(format: "%.2f", $0) } ?? "-"
    }

    private func oneDecimalOrWhole(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }

    /// Returns the fixture's score of one subject for a period key.
    private func fixtureScore(_ kind: ScoreSubjectKind, _ id: String, _ key: String) -> Score? {
        ScoreReportFixture.scores(kind, period: key).first { $0.subject.id == id }
    }

    /// Texts of the elements of one class inside an element, in document order.
    private func texts(_ element: DOMElement?, _ className: String) -> [String] {
        element?.elements(className: className).map(\.text) ?? []
    }

    // MARK: - Static checks

    /// Lists what in a parsed page could load something from elsewhere: elements that
    /// fetch, attributes that name a resource, and URLs in styles or attributes.
    static func externalReferences(in root: DOMElement) -> [String] {
        let fetching: Set<String> = ["script", "link", "img", "iframe", "frame", "object", "embed", "base", "audio",
                                     "video", "source", "track", "image", "use", "form", "input", "picture"]
        let resourceAttributes: Set<String> = ["src", "href", "xlink:href", "srcset", "action", "formaction", "poster",
                                               "background", "data", "ping", "manifest"]
        var findings: [String] = []
        for element in root.descendants {
            if fetching.contains(element.tag) {
                findings.append("<\(element.tag)> element")
            }
            for (name, value) in element.attributes {
                if resourceAttributes.contains(name) || name.hasPrefix("on") {
                    findings.append("\(name)=\"\(value)\" on <\(element.tag)>")
                } else if value.contains("://") || value.lowercased().contains("url(") {
                    findings.append("\(name)=\"\(value)\" on <\(element.tag)>")
                }
            }
            if element.tag == "style", element.text.lowercased().contains("url(") || element.text.contains("@import") {
                findings.append("a URL in a style element")
            }
            if element.tag == "meta", element.attributes["http-equiv"]?.lowercased() == "refresh" {
                findings.append("a refresh meta element")
            }
        }
        if root.text.contains("http://") || root.text.contains("https://") {
            findings.append("a URL in the text")
        }
        return findings
    }

    // MARK: - Tests

    @Test("Chinese page in chromium")
    func chinesePage() throws {
        let report = report(.agent, week46)
        let (dom, requests) = try load(report.html(in: .chinese), "week-agents.zh.html")

        let html = try #require(dom.elements("html").first)
        #expect(html.attributes["lang"] == "zh-CN")
        let policy = dom.elements("meta").first { $0.attributes["http-equiv"] == "Content-Security-Policy" }
        #expect(policy?.attributes["content"]?.hasPrefix("default-src 'none';") == true)
        #expect(dom.elements("h1").first?.text == "客服考核评分报告：2026-W46 周（2026-11-09 至 2026-11-15，UTC+08:00）")
        #expect(Self.externalReferences(in: dom) == [])
        #expect(requests == [], "the page requested nothing")

        // The score table.
        let table = try #require(dom.element(id: "scores")?.elements("table").first)
        #expect(table.elements("th").prefix(4).map(\.text) == ["客服", "姓名", "总分", "会话数"])
        let rows = try #require(table.elements("tbody").first).elements("tr")
        #expect(rows.count == 4)
        for row in rows {
            let cells = row.elements("td").map(\.text)
            let score = try #require(fixtureScore(.agent, cells[0], "week/2026-11-09"))
            #expect(cells[2] == twoDecimals(score.scorecard?.total), "\(cells[0]) total")
            #expect(cells[3] == String(score.figures.conversations), "\(cells[0]) conversations")
        }
        let explanation = dom.element(id: "explain-A-hz-b01")
        #expect(texts(explanation, "note").contains("一票否决项 regulator-human-cause（人为原因监管案件）：1，上限 0，未通过。"))

        // Vendor and team comparison.
        let vendorBars = try #require(dom.element(id: "chart-vendors-score")).elements(className: "bar")
        #expect(Set(vendorBars.compactMap { $0.attributes["data-label"] }) == ["V-BAIXING", "V-JINXIU"])
        for bar in vendorBars {
            let vendor = texts(bar, "bar-label").first ?? ""
            let score = fixtureScore(.vendor, vendor, "week/2026-11-09")
            #expect(texts(bar, "bar-value") == [twoDecimals(score?.scorecard?.total)], "\(vendor) score")
        }
        #expect(texts(dom.element(id: "chart-vendors-score"), "bar-value").contains("0.00"),
                "the critical item zeroes the vendor of A-hz-b01")
        let conversationBars = try #require(dom.element(id: "chart-vendors-conversations")).elements(className: "bar")
        for bar in conversationBars {
            let vendor = bar.attributes["data-label"] ?? ""
            let score = fixtureScore(.vendor, vendor, "week/2026-11-09")
            #expect(texts(bar, "bar-value") == [score.map { String($0.figures.conversations) } ?? "?"])
        }
        #expect(Set(texts(dom.element(id: "chart-teams-score"), "bar-label")) == ["T-hz-a", "T-hz-b", "T-sh-a"])

        // Daily trend.
        let trend = try #require(dom.element(id: "chart-trend-score"))
        let series = trend.elements(className: "series")
        #expect(series.count == 4)
        let first = try #require(series.first { $0.attributes["data-label"] == "A-hz-a01" })
        let expected = ScoreReportFixture.weekDays.compactMap { day in
            fixtureScore(.agent, "A-hz-a01", "day/\(day)")?.scorecard?.total.map {
                "A-hz-a01 \(day.dropFirst(5)): \(oneDecimalOrWhole($0))"
            }
        }
        #expect(expected.count == 7)
        #expect(first.elements(className: "point").map(\.text) == expected, "each point's title names its value")
        #expect(texts(first, "point-value") == [], "four crossing lines carry no value labels")
        #expect(texts(trend, "axis-label") == ["11-09", "11-10", "11-11", "11-12", "11-13", "11-14", "11-15"])
        let perDay = ScoreReportFixture.weekDays.map { day in
            String(ScoreReportFixture.scores(.agent, period: "day/\(day)").map(\.figures.conversations).reduce(0, +))
        }
        #expect(texts(dom.element(id: "chart-trend-conversations"), "column-value") == perDay)

        // Response time distribution.
        let distribution = try #require(dom.element(id: "chart-response-times-columns"))
        let buckets = ScoreReportFixture.scores(.agent, period: "week/2026-11-09").map(\.figures.responseTimeBuckets)
            .reduce(Array(repeating: 0, count: 8)) { zip($0, $1).map(+) }
        #expect(buckets.last == 0, "no wait above the 600 s cap")
        #expect(texts(distribution, "column-value") == buckets.dropLast().map(String.init), "the empty bucket above the cap is left out")
        #expect(texts(distribution, "column-label").first == "≤10 秒")
        #expect(texts(distribution, "column-label").last == "301–600 秒")
        #expect(texts(dom.element(id: "chart-vendors"), "caption").first?.hasPrefix("首次响应中位数和每百会话预警的条越短越好") == true)
    }

    @Test("single day page in chromium")
    func singleDayPage() throws {
        let day = ScoreReportScope.calendar(.day, containing: reportTime("2026-11-11T12:00:00+08:00"))
        let (dom, requests) = try load(report(.agent, day).html(in: .chinese), "day-agents.zh.html")
        #expect(requests == [])
        let trend = try #require(dom.element(id: "chart-trend"))
        #expect(trend.elements("svg").isEmpty, "no line chart of a single point per subject")
        #expect(texts(trend, "caption") == ["本期只有一天，没有每日趋势；当天的总分和会话数见下方“评分”一节。"])
        let table = try #require(dom.element(id: "scores"))
        #expect(table.elements("tbody").first?.elements("tr").count == 4)
        #expect(texts(table, "note").contains { $0.hasPrefix("回复超时预警：") })
    }

    @Test("English page in chromium")
    func englishPage() throws {
        let scope = try ScoreReportScope.campaign(nil, at: nil, scores: ScoreReportFixture.scores, scorecard: ScoreReportFixture.scorecard)
        let report = report(.team, scope)
        let (dom, requests) = try load(report.html(in: .english), "campaign-teams.en.html")
        #expect(dom.elements("html").first?.attributes["lang"] == "en")
        #expect(dom.elements("h1").first?.text == "Score report: 2026 Double 11 (2026-10-31 20:00 to 2026-11-12 00:00, UTC+08:00)")
        #expect(requests == [])
        #expect(Self.externalReferences(in: dom) == [])

        let board = try #require(dom.element(id: "leaderboard-T-hz-a"))
        #expect(board.elements("th").map(\.text) == ["rank", "agent", "name", "orders", "sales (CNY)", "rewarded"])
        let standing = ScoreReportFixture.standing(team: "T-hz-a")
        let rows = board.elements("tr").dropFirst().map { $0.elements("td").map(\.text) }
        #expect(rows.map { $0[1] } == standing.leaderboard.map(\.agent))
        #expect(rows.map { $0[5] } == standing.leaderboard.map { $0.rewarded ? "yes" : "no" })
        #expect(texts(board, "note").first?.contains(": met.") == true)
        #expect(texts(dom.element(id: "chart-trend-score"), "axis-label").first == "10-31")
        #expect(texts(dom.element(id: "chart-response-times-columns"), "column-label").last == "301–600 s")
    }

    @Test("screenshot is not blank")
    func screenshot() throws {
        let chromium = try HeadlessChromium.locate(folder: folder)
        let saveTo = ProcessInfo.processInfo.environment["VIGIL_REPORT_SCREENSHOT_DIR"].map(URL.init(fileURLWithPath:))
        let languages: [(Language, String)] = saveTo == nil
            ? [(.chinese, "scores-report.png")]
            : [(.chinese, "scores-report.png"), (.english, "scores-report.en.png")]
        for (language, name) in languages {
            let page = try write(report(.agent, week46).html(in: language), "screenshot.\(language.rawValue).html")
            let image = folder.appendingPathComponent(name)
            let run = try chromium.screenshot(page, to: image, height: 2250)
            #expect(run.status == 0, "chromium failed: \(run.standardError.suffix(2000))")

            let png = try PNGImage(data: Array(try Data(contentsOf: image)))
            #expect(png.width == 1280)
            #expect(png.height == 2250)
            #expect(Self.blankness(png) == [])
            #expect((Self.colors(png)[0x2f6db5] ?? 0) > 50, "the first series colour fills bars")
            if let saveTo {
                try FileManager.default.createDirectory(at: saveTo, withIntermediateDirectories: true)
                let destination = saveTo.appendingPathComponent(name)
                try? FileManager.default.removeItem(at: destination)
                try FileManager.default.copyItem(at: image, to: destination)
            }
        }
    }

    @Test("blank check catches a blank page")
    func blankPage() throws {
        let chromium = try HeadlessChromium.locate(folder: folder)
        let page = try write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"></head><body></body></html>",
                             "blank.html")
        let image = folder.appendingPathComponent("blank.png")
        let run = try chromium.screenshot(page, to: image, height: 600)
        #expect(run.status == 0, "chromium failed: \(run.standardError.suffix(2000))")
        let png = try PNGImage(data: Array(try Data(contentsOf: image)))
        #expect(Self.blankness(png).count == 2, "both the coverage and the colour count fail")
    }

    /// Counts the colours of every second pixel in both directions.
    static func colors(_ png: PNGImage) -> [UInt32: Int] {
        var counts: [UInt32: Int] = [:]
        for y in stride(from: 0, to: png.height, by: 2) {
            for x in stride(from: 0, to: png.width, by: 2) {
                counts[png.color(x: x, y: y), default: 0] += 1
            }
        }
        return counts
    }

    /// Lists why a screenshot looks blank: too little differs from the most
    /// common colour, or too few colours for text and charts. Empty when it does not.
    static func blankness(_ png: PNGImage) -> [String] {
        let counts = colors(png)
        let sampled = counts.values.reduce(0, +)
        let background = counts.values.max() ?? 0
        var reasons: [String] = []
        let covered = sampled == 0 ? 0 : Double(sampled - background) / Double(sampled)
        if covered <= 0.03 {
            reasons.append("only \(Int(covered * 100))% of the pixels differ from the background")
        }
        if counts.count <= 50 {
            reasons.append("only \(counts.count) colours")
        }
        return reasons
    }

    @Test("checks catch an external image")
    func taintedPage() throws {
        let clean = report(.vendor, week46).html(in: .english)
        let policy = "<meta http-equiv=\"Content-Security-Policy\" content=\"\(HTMLReportRenderer.contentSecurityPolicy)\">"
        #expect(clean.contains(policy))
        let tainted = clean.replacingOccurrences(of: policy, with: "")
            .replacingOccurrences(of: "<header>", with: "<header><img src=\"http://example.invalid/logo.png\" alt=\"\">")
        let (dom, requests) = try load(tainted, "tainted.html")
        #expect(requests.contains("http://example.invalid/logo.png"), "the network log shows the page's request")
        #expect(Self.externalReferences(in: dom).contains("<img> element"))
    }
}

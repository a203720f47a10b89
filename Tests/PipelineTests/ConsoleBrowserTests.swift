import Foundation
import Testing
import VigilContracts
import VigilRuntime
import VigilTestSupport

/// The web console in headless Chromium on the demo data (the shared chats):
/// the whole pipeline and `vigil-console` run as processes, as in `make console`.
/// With VIGIL_CONSOLE_SCREENSHOTS=DIR the test also writes a screenshot of
/// each page into DIR (docs/console/ keeps them).
@Suite("Web console in a browser on the real chats", .serialized,
       .enabled(if: (SharedData.isAvailable || SharedData.isRequired) && HeadlessBrowser.shouldRunTests,
                Comment(rawValue: HeadlessBrowser.skipReason)))
struct ConsoleBrowserTests {
    /// The brand manager, and a manager of each vendor of the shared roster.
    static let people = ["B-001", "M-hz", "M-cd"]

    @Test("live alerts, vendor separation, actions")
    func consoleOnTheSharedChats() throws {
        try SharedData.requireAvailable()
        let console = try ConsoleRun()
        defer { console.stop() }

        let browser = try HeadlessBrowser()
        defer { browser.quit() }
        let brand = try console.signIn("B-001", browser: browser)
        let baixing = try console.signIn("M-hz", browser: browser)

        let huayuCase = try #require(console.cases.first { $0.vendor == "V-HUAYU" })
        let baixingCase = try #require(console.cases.first { $0.vendor == "V-BAIXING" && $0.site == "hz" && $0.state == .open })

        try checkVendorSeparation(console, baixing: baixing, brand: brand, own: baixingCase, other: huayuCase)
        try checkRectification(console, brand: brand)
        try checkLiveAlerts(console, brand: brand, baixing: baixing)
        try checkPages(console, brand: brand, browser: browser)
        try checkAcknowledgement(console, page: baixing, caseId: baixingCase.id)
        try brand.navigate(to: console.url("/cases/\(baixingCase.id)"))
        try console.screenshot(brand, "case")
    }

    // MARK: - Steps

    /// Checks that a vendor's manager gets 404 for another vendor's case, by
    /// link, by list and by a form posted straight at it, and the brand does not.
    private func checkVendorSeparation(_ console: ConsoleRun, baixing: BrowserPage, brand: BrowserPage,
                                       own: ConsoleRun.CaseSummary, other: ConsoleRun.CaseSummary) throws {
        try brand.navigate(to: console.url("/cases/\(other.id)"))
        #expect(try brand.responseStatus() == 200)

        try baixing.navigate(to: console.url("/cases/\(other.id)"))
        #expect(try baixing.responseStatus() == 404)
        #expect(!(try baixing.evaluate("document.body.innerText").stringValue ?? "").contains(other.id))
        try baixing.navigate(to: console.url("/cases"))
        let listed = try baixing.evaluate("document.body.innerText").stringValue ?? ""
        #expect(!listed.contains(other.id))
        #expect(listed.contains(own.id))

        // This session's own form token, on a form aimed at the other vendor's case.
        try baixing.navigate(to: console.url("/cases/\(own.id)"))
        let posted = try baixing.evaluate("""
            (async () => {
              const form = new FormData(document.querySelector('#action-ack'));
              const response = await fetch('/cases/\(other.id)/ack', {method: 'POST', body: new URLSearchParams(form)});
              return response.status;
            })()
            """)
        #expect(posted == .integer(404))
    }

    /// Takes a regulator case through review to an accepted plan with
    /// `vigil case`, as the demo does, and finds it on the rectifications page.
    private func checkRectification(_ console: ConsoleRun, brand: BrowserPage) throws {
        let regulator = try #require(console.cases.first { $0.state == .escalatedRegulator && $0.site != nil })
        let manager = "M-\(regulator.site ?? "")"
        let steps: [[String]] = [
            ["ack", "--actor", manager, "--at", "2026-11-15T09:00+08:00"],
            ["classify", "--actor", manager, "--cause", "slow-response", "--at", "2026-11-15T09:10+08:00"],
            ["review", "--actor", manager, "--note", "顾客多次催促未获及时回复，转而投诉", "--step", "首次反映后等待超过 3 分钟",
             "--training", "回复时效培训", "--at", "2026-11-15T09:20+08:00"],
            ["rectify", "--actor", manager, "--plan", "全组复训投诉处理流程，主管每日抽检 20 个会话",
             "--due", "2026-11-30T18:00+08:00", "--at", "2026-11-15T10:00+08:00"],
            ["accept-plan", "--actor", "B-001", "--at", "2026-11-15T11:00+08:00"],
        ]
        for step in steps {
            try console.vigil(["case", step[0], regulator.id] + step.dropFirst())
        }
        try console.vigil(["clock", "--to", "2026-11-15T11:00+08:00"])

        try brand.waitUntilReloaded(console.url("/rectifications"), contains: "全组复训投诉处理流程", seconds: 60)
        try brand.navigate(to: console.url("/cases/\(regulator.id)"))
        let text = try brand.evaluate("document.body.innerText").stringValue ?? ""
        #expect(text.contains("回复时效培训"), "the case page lacks the review's training")
    }

    /// Checks that an alert raised now shows on the brand manager's live page
    /// within seconds, without a reload, and on a vendor's page only for that vendor.
    private func checkLiveAlerts(_ console: ConsoleRun, brand: BrowserPage, baixing: BrowserPage) throws {
        for page in [brand, baixing] {
            try page.navigate(to: console.url("/"))
            try page.waitUntil("document.getElementById('stream-status').textContent !== ''", timeout: .seconds(10))
        }

        let huayuBuyer = "buyer-console-live-cd"
        let ingested = ContinuousClock.now
        try console.harness.ingest([try console.writeLiveMessage(buyer: huayuBuyer, site: "cd", agent: "A-cd-a01",
                                                                 sentAt: "2026-11-20T10:00:00+08:00")])
        try brand.waitUntil(Self.listShows(huayuBuyer), timeout: .seconds(30))
        let seenAfter = ContinuousClock.now - ingested
        #expect(seenAfter < .seconds(10), "the alert took \(seenAfter) to appear")

        let baixingBuyer = "buyer-console-live-hz"
        try console.harness.ingest([try console.writeLiveMessage(buyer: baixingBuyer, site: "hz", agent: "A-hz-a01",
                                                                 sentAt: "2026-11-20T10:05:00+08:00")])
        try baixing.waitUntil(Self.listShows(baixingBuyer), timeout: .seconds(30))
        try brand.waitUntil(Self.listShows(baixingBuyer), timeout: .seconds(30))
        #expect(try baixing.evaluate(Self.listShows(huayuBuyer)) == .bool(false), "a vendor's page showed another vendor's alert")

        // Both rows came through the event stream: neither page was loaded again.
        for page in [brand, baixing] {
            #expect(try page.evaluate("performance.getEntriesByType('navigation').length") == .integer(1))
        }
    }

    /// Clicks the acknowledge button and checks that `vigil case show` names
    /// the signed-in person once event time passes the command.
    private func checkAcknowledgement(_ console: ConsoleRun, page: BrowserPage, caseId: String) throws {
        #expect(try console.waitForCaseShow(caseId) { $0.contains("Acknowledged: not yet") })
        try page.navigate(to: console.url("/cases/\(caseId)"))
        try page.waitForLoad { try page.click("#action-ack button") }
        #expect(try page.evaluate("document.getElementById('command-outcome') !== null") == .bool(true))

        // Commands apply at the first watermark round after their time; after a batch import, declare it.
        let later = Timestamp(epochMilliseconds: (WallClock.now().epochMilliseconds / 1_000 + 60) * 1_000,
                              utcOffsetSeconds: 8 * 3600)
        try console.vigil(["clock", "--to", later.iso8601])
        let acknowledged = try console.waitForCaseShow(caseId) { $0.contains("Acknowledged: M-hz at") }
        #expect(acknowledged, "vigil case show did not list the acknowledgement by M-hz")
        try page.waitUntilReloaded(console.url("/cases/\(caseId)"), contains: "M-hz", seconds: 30)
    }

    /// Every page loads for the brand manager without a script error or a
    /// blocked resource, in Chinese and in English; each is a screenshot when asked.
    private func checkPages(_ console: ConsoleRun, brand: BrowserPage, browser: HeadlessBrowser) throws {
        let pages = [("alerts", "/"), ("cases", "/cases"),
                     ("rectifications", "/rectifications"), ("league", "/league?kind=vendor&period=campaign"),
                     ("league-agents", "/league?kind=agent&period=day"), ("trends", "/trends")]
        for (name, path) in pages {
            try brand.navigate(to: console.url(path))
            #expect(try brand.responseStatus() == 200, "\(path) did not load")
            let errors = try brand.errorMessages()
            #expect(errors.isEmpty, "\(path): \(errors)")
            try console.screenshot(brand, name)
        }
        try brand.navigate(to: console.url("/?lang=en"))
        #expect((try brand.evaluate("document.querySelector('h1').innerText").stringValue ?? "").contains("Live alerts"))
        try console.screenshot(brand, "alerts-en")
        try brand.navigate(to: console.url("/?lang=zh"))

        let signIn = try browser.newPage()
        try signIn.navigate(to: console.url("/login"))
        try console.screenshot(signIn, "login")
    }

    /// JavaScript that is true when the live list has a row for `buyer`.
    private static func listShows(_ buyer: String) -> String {
        "[...document.querySelectorAll('#alerts tbody tr')].some(r => r.innerText.includes('\(buyer)'))"
    }
}

extension BrowserPage {
    /// Loads `url` again every second until its text contains `text`.
    func waitUntilReloaded(_ url: String, contains text: String, seconds: Int) throws {
        let deadline = Date().addingTimeInterval(TimeInterval(seconds))
        repeat {
            try navigate(to: url)
            if (try evaluate("document.body.innerText").stringValue ?? "").contains(text) {
                return
            }
            Thread.sleep(forTimeInterval: 1)
        } while Date() < deadline
        throw HarnessError("\(url) did not show \(text) within \(seconds) s")
    }
}

import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
import VigilContracts
@testable import VigilTestSupport

/// Drives headless Chromium through the test driver against a small site
/// served by VigilHTTP. One browser runs at a time, because each starts
/// about ten processes. Each test quits its browser and checks that no
/// process of it survives.
@Suite("Headless browser driver", .serialized,
       .enabled(if: HeadlessBrowser.shouldRunTests, Comment(rawValue: HeadlessBrowser.skipReason)))
struct BrowserDriverTests {
    /// Starts a browser, runs `body` with a page, quits, and checks that the browser's process group is empty.
    private func withPage(language: String = "zh-CN", _ body: (BrowserPage) throws -> Void) throws {
        let browser = try HeadlessBrowser(language: language)
        #expect(!browser.survivingProcessIDs.isEmpty, "a running browser shows no processes, so the check below proves nothing")
        defer {
            browser.quit()
            #expect(browser.survivingProcessIDs.isEmpty, "chromium processes survived quit")
            #expect(!FileManager.default.fileExists(atPath: browser.folder + "/profile")
                        || ProcessInfo.processInfo.environment["VIGIL_KEEP_TEST_LOGS"] != nil,
                    "quit left the temporary profile")
        }
        try body(try browser.newPage())
    }

    private func temporaryFile(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("vigil-browser-test-\(UUID().uuidString)-\(name)").path
    }

    // MARK: - Pages and scripts

    @Test("script update seen within deadline")
    func scriptUpdate() throws {
        let site = try BrowserTestSite()
        try withPage { page throws in
            try page.navigate(to: site.url("/"))
            #expect(try page.evaluate("document.title") == .string("测试页"))
            #expect(try page.responseStatus() == 200)

            try page.waitUntil("document.getElementById('status').textContent === \(JSONStringLiteral.quoted(BrowserTestSite.updatedStatus))",
                               timeout: .seconds(10))
            #expect(try page.evaluate("document.getElementById('status').textContent") == .string(BrowserTestSite.updatedStatus))
            let errors = try page.errorMessages()
            #expect(errors.isEmpty, "\(errors)")
        }
        #expect(site.receivedLanguages.first?.hasPrefix("zh-CN") == true, "Accept-Language: \(site.receivedLanguages)")
    }

    @Test("waitUntil times out with last result")
    func waitUntilTimesOut() throws {
        let site = try BrowserTestSite()
        try withPage { page throws in
            try page.navigate(to: site.url("/"))
            let started = ContinuousClock.now
            do {
                try page.waitUntil("document.querySelector('#never') !== null", timeout: .milliseconds(500))
                Issue.record("waitUntil returned for a condition that never holds")
            } catch BrowserError.timedOut(let step, _) {
                #expect(step.contains("#never"))
                #expect(step.contains("last result: false"))
            }
            #expect(ContinuousClock.now - started < .seconds(10))
        }
    }

    @Test("evaluate returns JSON values")
    func evaluateValues() throws {
        try withPage { page throws in
            #expect(try page.evaluate("1 + 2") == .integer(3))
            #expect(try page.evaluate("'客服' + '外包商'") == .string("客服外包商"))
            #expect(try page.evaluate("({ a: [true, null, 1.5] })")
                        == .object(["a": .array([.bool(true), .null, .number(1.5)])]))
            #expect(try page.evaluate("undefined") == .null)
            #expect(try page.evaluate("Promise.resolve(7)") == .integer(7))
            #expect(try page.evaluate("NaN") == .string("NaN"))
        }
    }

    // MARK: - Forms

    @Test("form post reaches server")
    func formPost() throws {
        let site = try BrowserTestSite()
        let note = "顾客说要打12315 & a=b"
        try withPage { page throws in
            try page.navigate(to: site.url("/"))
            try page.fill("#text", with: note)
            try page.select("#level", value: "high")
            try page.waitForLoad { try page.submit("#note") }

            #expect(try page.evaluate("location.pathname") == .string("/thanks"))
            #expect(try page.evaluate("document.getElementById('result').textContent") == .string("已收到"))
        }
        let expected = "text=" + note.addingPercentEncoding(withAllowedCharacters: .alphanumerics)! + "&level=high"
        #expect(site.receivedPosts.map { $0.replacingOccurrences(of: "+", with: "%20") } == [expected])
    }

    @Test("mouse click submits form")
    func clickSubmits() throws {
        let site = try BrowserTestSite()
        try withPage { page throws in
            try page.navigate(to: site.url("/"))
            try page.fill("#text", with: "first")
            try page.fill("#text", with: "second")
            try page.waitForLoad { try page.click("#send") }
            #expect(try page.evaluate("location.pathname") == .string("/thanks"))
        }
        #expect(site.receivedPosts == ["text=second&level=low"])
    }

    @Test("session cookie is HttpOnly per page")
    func cookies() throws {
        let site = try BrowserTestSite()
        let browser = try HeadlessBrowser()
        defer {
            browser.quit()
            #expect(browser.survivingProcessIDs.isEmpty)
        }
        let signedIn = try browser.newPage()
        let other = try browser.newPage()

        try signedIn.navigate(to: site.url("/"))
        try signedIn.fill("#text", with: "x")
        try signedIn.waitForLoad { try signedIn.submit("#note") }
        let cookies = try signedIn.cookies()
        #expect(cookies.map(\.name) == ["session"])
        #expect(cookies.first?.value == "s-1")
        #expect(cookies.first?.httpOnly == true)
        #expect(cookies.first?.sameSite == "Strict")
        #expect(cookies.first?.expires == nil)
        #expect(try signedIn.evaluate("document.cookie") == .string(""), "scripts can read an HttpOnly cookie")

        try other.navigate(to: site.url("/"))
        #expect(try other.cookies().isEmpty, "a second page shares the first page's cookies")
    }

    // MARK: - Screenshots

    @Test("screenshot is PNG of requested size")
    func screenshotSize() throws {
        let site = try BrowserTestSite()
        let viewport = temporaryFile("viewport.png")
        let fullPage = temporaryFile("full.png")
        defer {
            try? FileManager.default.removeItem(atPath: viewport)
            try? FileManager.default.removeItem(atPath: fullPage)
        }
        try withPage { page throws in
            try page.navigate(to: site.url("/"))
            try page.screenshot(to: viewport, width: 640, height: 480)
            try page.navigate(to: site.url("/tall"))
            try page.fullPageScreenshot(to: fullPage, width: 800)
        }

        let image = try PNGFile(contentsOf: viewport)
        #expect(image.width == 640)
        #expect(image.height == 480)
        #expect(image.chunkTypes.contains("IDAT"))
        let tall = try PNGFile(contentsOf: fullPage)
        #expect(tall.width == 800)
        #expect(tall.height == 3000)
    }

    // MARK: - Errors

    @Test("errors carry the browser's message")
    func errorMessages() throws {
        let site = try BrowserTestSite()
        try withPage { page throws in
            try page.navigate(to: site.url("/missing"))
            #expect(try page.responseStatus() == 404)

            #expect {
                try page.navigate(to: "not a url")
            } throws: { error in
                guard case BrowserError.protocolError(let method, _, let message) = error else { return false }
                return method == "Page.navigate" && message.lowercased().contains("invalid url")
            }
            #expect {
                try page.navigate(to: "http://127.0.0.1:9/")
            } throws: { error in
                guard case BrowserError.navigationFailed(_, let reason) = error else { return false }
                return reason.hasPrefix("net::ERR_")
            }
            #expect {
                _ = try page.evaluate("1 +")
            } throws: { error in
                guard case BrowserError.javaScriptException(_, let message) = error else { return false }
                return message.contains("SyntaxError")
            }

            try page.navigate(to: site.url("/"))
            #expect {
                try page.click("#absent")
            } throws: { error in
                guard case BrowserError.elementProblem(let selector, let problem) = error else { return false }
                return selector == "#absent" && problem == "not found"
            }
            #expect {
                try page.fill("#send", with: "x")
            } throws: { error in
                guard case BrowserError.elementProblem(_, let problem) = error else { return false }
                return problem.contains("not an input")
            }
            #expect {
                try page.submit("#note")
            } throws: { error in
                guard case BrowserError.elementProblem(_, let problem) = error else { return false }
                return problem.hasPrefix("fails validation at text")
            }
        }
        #expect(site.receivedPosts.isEmpty)
    }

    @Test("page errors and CSP violations reported")
    func pageErrors() throws {
        let site = try BrowserTestSite()
        try withPage { page throws in
            try page.navigate(to: site.url("/broken"))
            #expect(try page.evaluate("document.title") == .string(""), "the CSP let the inline script run")

            let deadline = ContinuousClock.now + .seconds(10)
            var messages: [String] = []
            repeat {
                messages = try page.errorMessages()
            } while messages.count < 2 && ContinuousClock.now < deadline
            #expect(messages.contains { $0.contains("broken page error") }, "\(messages)")
            #expect(messages.contains { $0.contains("Content Security Policy") }, "\(messages)")
        }
    }

    @Test("dialog is accepted and recorded")
    func dialogs() throws {
        try withPage { page throws in
            #expect(try page.evaluate("confirm('确认解决？')") == .bool(true))
            #expect(try page.dialogMessages() == ["确认解决？"])
        }
    }

    // MARK: - Processes

    @Test("released browser kills its processes")
    func releaseKillsGroup() throws {
        var group: Int32 = 0
        var folder = ""
        do {
            let browser = try HeadlessBrowser()
            _ = try browser.newPage()
            group = browser.processGroup
            folder = browser.folder
            #expect(!HeadlessBrowser.runningProcessIDs(inGroup: group).isEmpty)
        }
        #expect(HeadlessBrowser.runningProcessIDs(inGroup: group).isEmpty, "chromium survived its driver")
        #expect(!FileManager.default.fileExists(atPath: folder + "/profile")
                    || ProcessInfo.processInfo.environment["VIGIL_KEEP_TEST_LOGS"] != nil)
    }

    @Test("killed browser fails with exit status")
    func killedBrowser() throws {
        let browser = try HeadlessBrowser()
        defer { browser.quit() }
        let page = try browser.newPage()
        #expect(kill(-browser.processGroup, SIGKILL) == 0)

        // Writing to the dead browser's pipe raises SIGPIPE, which must not end the test process.
        #expect {
            for _ in 0..<10 {
                _ = try page.evaluate("1")
            }
        } throws: { error in
            guard case BrowserError.exited(let status, _) = error else { return false }
            return status == 128 + SIGKILL
        }
        #expect(browser.survivingProcessIDs.isEmpty)
    }

    @Test("missing chromium fails with install hint")
    func missingExecutable() {
        #expect {
            _ = try HeadlessBrowser(executable: "/nonexistent/chromium")
        } throws: { error in
            "\(error)".contains("/nonexistent/chromium") && "\(error)".contains("install-deps.sh")
        }
    }
}

/// The choice to run or skip the browser tests, checked as a table, because a
/// machine with chromium installed never takes the skip branch.
@Suite("Browser test gate")
struct BrowserTestGateTests {
    @Test("skips only without chromium outside CI", arguments: [
        (true, [:], true),
        (false, [:], false),
        (false, ["CI": "true"], true),
        (false, ["VIGIL_CHROMIUM": "/opt/chromium/chrome"], true),
        (true, ["CI": "true"], true),
    ] as [(Bool, [String: String], Bool)])
    func gate(chromiumFound: Bool, environment: [String: String], expected: Bool) {
        #expect(HeadlessBrowser.shouldRunTests(chromiumFound: chromiumFound, environment: environment) == expected)
    }
}

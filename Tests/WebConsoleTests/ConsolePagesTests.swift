import Foundation
import Testing
import VigilContracts
import VigilTestSupport
import WebConsole

/// Every page the navigation leads to, with each tab.
private let pageTargets = ["/", "/cases", "/cases/\(ConsoleSamples.baixingCaseId)", "/rectifications"]
    + ["vendor", "site", "team", "agent"].flatMap { kind in
        ["day", "week", "month", "campaign"].map { "/league?kind=\(kind)&period=\($0)" } + ["/trends?kind=\(kind)"]
    }

/// Words the Chinese texts replaced, which no page may use.
private let replacedWords = ["供应商", "服务商", "职场", "团队", "评分表", "关键项"]

@Suite("Console pages")
struct ConsolePagesTests {
    @Test("every page renders", arguments: [ConsoleSamples.brandToken, ConsoleSamples.baixingToken])
    func everyPageRenders(token: String) throws {
        let fixture = try ConsoleFixture()
        let browser = try fixture.browser(signedInWith: token)
        for target in pageTargets {
            let page = try browser.get(target)
            #expect(page.status == 200, "\(target)")
            #expect(page.headers["Content-Type"] == "text/html; charset=utf-8", "\(target)")
            #expect(page.headers["Content-Security-Policy"]?.hasPrefix("default-src 'self'") == true, "\(target)")
            #expect(page.headers["Cache-Control"] == "no-store", "\(target)")
            #expect(page.text.contains("<html lang=\"zh-CN\">"), "\(target)")
            #expect(page.text.contains("<h1>"), "\(target)")
            #expect(!page.text.contains("<script>"), "\(target): no inline script")
            #expect(!page.text.contains("http://"), "\(target): nothing from elsewhere")
            #expect(!page.text.contains("https://"), "\(target): nothing from elsewhere")
            for word in replacedWords {
                #expect(!page.text.contains(word), "\(target) uses \(word)")
            }
        }
    }

    @Test("vendor manager sees own vendor only")
    func vendorScope() throws {
        let fixture = try ConsoleFixture()
        let browser = try fixture.browser(signedInWith: ConsoleSamples.baixingToken)
        for target in pageTargets {
            let text = try browser.get(target).text
            #expect(!text.contains("V-HUAYU"), "\(target)")
            #expect(!text.contains(ConsoleSamples.huayuThread.buyer), "\(target)")
            #expect(!text.contains(ConsoleSamples.huayuAgent.name), "\(target)")
        }
        #expect(try browser.get("/").text.contains(ConsoleSamples.baixingThread.buyer))
        #expect(try browser.get("/cases").text.contains(ConsoleSamples.baixingCaseId))
        #expect(try browser.get("/league?kind=vendor&period=day").text.contains("V-BAIXING"))
    }

    @Test("brand manager sees every vendor")
    func brandScope() throws {
        let fixture = try ConsoleFixture()
        let browser = try fixture.browser(signedInWith: ConsoleSamples.brandToken)
        for target in ["/", "/cases"] {
            let text = try browser.get(target).text
            #expect(text.contains(ConsoleSamples.baixingThread.buyer), "\(target)")
            #expect(text.contains(ConsoleSamples.huayuThread.buyer), "\(target)")
        }
        let league = try browser.get("/league?kind=vendor&period=day").text
        #expect(league.contains("V-BAIXING"))
        #expect(league.contains("V-HUAYU"))
    }

    @Test("another vendor's case is 404")
    func otherVendorsCase() throws {
        let fixture = try ConsoleFixture()
        let huayu = try fixture.browser(signedInWith: ConsoleSamples.huayuToken)
        let foreign = try huayu.get("/cases/\(ConsoleSamples.baixingCaseId)")
        let unknown = try huayu.get("/cases/case-0000000000000000")
        #expect(foreign.status == 404)
        #expect(unknown.status == 404)
        #expect(foreign.text.replacingOccurrences(of: ConsoleSamples.baixingCaseId, with: "ID")
                    == unknown.text.replacingOccurrences(of: "case-0000000000000000", with: "ID"),
                "a foreign case looks exactly like an unknown one but for the path in the language links")
        #expect(!foreign.text.contains(ConsoleSamples.baixingThread.buyer))
        #expect(try huayu.get("/cases/\(ConsoleSamples.huayuCaseId)").status == 200)

        let brand = try fixture.browser(signedInWith: ConsoleSamples.brandToken)
        #expect(try brand.get("/cases/\(ConsoleSamples.baixingCaseId)").status == 200)
    }

    @Test("lang=en switches to English")
    func englishSwitch() throws {
        let fixture = try ConsoleFixture()
        let browser = try fixture.browser(signedInWith: ConsoleSamples.brandToken)
        let chinese = try browser.get("/cases")
        #expect(chinese.text.contains("未结案件"))

        let english = try browser.get("/cases?lang=en")
        #expect(english.text.contains("<html lang=\"en\">"))
        #expect(english.text.contains("Open cases"))
        #expect(!english.text.contains("未结案件"))
        #expect(english.headers.values(for: "Set-Cookie").contains { $0.hasPrefix("vigil_lang=en") })

        let kept = try browser.get("/")
        #expect(kept.text.contains("Live alerts"), "the cookie keeps English")
        #expect(kept.text.contains("href=\"/?lang=zh\""))

        let back = try browser.get("/?lang=zh")
        #expect(back.text.contains("实时预警"))
        #expect(try browser.get("/cases").text.contains("未结案件"))
    }

    @Test("language links keep the query")
    func languageLinks() throws {
        let fixture = try ConsoleFixture()
        let browser = try fixture.browser(signedInWith: ConsoleSamples.brandToken)
        let page = try browser.get("/league?kind=agent&period=week")
        #expect(page.text.contains("href=\"/league?kind=agent&amp;period=week&amp;lang=en\""))
    }

    @Test("language links stay on the console")
    func languageLinksStayHere() throws {
        let fixture = try ConsoleFixture()
        let browser = ConsoleBrowser(port: fixture.server.port)
        // Browsers read a link that starts with two slashes, or with a slash
        // and a backslash, as a link to another host. A decoded ? or # would
        // change what the link means.
        for target in ["//evil.example/x", "/%2Fevil.example/x", "/%5Cevil.example/x", "/cases/a%3Fb%23c"] {
            let page = try browser.get(target)
            #expect(page.status == 404 || page.status == 303, "\(target)")
            let links = page.text.components(separatedBy: "href=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
            for link in links {
                #expect(link.hasPrefix("/"), "\(target): \(link)")
                #expect(!link.hasPrefix("//"), "\(target): \(link)")
                #expect(!link.hasPrefix("/\\"), "\(target): \(link)")
                #expect(!link.contains("#"), "\(target): \(link)")
            }
        }
        let signedIn = try fixture.browser(signedInWith: ConsoleSamples.brandToken)
        let page = try signedIn.get("/cases/a%3Fb%23c")
        #expect(page.status == 404)
        #expect(page.text.contains("href=\"/cases/a%3Fb%23c?lang=en\""))
    }

    @Test("unknown paths link home")
    func languageLinksStayOnConsole() throws {
        let fixture = try ConsoleFixture()
        let browser = try fixture.browser(signedInWith: ConsoleSamples.brandToken)
        // A link to http://console//other.example/x makes a browser ask for the first;
        // browsers read the decoded `///…` and `/\…` as other hosts too.
        for target in ["//other.example/x", "/%2F%2Fother.example", "/%5Cother.example", "http://other.example/login"] {
            let page = try browser.get(target)
            #expect(page.status == 404, "\(target)")
            #expect(page.text.contains("href=\"/?lang=en\""), "\(target)")
            #expect(!page.text.contains("other.example"), "\(target)")
        }

        let unknownCase = try browser.get("/cases/a%3Fb%23c")
        #expect(unknownCase.status == 404)
        #expect(unknownCase.text.contains("href=\"/cases/a%3Fb%23c?lang=en\""), "a decoded ? or # stays in the path")
    }

    @Test("phone number in case note masked")
    func maskedNote() throws {
        let fixture = try ConsoleFixture()
        let browser = try fixture.browser(signedInWith: ConsoleSamples.brandToken)
        for target in ["/cases/\(ConsoleSamples.baixingCaseId)", "/cases/\(ConsoleSamples.baixingCaseId)?lang=en"] {
            let page = try browser.get(target)
            #expect(page.status == 200)
            #expect(page.text.contains("138****5678"), "\(target)")
            #expect(!page.text.contains("13812345678"), "\(target)")
        }
    }

    @Test("texts are escaped")
    func escaped() throws {
        let fixture = try ConsoleFixture()
        let browser = try fixture.browser(signedInWith: ConsoleSamples.brandToken)
        let page = try browser.get("/")
        #expect(page.text.contains("我要投诉你们 &lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!page.text.contains("<script>alert(1)"))
    }

    @Test("open cases show time left")
    func timeLeft() throws {
        let fixture = try ConsoleFixture()
        let browser = try fixture.browser(signedInWith: ConsoleSamples.brandToken)
        let page = try browser.get("/cases").text
        // The event clock is the note at 09:10; acknowledgement is due at 09:20 and 09:30.
        #expect(page.contains("2026-11-11 09:10:00"))
        let huayu = try #require(page.range(of: ConsoleSamples.huayuCaseId))
        let baixing = try #require(page.range(of: ConsoleSamples.baixingCaseId))
        #expect(huayu.lowerBound < baixing.lowerBound, "the sooner deadline first")
        #expect(page.contains("确认 11-11 09:20</td><td>10分钟</td>"))
        #expect(page.contains("确认 11-11 09:30</td><td>20分钟</td>"))
        let regulator = try #require(page.range(of: ConsoleSamples.regulatorCaseId))
        #expect(baixing.lowerBound < regulator.lowerBound, "a case whose plan is in has no deadline and comes last")
    }

    @Test("case page shows timeline and forms")
    func casePage() throws {
        let fixture = try ConsoleFixture()
        let browser = try fixture.browser(signedInWith: ConsoleSamples.baixingToken)
        let page = try browser.get("/cases/\(ConsoleSamples.baixingCaseId)").text
        #expect(page.contains("预警立案：顾客要投诉"))
        #expect(page.contains("id=\"action-ack\""))
        #expect(page.contains("id=\"action-note\""))
        #expect(page.contains("id=\"action-resolve\""))
        #expect(page.contains("action=\"/cases/\(ConsoleSamples.baixingCaseId)/ack\""))
        #expect(page.contains("确认，截止 2026-11-11 09:30:00（剩余 20分钟）"))
    }

    @Test("rectifications list plans")
    func rectifications() throws {
        let fixture = try ConsoleFixture()
        let browser = try fixture.browser(signedInWith: ConsoleSamples.brandToken)
        let page = try browser.get("/rectifications").text
        #expect(page.contains(ConsoleSamples.regulatorCaseId))
        #expect(page.contains("全组回复时效培训，主管每日抽检"))
        #expect(page.contains("待审核"))
        #expect(page.contains("回复太慢"))
        #expect(page.contains("2026-11-18 18:00:00"))
        #expect(!page.contains(ConsoleSamples.huayuCaseId))

        let regulator = try browser.get("/cases/\(ConsoleSamples.regulatorCaseId)").text
        #expect(regulator.contains("id=\"accountability\""))
        #expect(regulator.contains("主要责任"))
    }

    @Test("league shows item contributions")
    func league() throws {
        let fixture = try ConsoleFixture()
        let browser = try fixture.browser(signedInWith: ConsoleSamples.brandToken)
        let page = try browser.get("/league?kind=vendor&period=day").text
        #expect(page.contains("2026-11-11 日评分"))
        #expect(page.contains("首次响应中位数（权重 60.00）"))
        #expect(page.contains("一票否决项"))
        #expect(page.contains("<tr><td>1</td><td>V-BAIXING</td><td>V-BAIXING</td><td>86.50</td><td>51.90</td><td>34.60</td><td>-</td></tr>"))
        #expect(page.contains("<tr><td>2</td><td>V-HUAYU</td><td>V-HUAYU</td><td>72.25</td>"))

        let english = try browser.get("/league?kind=vendor&period=day&lang=en").text
        #expect(english.contains("<h2>Vendors: Day 2026-11-11</h2>"), "an English colon in English")

        let weekly = try browser.get("/league?kind=vendor&period=week&lang=zh").text
        #expect(weekly.contains("这一周期还没有评分"))
    }

    @Test("trends draw a line per subject")
    func trends() throws {
        let fixture = try ConsoleFixture()
        let browser = try fixture.browser(signedInWith: ConsoleSamples.brandToken)
        let page = try browser.get("/trends?kind=vendor").text
        #expect(page.contains("<svg id=\"chart-trend-scores\""))
        #expect(page.contains("<g class=\"series\" data-label=\"V-BAIXING\">"))
        #expect(page.contains("<g class=\"series\" data-label=\"V-HUAYU\">"))
        #expect(page.contains(">11-10</text>"))
        #expect(page.contains("<svg id=\"chart-trend-conversations\""))
        #expect(page.contains("data-label=\"11-11\" data-value=\"200\""), "both vendors' conversations on the day")

        let agents = try fixture.browser(signedInWith: ConsoleSamples.baixingToken).get("/trends?kind=agent").text
        #expect(agents.contains("data-label=\"杭州A组客服01\""))
        #expect(!agents.contains("成都A组客服01"))
    }

    @Test("assets and health check served")
    func assets() throws {
        let fixture = try ConsoleFixture()
        let browser = ConsoleBrowser(port: fixture.server.port)
        let style = try browser.get("/assets/console.css")
        #expect(style.status == 200)
        #expect(style.headers["Content-Type"] == "text/css; charset=utf-8")
        let script = try browser.get("/assets/console.js")
        #expect(script.status == 200)
        #expect(script.headers["Content-Type"] == "text/javascript; charset=utf-8")
        #expect(script.text.contains("new window.EventSource"))
        #expect(!script.text.contains("innerHTML"), "alert texts go in as text, never as markup")
        #expect(try browser.get("/healthz").status == 200)
    }

    @Test("health check fails on a store that does not answer")
    func healthOfStore() throws {
        let fixture = try ConsoleFixture()
        let browser = ConsoleBrowser(port: fixture.server.port)
        #expect(try browser.get("/healthz").status == 200)
        fixture.data.store.unreadable = true
        let failing = try browser.get("/healthz")
        #expect(failing.status == 503)
        #expect(failing.text.contains("store unreadable"))
    }

    @Test("body too large in Chinese")
    func bodyTooLarge() throws {
        let fixture = try ConsoleFixture()
        let connection = try TestConnection(port: fixture.server.port)
        // The declared length alone gets the 413, before any body byte is sent.
        try connection.sendAll("POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 65537\r\n\r\n")
        let response = try connection.receiveResponse()
        #expect(response.status == 413)
        #expect(response.text == "请求内容超过 65536 字节的上限。\n")
        #expect(response.headers["Content-Security-Policy"]?.hasPrefix("default-src 'self'") == true)
    }

    @Test("unknown path and wrong method")
    func unknownPathAndMethod() throws {
        let fixture = try ConsoleFixture()
        let browser = try fixture.browser(signedInWith: ConsoleSamples.brandToken)
        #expect(try browser.get("/admin").status == 404)
        #expect(try browser.get("/cases/a/b/c").status == 404)
        let wrong = try browser.get("/cases", method: "DELETE")
        #expect(wrong.status == 405)
        #expect(wrong.headers["Allow"] == "GET")
        #expect(wrong.text == "此页面不接受 DELETE 请求。\n", "Chinese by default")
        #expect(try browser.get("/cases?lang=en", method: "DELETE").text == "Method DELETE is not allowed here.\n")
        #expect(try browser.get("/cases/\(ConsoleSamples.baixingCaseId)/ack").status == 405)
    }
}

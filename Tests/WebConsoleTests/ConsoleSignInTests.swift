import Foundation
import Testing
import VigilContracts
import VigilTestSupport
import WebConsole

@Suite("Console sign-in and sessions")
struct ConsoleSignInTests {
    @Test("sign-in sets session cookie")
    func signInSetsCookie() throws {
        let fixture = try ConsoleFixture()
        let browser = ConsoleBrowser(port: fixture.server.port)
        let response = try browser.post("/login", form: [("token", ConsoleSamples.brandToken)])
        #expect(response.status == 303)
        #expect(response.headers["Location"] == "/")
        let cookie = try #require(response.headers.values(for: "Set-Cookie").first { $0.hasPrefix("vigil_session=") })
        #expect(cookie.contains("HttpOnly"))
        #expect(cookie.contains("SameSite=Strict"))
        #expect(!cookie.contains("Max-Age"), "a session cookie ends with the browser")

        let page = try browser.get("/")
        #expect(page.status == 200)
        #expect(page.text.contains("品牌客服经理"))
    }

    @Test("wrong token gets 401")
    func wrongToken() throws {
        let fixture = try ConsoleFixture()
        let browser = ConsoleBrowser(port: fixture.server.port)
        let response = try browser.post("/login", form: [("token", "not-a-token-0123456789abcdef")])
        #expect(response.status == 401)
        #expect(response.text.contains("令牌无效"))
        #expect(browser.cookies["vigil_session"] == nil)
        #expect(try browser.get("/").status == 303)
    }

    @Test("person off the roster gets 401")
    func departedPerson() throws {
        let fixture = try ConsoleFixture()
        let browser = ConsoleBrowser(port: fixture.server.port)
        let response = try browser.post("/login", form: [("token", ConsoleSamples.departedToken)])
        #expect(response.status == 401)
        #expect(response.text.contains("M-gone"))
        #expect(browser.cookies["vigil_session"] == nil)
    }

    @Test("leaving the roster ends the session")
    func rosterRemovalEndsSession() throws {
        let fixture = try ConsoleFixture()
        let browser = try fixture.browser(signedInWith: ConsoleSamples.baixingToken)
        #expect(try browser.get("/").status == 200)

        fixture.data.store.removePerson(ConsoleSamples.baixingManager.id)
        let response = try browser.get("/")
        #expect(response.status == 303)
        #expect(response.headers["Location"] == "/login")

        fixture.data.store.replacePerson(ConsoleSamples.baixingManager)
        #expect(try browser.get("/").status == 303, "the session stays ended when the person returns")
    }

    @Test("vendor change applies at once")
    func vendorChange() throws {
        let fixture = try ConsoleFixture()
        let browser = try fixture.browser(signedInWith: ConsoleSamples.baixingToken)
        let before = try browser.get("/cases")
        #expect(before.text.contains(ConsoleSamples.baixingThread.buyer))
        #expect(!before.text.contains(ConsoleSamples.huayuThread.buyer))

        var moved = ConsoleSamples.baixingManager
        moved.vendor = "V-HUAYU"
        fixture.data.store.replacePerson(moved)
        let after = try browser.get("/cases")
        #expect(after.text.contains(ConsoleSamples.huayuThread.buyer))
        #expect(!after.text.contains(ConsoleSamples.baixingThread.buyer))
    }

    @Test("sign-out ends the session")
    func signOut() throws {
        let fixture = try ConsoleFixture()
        let browser = try fixture.browser(signedInWith: ConsoleSamples.brandToken)
        let session = try #require(browser.cookies["vigil_session"])
        let token = try browser.formToken()

        let response = try browser.post("/logout", form: [("csrf", token)])
        #expect(response.status == 303)
        #expect(response.headers["Location"] == "/login")
        #expect(browser.cookies["vigil_session"] == nil)

        let page = try TestConnection(port: fixture.server.port)
            .exchange("GET", "/", headers: [("Cookie", "vigil_session=\(session)")])
        #expect(page.status == 303, "the old session id no longer works")
    }

    @Test("sign-out without form token gets 403")
    func signOutNeedsToken() throws {
        let fixture = try ConsoleFixture()
        let browser = try fixture.browser(signedInWith: ConsoleSamples.brandToken)
        #expect(try browser.post("/logout", form: []).status == 403)
        #expect(try browser.post("/logout", form: [("csrf", String(repeating: "0", count: 64))]).status == 403)
        #expect(try browser.get("/").status == 200, "the session is still open")
    }

    @Test("forms from another site rejected")
    func crossSiteForms() throws {
        let fixture = try ConsoleFixture()
        // A page elsewhere that submits its own token would sign the visitor in as its author.
        for site in ["cross-site", "same-site"] {
            let browser = ConsoleBrowser(port: fixture.server.port)
            let response = try browser.post("/login", form: [("token", ConsoleSamples.baixingToken)],
                                            headers: [("Sec-Fetch-Site", site)])
            #expect(response.status == 403, "\(site)")
            #expect(browser.cookies["vigil_session"] == nil, "\(site)")
        }

        let browser = try fixture.browser(signedInWith: ConsoleSamples.baixingToken)
        let token = try browser.formToken(from: "/cases/\(ConsoleSamples.baixingCaseId)")
        let action = try browser.post("/cases/\(ConsoleSamples.baixingCaseId)/ack", form: [("csrf", token)],
                                      headers: [("Sec-Fetch-Site", "cross-site")])
        #expect(action.status == 403)
        #expect(try fixture.publishedCommands().isEmpty)

        let own = try ConsoleBrowser(port: fixture.server.port)
            .post("/login", form: [("token", ConsoleSamples.brandToken)], headers: [("Sec-Fetch-Site", "same-origin")])
        #expect(own.status == 303, "the console's own form")
    }

    @Test("pages need sign-in")
    func pagesNeedSignIn() throws {
        let fixture = try ConsoleFixture()
        let browser = ConsoleBrowser(port: fixture.server.port)
        for target in ["/", "/cases", "/cases/\(ConsoleSamples.baixingCaseId)", "/rectifications", "/league", "/trends"] {
            let response = try browser.get(target)
            #expect(response.status == 303, "\(target)")
            #expect(response.headers["Location"] == "/login", "\(target)")
        }
        #expect(try browser.get("/events/alerts").status == 401)
        #expect(try browser.post("/cases/\(ConsoleSamples.baixingCaseId)/ack", form: [("csrf", "x")]).status == 401)
        #expect(try fixture.publishedCommands().isEmpty)
    }

    @Test("forged session id is not signed in")
    func forgedSession() throws {
        let fixture = try ConsoleFixture()
        let response = try TestConnection(port: fixture.server.port)
            .exchange("GET", "/cases", headers: [("Cookie", "vigil_session=\(String(repeating: "a", count: 64))")])
        #expect(response.status == 303)
    }

    @Test("sign-in page redirects when signed in")
    func loginPageWhenSignedIn() throws {
        let fixture = try ConsoleFixture()
        let anonymous = try ConsoleBrowser(port: fixture.server.port).get("/login")
        #expect(anonymous.status == 200)
        #expect(anonymous.text.contains("name=\"token\""))

        let browser = try fixture.browser(signedInWith: ConsoleSamples.brandToken)
        let response = try browser.get("/login")
        #expect(response.status == 303)
        #expect(response.headers["Location"] == "/")
    }
}

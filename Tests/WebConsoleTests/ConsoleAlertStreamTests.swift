import Foundation
import Testing
import VigilContracts
import VigilTestSupport
import WebConsole

@Suite("Console live alert stream")
struct ConsoleAlertStreamTests {
    /// Opens the event stream with the browser's cookies and reads up to the first event.
    private func openStream(_ browser: ConsoleBrowser, target: String = "/events/alerts?after=2",
                            headers: [(String, String)] = []) throws -> TestConnection {
        let connection = try TestConnection(port: browser.port)
        try connection.sendRequest("GET", target, headers: browser.cookieHeader() + headers)
        let head = try connection.receiveResponse(expectBody: false)
        guard head.status == 200, head.headers["Content-Type"] == "text/event-stream; charset=utf-8" else {
            throw ConsoleTestError("the stream answered \(head.status)")
        }
        guard let first = try connection.receiveChunk(), String(decoding: first, as: UTF8.self) == "retry: 3000\n\n" else {
            throw ConsoleTestError("the stream did not start with its retry interval")
        }
        return connection
    }

    /// Asks for the event stream and returns the status of the response's head alone.
    private func streamStatus(_ browser: ConsoleBrowser) throws -> TestResponse {
        let connection = try TestConnection(port: browser.port)
        try connection.sendRequest("GET", "/events/alerts?after=2", headers: browser.cookieHeader())
        return try connection.receiveResponse(expectBody: false)
    }

    @Test("stream delivers viewer's new alerts")
    func vendorStream() throws {
        let fixture = try ConsoleFixture()
        let browser = try fixture.browser(signedInWith: ConsoleSamples.baixingToken)
        let stream = try openStream(browser)

        fixture.data.store.append(ConsoleSamples.alert(sequence: 3, agent: ConsoleSamples.huayuAgent,
                                                       thread: ConsoleSamples.huayuThread, snippet: "华宇的新预警", at: "09:20"))
        fixture.data.store.append(ConsoleSamples.alert(sequence: 4, agent: ConsoleSamples.baixingAgent,
                                                       thread: ConsoleSamples.baixingThread,
                                                       snippet: "百星的新预警，电话 13812345678", at: "09:21"))
        let text = try stream.receiveChunks(until: "id: 4\n")
        #expect(text.contains("id: 4\nevent: alert\ndata: {"))
        #expect(text.contains("百星的新预警，电话 138****5678"))
        #expect(text.contains("\"sequence\":4"))
        #expect(text.contains("\"severity\":\"high\""))
        #expect(!text.contains("id: 3"))
        #expect(!text.contains("华宇"))
    }

    @Test("brand manager's stream has every vendor")
    func brandStream() throws {
        let fixture = try ConsoleFixture()
        let browser = try fixture.browser(signedInWith: ConsoleSamples.brandToken)
        let stream = try openStream(browser)
        fixture.data.store.append(ConsoleSamples.alert(sequence: 3, agent: ConsoleSamples.huayuAgent,
                                                       thread: ConsoleSamples.huayuThread, snippet: "华宇的新预警", at: "09:20"))
        fixture.data.store.append(ConsoleSamples.alert(sequence: 4, agent: ConsoleSamples.baixingAgent,
                                                       thread: ConsoleSamples.baixingThread, snippet: "百星的新预警", at: "09:21"))
        let text = try stream.receiveChunks(until: "id: 4\n")
        #expect(text.contains("id: 3\n"))
        #expect(text.contains("华宇的新预警"))
    }

    @Test("Last-Event-ID resumes the stream")
    func resume() throws {
        let fixture = try ConsoleFixture()
        let browser = try fixture.browser(signedInWith: ConsoleSamples.brandToken)
        let stream = try openStream(browser, target: "/events/alerts?after=2", headers: [("Last-Event-ID", "0")])
        let text = try stream.receiveChunks(until: "id: 2\n")
        #expect(text.contains("id: 1\n"), "the header wins over ?after")
    }

    @Test("stream without after starts at newest")
    func startAtNewest() throws {
        let fixture = try ConsoleFixture()
        let browser = try fixture.browser(signedInWith: ConsoleSamples.brandToken)
        let stream = try openStream(browser, target: "/events/alerts")
        fixture.data.store.append(ConsoleSamples.alert(sequence: 3, agent: ConsoleSamples.baixingAgent,
                                                       thread: ConsoleSamples.baixingThread, snippet: "新预警", at: "09:21"))
        let text = try stream.receiveChunks(until: "id: 3\n")
        #expect(!text.contains("id: 1\n"))
        #expect(!text.contains("id: 2\n"))
    }

    @Test("stream sends keep-alive comments")
    func keepAlive() throws {
        let fixture = try ConsoleFixture()
        let browser = try fixture.browser(signedInWith: ConsoleSamples.brandToken)
        let stream = try openStream(browser)
        #expect(try stream.receiveChunks(until: ": keep-alive\n\n") == ": keep-alive\n\n")
    }

    @Test("sign-out ends the stream")
    func signOutEndsStream() throws {
        let fixture = try ConsoleFixture()
        let browser = try fixture.browser(signedInWith: ConsoleSamples.brandToken)
        let stream = try openStream(browser)
        let token = try browser.formToken()
        #expect(try browser.post("/logout", form: [("csrf", token)]).status == 303)

        let started = ContinuousClock.now
        var ended = false
        while !ended, ContinuousClock.now - started < .seconds(3) {
            ended = try stream.receiveChunk() == nil
        }
        #expect(ended)
    }

    @Test("roster change ends the stream")
    func rosterChangeEndsStream() throws {
        let fixture = try ConsoleFixture()
        let browser = try fixture.browser(signedInWith: ConsoleSamples.baixingToken)
        let stream = try openStream(browser)
        var moved = ConsoleSamples.baixingManager
        moved.vendor = "V-HUAYU"
        fixture.data.store.replacePerson(moved)

        let started = ContinuousClock.now
        var ended = false
        while !ended, ContinuousClock.now - started < .seconds(3) {
            ended = try stream.receiveChunk() == nil
        }
        #expect(ended)
    }

    @Test("live streams limited per person and in all")
    func streamLimits() throws {
        var settings = ConsoleFixture.settings
        settings.maximumStreamsPerPerson = 2
        settings.maximumStreams = 3
        let fixture = try ConsoleFixture(settings: settings)
        let baixing = try fixture.browser(signedInWith: ConsoleSamples.baixingToken)
        var first: TestConnection? = try openStream(baixing)
        let second = try openStream(baixing)
        let rejected = try streamStatus(baixing)
        #expect(rejected.status == 429)
        #expect(rejected.headers["Retry-After"] != nil)
        let signedInAgain = try fixture.browser(signedInWith: ConsoleSamples.baixingToken)
        #expect(try streamStatus(signedInAgain).status == 429, "a new session adds no streams")

        let brand = try fixture.browser(signedInWith: ConsoleSamples.brandToken)
        let third = try openStream(brand)
        let huayu = try fixture.browser(signedInWith: ConsoleSamples.huayuToken)
        #expect(try streamStatus(huayu).status == 429, "the server's limit")
        #expect(try huayu.get("/").status == 200, "pages still load")

        // A closed stream gives its place back once the server notices the close.
        first = nil
        let started = ContinuousClock.now
        var reopened: TestConnection?
        while reopened == nil, ContinuousClock.now - started < .seconds(3) {
            reopened = try? openStream(baixing)
            if reopened == nil {
                Thread.sleep(forTimeInterval: 0.1)
            }
        }
        #expect(reopened != nil)
        _ = (first, second, third)
    }

    @Test("server stop ends the stream")
    func serverStopEndsStream() throws {
        let fixture = try ConsoleFixture()
        let browser = try fixture.browser(signedInWith: ConsoleSamples.brandToken)
        let stream = try openStream(browser)
        let started = ContinuousClock.now
        fixture.server.stop()
        #expect(ContinuousClock.now - started < .seconds(2))
        #expect(stream.waitForClose())
    }
}

import Foundation
import VigilContracts
import VigilHTTP
import VigilLog
import VigilRuntime
import VigilTestSupport
import WebConsole

/// A console web server on a free port over the sample data, publishing its
/// case commands to an embedded broker whose topics carry a unique prefix.
final class ConsoleFixture {
    let topics: EmbeddedTopics
    let data: ConsolePageData
    let server: HTTPServer
    private let shutdown = ShutdownSignal(signals: [])

    static let logger = Logger(label: "vigil-console-tests", logLevel: .critical)

    /// Settings for tests: streams poll and check often, so events arrive within a fraction of a second.
    static let settings = ConsoleWebSettings(alertPollSeconds: 0.05, keepaliveSeconds: 1, streamRecheckSeconds: 0.2,
                                             commandTime: { ConsoleSamples.time("09:40") })

    init(data: ConsolePageData = ConsoleSamples.pageData(), settings: ConsoleWebSettings = ConsoleFixture.settings) throws {
        topics = try EmbeddedTopics()
        self.data = data
        let configuration = try topics.configuration(serviceName: "vigil-console", store: "console.sqlite")
        let commands = try ConsoleCommandPublisher(configuration: configuration, shutdown: shutdown, logger: Self.logger)
        let handler = ConsoleHandler(readModel: data, tokens: try ConsoleSamples.tokens(), commands: commands,
                                     settings: settings, logger: Self.logger)
        server = try HTTPServer(configuration: HTTPServerConfiguration(maxBodyBytes: 64 * 1024), logger: Self.logger,
                                handler: handler)
    }

    deinit {
        shutdown.request()
        server.stop()
    }

    /// Returns a browser that has signed in with `token`.
    func browser(signedInWith token: String) throws -> ConsoleBrowser {
        let browser = ConsoleBrowser(port: server.port)
        let response = try browser.post("/login", form: [("token", token)])
        guard response.status == 303, browser.cookies["vigil_session"] != nil else {
            throw ConsoleTestError("sign-in with the sample token failed with \(response.status)")
        }
        return browser
    }

    /// Returns the case commands on the command topic now.
    func publishedCommands() throws -> [CaseCommand] {
        try topics.records(of: topics.catalogue.caseCommands).map { try EventCoding.decode(CaseCommand.self, from: $0.value) }
    }
}

/// A failure of the tests' own steps.
struct ConsoleTestError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}

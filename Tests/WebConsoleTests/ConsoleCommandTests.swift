import Testing
import VigilRuntime
@testable import WebConsole

@Suite("Console command line")
struct ConsoleCommandTests {
    private func settings(_ arguments: [String], environment: [String: String] = [:]) throws -> ConsoleWebSettings {
        let parsed = try CommandLineOptions(ConsoleCommand.options).parse(arguments, environment: environment)
        return ConsoleCommand.webSettings(parsed)
    }

    @Test("secure cookies from option or environment")
    func secureCookies() throws {
        #expect(try !settings([]).secureCookies, "plain HTTP on 127.0.0.1 by default")
        #expect(try settings(["--secure-cookies"]).secureCookies)
        #expect(try settings([], environment: ["VIGIL_CONSOLE_SECURE_COOKIES": "1"]).secureCookies)
        #expect(try !settings([], environment: ["VIGIL_CONSOLE_SECURE_COOKIES": "0"]).secureCookies)
    }

    @Test("secure cookies reach the sign-in response")
    func secureCookieSet() throws {
        var settings = try settings(["--secure-cookies"])
        settings.commandTime = ConsoleFixture.settings.commandTime
        let fixture = try ConsoleFixture(settings: settings)
        let response = try ConsoleBrowser(port: fixture.server.port).post("/login", form: [("token", ConsoleSamples.brandToken)])
        #expect(response.status == 303)
        let cookie = try #require(response.headers.values(for: "Set-Cookie").first { $0.hasPrefix("vigil_session=") })
        #expect(cookie.hasSuffix("; Secure"))
    }
}

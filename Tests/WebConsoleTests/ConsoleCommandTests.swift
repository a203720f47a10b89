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

    @Test("listen address and limits")
    func listenAndLimits() throws {
        let defaults = try ConsoleCommand.httpConfiguration("127.0.0.1:8490")
        #expect(defaults.host == "127.0.0.1")
        #expect(defaults.port == 8490)
        #expect(defaults.connectionLimit == 256)
        #expect(defaults.perAddressConnectionLimit == 0)
        #expect(defaults.threading == .threadPerConnection)

        let ipv6 = try ConsoleCommand.httpConfiguration("[::1]:0", connectionLimit: "64", perAddressLimit: "8")
        #expect(ipv6.host == "::1")
        #expect(ipv6.port == 0)
        #expect(ipv6.connectionLimit == 64)
        #expect(ipv6.perAddressConnectionLimit == 8)
    }

    @Test("bad listen values are usage errors")
    func badValues() {
        #expect(throws: UsageError.self) { try ConsoleCommand.httpConfiguration("localhost") }
        #expect(throws: UsageError.self) { try ConsoleCommand.httpConfiguration("127.0.0.1:70000") }
        #expect(throws: UsageError.self) { try ConsoleCommand.httpConfiguration("127.0.0.1:1", connectionLimit: "0") }
        #expect(throws: UsageError.self) { try ConsoleCommand.httpConfiguration("127.0.0.1:1", perAddressLimit: "-1") }
    }
}

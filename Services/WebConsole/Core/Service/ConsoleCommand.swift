import Foundation
import VigilContracts
import VigilHTTP
import VigilRuntime

/// The `vigil-console` executable: the web console, or `hash-token` to make
/// a sign-in token's entry for the tokens file.
public enum ConsoleCommand {
    static let serviceName = "vigil-console"
    static let summary = LocalizedText(
        chinese: "网页控制台：实时预警、未结案件与期限、案件时间线、整改方案、排行榜和趋势图；按花名册令牌登录，"
            + "外包商人员只看到本外包商的数据",
        english: "the web console: live alerts, open cases and deadlines, case timelines, rectification plans, "
            + "league tables and trends; people sign in with roster tokens and a vendor's people see only their vendor")

    static let options: [OptionSpec] = [
        OptionSpec("listen", environment: "VIGIL_CONSOLE_LISTEN", valueName: "HOST:PORT", defaultValue: "127.0.0.1:8490",
                   help: LocalizedText(chinese: "监听地址；端口 0 表示任选空闲端口",
                                       english: "address to listen on; port 0 picks a free port")),
        OptionSpec("tokens", environment: "VIGIL_CONSOLE_TOKENS", valueName: "FILE",
                   help: LocalizedText(chinese: "登录令牌文件（JSON，只含 SHA-256 摘要；见 vigil-console hash-token --help）",
                                       english: "sign-in tokens file (JSON, SHA-256 digests only; see vigil-console hash-token --help)")),
        OptionSpec("connection-limit", environment: "VIGIL_CONSOLE_CONNECTION_LIMIT", valueName: "N", defaultValue: "256",
                   help: LocalizedText(chinese: "同时打开的最大连接数；每个打开的实时预警页占一个连接",
                                       english: "most open connections at once; every open live alerts page holds one")),
        OptionSpec("per-address-limit", environment: "VIGIL_CONSOLE_PER_ADDRESS_LIMIT", valueName: "N", defaultValue: "0",
                   help: LocalizedText(chinese: "每个客户端地址同时打开的最大连接数；0 表示不限（在代理之后时只能用 0）",
                                       english: "most open connections per client address; 0 for no limit (the only "
                                           + "choice behind a proxy)")),
        .flag("secure-cookies", environment: "VIGIL_CONSOLE_SECURE_COOKIES",
              help: LocalizedText(chinese: "给 Cookie 加上 Secure，只经 HTTPS 发送；由 TLS 代理提供控制台时打开",
                                  english: "mark cookies Secure, sent over HTTPS only; turn on when a TLS proxy serves the console")),
        OptionSpec("port-file", environment: "VIGIL_CONSOLE_PORT_FILE", valueName: "FILE",
                   help: LocalizedText(chinese: "开始监听后把端口号写入此文件（供脚本和测试使用）",
                                       english: "write the bound port to this file once listening (for scripts and tests)")),
    ]

    /// Runs the command line and exits: 0 after a graceful stop, 1 on failure, 2 on a usage error.
    public static func main(arguments: [String] = Array(CommandLine.arguments.dropFirst()),
                            environment: [String: String] = ProcessEnvironment.current) -> Never {
        if arguments.first == "hash-token" {
            ConsoleHashTokenCommand.main(arguments: Array(arguments.dropFirst()), environment: environment)
        }

        let language = ProcessEnvironment.language(environment)
        // The console reads every partition itself and commits to no group.
        let shared = ServiceConfiguration.options(serviceName: serviceName)
            .filter { !["group-id", "instance-id"].contains($0.name) }
        let commandLine = CommandLineOptions(shared + options)
        let parsed: ParsedOptions
        let configuration: ServiceConfiguration
        let http: HTTPServerConfiguration
        let tokens: ConsoleTokens
        do {
            parsed = try commandLine.parse(arguments, environment: environment)
            configuration = try ServiceConfiguration(serviceName: serviceName, options: parsed)
            if parsed.helpRequested {
                Console.printLine("\(serviceName): \(summary.text(in: language))\n\n\(commandLine.help(in: language))")
                exit(0)
            }
            guard parsed.positionals.isEmpty else {
                throw UsageError("unexpected argument \"\(parsed.positionals[0])\"; the only command is hash-token")
            }
            http = try httpConfiguration(parsed.value("listen") ?? "127.0.0.1:8490",
                                         connectionLimit: parsed.value("connection-limit") ?? "256",
                                         perAddressLimit: parsed.value("per-address-limit") ?? "0")
            guard let tokensPath = parsed.value("tokens") else {
                throw UsageError("missing --tokens FILE: the sign-in token digests (see vigil-console hash-token --help)")
            }
            tokens = try ConsoleTokens(contentsOfFile: tokensPath)
        } catch {
            ServiceMain.printError("\(serviceName): \(error)\nRun \(serviceName) --help for the options.")
            exit(2)
        }

        let shutdown = ShutdownSignal()
        do {
            try ConsoleServer(configuration: configuration, http: http, tokens: tokens, settings: webSettings(parsed),
                              shutdown: shutdown).run { port in
                if let portFile = parsed.value("port-file") {
                    try? "\(port)\n".write(toFile: portFile, atomically: true, encoding: .utf8)
                }
            }
            exit(0)
        } catch {
            configuration.logger.critical("service failed", metadata: ["vigil.error": String(describing: error)])
            exit(1)
        }
    }

    /// Reads the web layer's settings from the command line.
    static func webSettings(_ parsed: ParsedOptions) -> ConsoleWebSettings {
        ConsoleWebSettings(secureCookies: parsed.flag("secure-cookies"))
    }

    /// Reads `HOST:PORT` (an IPv6 host in brackets, `[::1]:8490`) and the
    /// connection limits. Pages are read over many long-lived connections
    /// (one per open live page), so each gets a thread of its own.
    static func httpConfiguration(_ listen: String, connectionLimit: String = "256",
                                  perAddressLimit: String = "0") throws -> HTTPServerConfiguration {
        guard let colon = listen.lastIndex(of: ":"), let port = Int(listen[listen.index(after: colon)...]),
              (0...65_535).contains(port) else {
            throw UsageError("invalid value \"\(listen)\" for --listen: expected HOST:PORT such as 127.0.0.1:8490")
        }
        var host = String(listen[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") {
            host = String(host.dropFirst().dropLast())
        }
        guard let connections = Int(connectionLimit), connections > 0 else {
            throw UsageError("invalid value \"\(connectionLimit)\" for --connection-limit: expected a positive whole number")
        }
        guard let perAddress = Int(perAddressLimit), perAddress >= 0 else {
            throw UsageError("invalid value \"\(perAddressLimit)\" for --per-address-limit: expected a whole number, 0 for no limit")
        }
        var configuration = HTTPServerConfiguration()
        configuration.host = host
        configuration.port = port
        configuration.maxBodyBytes = 64 * 1024
        configuration.connectionTimeoutSeconds = 60
        configuration.connectionLimit = connections
        configuration.perAddressConnectionLimit = perAddress
        configuration.threading = .threadPerConnection
        return configuration
    }
}

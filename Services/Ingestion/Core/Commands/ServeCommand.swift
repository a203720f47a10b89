import VigilContracts
import VigilHTTP
import VigilRuntime
#if canImport(Glibc)
import Glibc
#endif

/// `vigil-ingest serve`: the HTTP intake for sites' systems.
enum ServeCommand {
    static let serviceName = "vigil-ingest-http"

    static let summary = LocalizedText(
        chinese: "HTTP 接入：站点系统用各自的令牌 POST /v1/messages、/v1/complaints、/v1/orders、/v1/roster",
        english: "HTTP intake: sites' systems POST /v1/messages, /v1/complaints, /v1/orders, /v1/roster with their own tokens")

    static let options = [
        OptionSpec(
            "listen", environment: "VIGIL_INGEST_LISTEN", valueName: "HOST:PORT", defaultValue: "127.0.0.1:8480",
            help: LocalizedText(chinese: "监听地址；端口 0 表示任选空闲端口",
                                english: "address to listen on; port 0 picks a free port")),
        OptionSpec(
            "tokens", environment: "VIGIL_INGEST_TOKENS", valueName: "FILE",
            help: LocalizedText(chinese: "站点令牌文件（只存 SHA-256 摘要，见 vigil-ingest hash-token）",
                                english: "the site tokens file (SHA-256 digests only; see vigil-ingest hash-token)")),
        OptionSpec(
            "site", environment: "VIGIL_INGEST_SITE", valueName: "SITE",
            help: LocalizedText(chinese: "本实例只服务这一个站点：令牌文件里只能有该站点的令牌",
                                english: "serve this one site only: the tokens file must hold only its tokens")),
        OptionSpec(
            "rate-limit", environment: "VIGIL_INGEST_RATE_LIMIT", valueName: "N", defaultValue: "50",
            help: LocalizedText(chinese: "每个令牌每秒最多请求数（可短时突发到两倍），超出回 429；0 表示不限",
                                english: "requests per second per token (bursts up to twice that); more get 429; "
                                    + "0 for no limit")),
        OptionSpec(
            "max-body-bytes", environment: "VIGIL_INGEST_MAX_BODY_BYTES", valueName: "BYTES", defaultValue: "8388608",
            help: LocalizedText(chinese: "单个请求体的最大字节数，超出回 413", english: "largest request body; more gets 413")),
        OptionSpec(
            "max-records", environment: "VIGIL_INGEST_MAX_RECORDS", valueName: "N", defaultValue: "10000",
            help: LocalizedText(chinese: "单个请求的最大记录数，超出回 413", english: "most records per request; more gets 413")),
        OptionSpec(
            "connection-limit", environment: "VIGIL_INGEST_CONNECTION_LIMIT", valueName: "N", defaultValue: "256",
            help: LocalizedText(chinese: "同时打开的最大连接数", english: "most open connections at once")),
        OptionSpec(
            "per-address-limit", environment: "VIGIL_INGEST_PER_ADDRESS_LIMIT", valueName: "N", defaultValue: "32",
            help: LocalizedText(chinese: "每个客户端地址同时打开的最大连接数；0 表示不限（在代理之后时使用）",
                                english: "most open connections per client address; 0 for no limit (behind a proxy)")),
        OptionSpec(
            "port-file", environment: "VIGIL_INGEST_PORT_FILE", valueName: "FILE",
            help: LocalizedText(chinese: "开始监听后把端口号写入此文件（供脚本和测试使用）",
                                english: "write the bound port to this file once listening (for scripts and tests)")),
    ]

    /// Serves until SIGTERM or SIGINT, then exits 0; 1 on failure, 2 on a usage error.
    static func main(arguments: [String], environment: [String: String]) -> Never {
        let language = ProcessEnvironment.language(environment)
        let shared = ServiceConfiguration.options(serviceName: serviceName)
            .filter { !["group-id", "instance-id"].contains($0.name) }
        let commandLine = CommandLineOptions(shared + options)
        let parsed: ParsedOptions
        let configuration: ServiceConfiguration
        let http: HTTPServerConfiguration
        let tokens: SiteTokens
        let maxRecords: Int
        let rateLimit: Int
        do {
            parsed = try commandLine.parse(arguments, environment: environment)
            configuration = try ServiceConfiguration(serviceName: serviceName, options: parsed)
            if parsed.helpRequested {
                print("\(IngestCommand.modes(in: language))\n\n\(commandLine.help(in: language))")
                exit(0)
            }
            http = try httpConfiguration(parsed)
            maxRecords = try positive(parsed, "max-records")
            let rateText = parsed.value("rate-limit") ?? "50"
            guard let rate = Int(rateText), rate >= 0 else {
                throw UsageError("invalid value \"\(rateText)\" for --rate-limit: expected requests per second, 0 for no limit")
            }
            rateLimit = rate
            guard let tokensPath = parsed.value("tokens") else {
                throw UsageError("missing --tokens FILE: the sites' token digests (see vigil-ingest hash-token --help)")
            }
            let fileTokens = try SiteTokens(contentsOfFile: tokensPath)
            tokens = try parsed.value("site").map { try fileTokens.restricted(to: $0) } ?? fileTokens
        } catch {
            IngestCommand.usageFailure(error, mode: "serve ")
        }

        let shutdown = ShutdownSignal()
        do {
            let server = IngestServer(configuration: configuration, http: http, tokens: tokens,
                                      maxRecordsPerRequest: maxRecords, shutdown: shutdown)
            server.rateLimiter = TokenRateLimiter(requestsPerSecond: Double(rateLimit), burst: Double(2 * rateLimit))
            try server.run { port in
                if let portFile = parsed.value("port-file") {
                    try? "\(port)\n".write(toFile: portFile, atomically: true, encoding: .utf8)
                }
            }
            exit(0)
        } catch {
            configuration.logger.critical("ingestion server failed", metadata: ["vigil.error": String(describing: error)])
            exit(1)
        }
    }

    private static func httpConfiguration(_ parsed: ParsedOptions) throws -> HTTPServerConfiguration {
        let listen = parsed.value("listen") ?? "127.0.0.1:8480"
        guard let colon = listen.lastIndex(of: ":"), let port = Int(listen[listen.index(after: colon)...]),
              (0...65_535).contains(port) else {
            throw UsageError("invalid value \"\(listen)\" for --listen: expected HOST:PORT such as 127.0.0.1:8480")
        }
        var configuration = HTTPServerConfiguration()
        configuration.host = String(listen[..<colon])
        configuration.port = port
        configuration.maxBodyBytes = try positive(parsed, "max-body-bytes")
        configuration.connectionLimit = try positive(parsed, "connection-limit")
        let perAddress = parsed.value("per-address-limit") ?? ""
        guard let perAddressLimit = Int(perAddress), perAddressLimit >= 0 else {
            throw UsageError("invalid value \"\(perAddress)\" for --per-address-limit: expected a whole number, 0 for no limit")
        }
        configuration.perAddressConnectionLimit = perAddressLimit
        return configuration
    }

    private static func positive(_ parsed: ParsedOptions, _ name: String) throws -> Int {
        let text = parsed.value(name) ?? ""
        guard let value = Int(text), value > 0 else {
            throw UsageError("invalid value \"\(text)\" for --\(name): expected a positive whole number")
        }
        return value
    }
}

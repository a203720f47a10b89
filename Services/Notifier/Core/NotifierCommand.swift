import VigilContracts
import VigilRuntime
#if canImport(Glibc)
import Glibc
#endif

/// The `vigil-notify` executable: the notifier service, or `deliveries` to list what it sent.
public enum NotifierCommand {
    static let serviceName = "vigil-notify"
    static let summary = LocalizedText(
        chinese: "把需要通知的高危预警推送到钉钉、企业微信群机器人，失败自动重试并记录每次推送；"
            + "vigil-notify deliveries 列出推送记录",
        english: "posts alerts that notify to DingTalk and WeCom group robots, retries failures and records every "
            + "delivery; vigil-notify deliveries lists them")

    static let serviceOptions: [OptionSpec] = [
        OptionSpec("routes", environment: "VIGIL_NOTIFY_ROUTES", valueName: "FILE",
                   help: LocalizedText(chinese: "路由文件（JSON）：哪个班组、站点的预警发到哪个机器人",
                                       english: "routes file (JSON): which team's and site's alerts go to which robot")),
        OptionSpec("max-attempts", environment: "VIGIL_NOTIFY_MAX_ATTEMPTS", valueName: "N", defaultValue: "10",
                   help: LocalizedText(chinese: "每条推送最多尝试的次数（含第一次）",
                                       english: "attempts per delivery, the first included")),
        OptionSpec("max-age", environment: "VIGIL_NOTIFY_MAX_AGE", valueName: "SECONDS", defaultValue: "3600",
                   help: LocalizedText(chinese: "推送记录产生后超过该秒数不再重试",
                                       english: "seconds after which a delivery is not retried any more")),
        OptionSpec("retry-delay", environment: "VIGIL_NOTIFY_RETRY_DELAY", valueName: "MILLISECONDS",
                   defaultValue: "1000",
                   help: LocalizedText(chinese: "第一次重试前等待的毫秒数，之后每次翻倍",
                                       english: "milliseconds before the first retry, doubled for each later one")),
        OptionSpec("max-retry-delay", environment: "VIGIL_NOTIFY_MAX_RETRY_DELAY", valueName: "MILLISECONDS",
                   defaultValue: "300000",
                   help: LocalizedText(chinese: "两次尝试之间最长等待的毫秒数",
                                       english: "longest wait between two attempts, in milliseconds")),
    ]

    /// Runs the command line and exits: 0 after a graceful stop, 1 on failure, 2 on a usage or routes-file error.
    public static func main(arguments: [String] = Array(CommandLine.arguments.dropFirst()),
                            environment: [String: String] = ProcessEnvironment.current) -> Never {
        if arguments.first == "deliveries" {
            exit(DeliveriesCommand.run(arguments: Array(arguments.dropFirst()), environment: environment,
                                       print: Console.printLine))
        }

        let language = ProcessEnvironment.language(environment)
        let options = CommandLineOptions(ServiceConfiguration.options(serviceName: serviceName) + serviceOptions)
        let parsed: ParsedOptions
        let configuration: ServiceConfiguration
        let policy: RetryPolicy
        do {
            parsed = try options.parse(arguments, environment: environment)
            configuration = try ServiceConfiguration(serviceName: serviceName, options: parsed)
            policy = try retryPolicy(parsed)
            if !parsed.helpRequested {
                guard parsed.positionals.isEmpty else {
                    throw UsageError("unexpected argument \"\(parsed.positionals[0])\"; the only command is deliveries")
                }
                guard parsed.value("routes") != nil else {
                    throw UsageError("missing --routes FILE: the routes file that names the robots")
                }
            }
        } catch {
            usageFailure("\(error)")
        }
        if parsed.helpRequested {
            Console.printLine("\(serviceName): \(summary.text(in: language))\n\n\(options.help(in: language))")
            exit(0)
        }

        let routesPath = parsed.value("routes") ?? ""
        let routes: RouteTable
        do {
            routes = try RoutesFile.load(path: routesPath, environment: environment)
        } catch let errors as RoutesFileErrors {
            let lines = errors.errors.map { $0.line > 0 ? "\(routesPath):\($0)" : $0.message }
            ServiceMain.printError("\(serviceName): invalid routes file\n" + lines.joined(separator: "\n"))
            exit(2)
        } catch {
            usageFailure("cannot read the routes file \(routesPath): \(error)")
        }

        var loggingConfiguration = configuration
        loggingConfiguration.logSecrets += routes.credentials
        let logger = loggingConfiguration.logger
        let shutdown = ShutdownSignal()
        logger.info("routes loaded", metadata: [
            "vigil.routes": String(routes.routes.count),
            "vigil.targets": routes.routes.map { "\($0.id)=\($0.url.masked)" }.joined(separator: ","),
        ])
        do {
            try NotifierService(configuration: configuration, routes: routes, policy: policy, shutdown: shutdown).run()
            exit(0)
        } catch {
            logger.critical("service failed", metadata: ["vigil.error": String(describing: error)])
            exit(1)
        }
    }

    static func retryPolicy(_ parsed: ParsedOptions) throws -> RetryPolicy {
        var policy = RetryPolicy()
        if let attempts = try parsed.integer("max-attempts") {
            guard attempts >= 1 else { throw UsageError("--max-attempts must be at least 1") }
            policy.maxAttempts = attempts
        }
        if let seconds = try parsed.integer("max-age") {
            guard seconds >= 1 else { throw UsageError("--max-age must be at least 1 second") }
            policy.maxAgeMilliseconds = Int64(seconds) * 1_000
        }
        if let delay = try parsed.integer("retry-delay") {
            guard delay >= 1 else { throw UsageError("--retry-delay must be at least 1 millisecond") }
            policy.initialDelayMilliseconds = Int64(delay)
        }
        if let delay = try parsed.integer("max-retry-delay") {
            guard delay >= policy.initialDelayMilliseconds else {
                throw UsageError("--max-retry-delay must not be shorter than --retry-delay")
            }
            policy.maxDelayMilliseconds = Int64(delay)
        }
        return policy
    }

    private static func usageFailure(_ message: String) -> Never {
        ServiceMain.printError("\(serviceName): \(message)\nRun \(serviceName) --help for the options.")
        exit(2)
    }
}

import VigilContracts
import VigilRuntime
#if canImport(Glibc)
import Glibc
#endif

/// The `vigil-ingest` command line: `import` (the default), `serve`, `raw` and `hash-token`.
public enum IngestCommand {
    static let serviceName = "vigil-ingest"

    /// Runs the mode named by the first argument and exits. Without a mode
    /// name the arguments are an import's.
    public static func main(arguments: [String] = Array(CommandLine.arguments.dropFirst()),
                            environment: [String: String] = ProcessEnvironment.current) -> Never {
        let rest = Array(arguments.dropFirst())
        switch arguments.first {
        case "serve":
            ServeCommand.main(arguments: rest, environment: environment)
        case "raw":
            ServiceMain.run(serviceName: "vigil-ingest-raw", summary: RawCommand.summary, arguments: rest,
                            environment: environment) { configuration, _ in
                RawTopicProcessor(catalogue: configuration.catalogue, serviceName: configuration.serviceName,
                                  clockSource: EventClock.source(serviceName: configuration.serviceName,
                                                                 storePath: configuration.storePath),
                                  logger: configuration.logger)
            }
        case "hash-token":
            HashTokenCommand.main(arguments: rest, environment: environment)
        case "import":
            ImportCommand.main(arguments: rest, environment: environment)
        default:
            ImportCommand.main(arguments: arguments, environment: environment)
        }
    }

    /// Lists the modes with their summaries, for the help text.
    static func modes(in language: Language) -> String {
        let lines = [
            ("\(serviceName) [import] [OPTIONS] FILE…", ImportCommand.summary),
            ("\(serviceName) serve [OPTIONS]", ServeCommand.summary),
            ("\(serviceName) raw [OPTIONS]", RawCommand.summary),
            ("\(serviceName) hash-token [OPTIONS]", HashTokenCommand.summary),
        ]
        return lines.map { "  \($0.0)\n      \($0.1.text(in: language))" }.joined(separator: "\n")
    }

    /// Prints a usage error and exits 2.
    static func usageFailure(_ error: any Error, mode: String) -> Never {
        ServiceMain.printError("\(serviceName): \(error)\nRun \(serviceName) \(mode)--help for the options.")
        exit(2)
    }
}

/// `vigil-ingest raw`: the raw-topic service, run by ``ServiceMain``.
enum RawCommand {
    static let summary = LocalizedText(
        chinese: "持续校验站点自有 Kafka 生产者写入的原始主题（vigil.raw.*），发布合格记录",
        english: "validate the raw topics (vigil.raw.*) that sites' own Kafka producers write, and publish what passes")
}

import VigilContracts
import VigilRuntime
#if canImport(Glibc)
import Glibc
#endif

/// The `vigil-ingest` command line.
public enum IngestCommand {
    static let summary = LocalizedText(
        chinese: "导入聊天消息、花名册、投诉和订单（交换格式 NDJSON，文件或标准输入 -），发布到 Kafka",
        english: "import chat messages, roster, complaints and orders (interchange NDJSON, files or - for stdin) into Kafka")

    static let kindOption = OptionSpec(
        "kind", environment: "VIGIL_INGEST_KIND", valueName: "KIND", defaultValue: "auto",
        help: LocalizedText(chinese: "记录类型：auto（逐条识别）、messages、roster、complaints、orders",
                            english: "record kind: auto (recognise each record), messages, roster, complaints, orders"))

    static let rawSummary = LocalizedText(
        chinese: "持续校验站点自有 Kafka 生产者写入的原始主题（vigil.raw.*），发布合格记录",
        english: "validate the raw topics (vigil.raw.*) that sites' own Kafka producers write, and publish what passes")

    /// Runs the command and exits. `vigil-ingest raw` runs the raw-topic
    /// service; anything else imports files: 0 when every source was read, 1
    /// on failure, 2 on a usage error, 130 or 143 when SIGINT or SIGTERM
    /// stopped it early.
    public static func main(arguments: [String] = Array(CommandLine.arguments.dropFirst()),
                            environment: [String: String] = ProcessEnvironment.current) -> Never {
        switch arguments.first {
        case "raw":
            ServiceMain.run(serviceName: "vigil-ingest-raw", summary: rawSummary, arguments: Array(arguments.dropFirst()),
                            environment: environment) { configuration, _ in
                RawTopicProcessor(catalogue: configuration.catalogue, serviceName: configuration.serviceName,
                                  clockSource: configuration.serviceName, logger: configuration.logger)
            }
        case "import":
            importFiles(arguments: Array(arguments.dropFirst()), environment: environment)
        default:
            importFiles(arguments: arguments, environment: environment)
        }
    }

    static func importFiles(arguments: [String], environment: [String: String]) -> Never {
        let serviceName = "vigil-ingest"
        let language = ProcessEnvironment.language(environment)
        // Ingestion only produces, so it has no consumer group.
        let shared = ServiceConfiguration.options(serviceName: serviceName).filter { $0.name != "group-id" }
        let options = CommandLineOptions(shared + [kindOption])
        let parsed: ParsedOptions
        let configuration: ServiceConfiguration
        let format: InputFormat
        do {
            parsed = try options.parse(arguments, environment: environment)
            configuration = try ServiceConfiguration(serviceName: serviceName, options: parsed)
            let kindName = parsed.value("kind") ?? "auto"
            if kindName == "auto" {
                format = .ndjson()
            } else if let kind = RecordKind(option: kindName) {
                format = .ndjson(kind: kind)
            } else {
                throw UsageError("invalid value \"\(kindName)\" for --kind: expected auto, messages, roster, complaints or orders")
            }
            if !parsed.helpRequested {
                try checkSources(parsed.positionals)
            }
        } catch {
            ServiceMain.printError("\(serviceName): \(error)\nRun \(serviceName) --help for the options.")
            exit(2)
        }
        if parsed.helpRequested {
            print("""
                \(serviceName) [import] [OPTIONS] FILE…
                \(summary.text(in: language))
                \(serviceName) raw [OPTIONS]   (\(serviceName) raw --help)
                \(rawSummary.text(in: language))

                \(options.help(in: language))
                """)
            exit(0)
        }

        let shutdown = ShutdownSignal()
        do {
            let service = IngestionService(configuration: configuration, format: format, shutdown: shutdown)
            let result = try service.run(sources: parsed.positionals)
            print(IngestReport.text(result, in: language))
            guard result.interrupted else { exit(0) }
            // 128 + signal number, as shells report a process a signal stopped.
            let signalNumber = shutdown.signalName == "SIGINT" ? SIGINT : SIGTERM
            exit(128 + signalNumber)
        } catch {
            configuration.logger.critical("ingestion failed", metadata: ["vigil.error": String(describing: error)])
            exit(1)
        }
    }
}

/// The one-line result of an ingestion run, for the person who ran it.
enum IngestReport {
    static func text(_ summary: IngestionService.Summary, in language: Language) -> String {
        let counts = RecordKind.allCases.map { summary.counts.accepted[$0] ?? 0 }
        let duplicates = summary.counts.duplicates
        let rejected = summary.counts.rejectedTotal
        switch language {
        case .chinese:
            return "已导入：消息 \(counts[0]) 条，花名册 \(counts[1]) 人，投诉 \(counts[2]) 件，订单 \(counts[3]) 笔；"
                + "重复跳过 \(duplicates) 条；拒收 \(rejected) 条（已转入死信主题）"
        case .english:
            return "Imported: \(counts[0]) messages, \(counts[1]) roster entries, \(counts[2]) complaints, \(counts[3]) orders; "
                + "\(duplicates) duplicates skipped; \(rejected) rejected (sent to the dead-letter topic)"
        }
    }
}

/// Fails before anything is imported when a source is missing or unreadable,
/// so a typo in the last of ten files does not leave nine imported.
private func checkSources(_ sources: [String]) throws {
    guard !sources.isEmpty else {
        throw UsageError("missing input: name one or more NDJSON files, or - for standard input")
    }
    for source in sources where source != "-" {
        var status = stat()
        guard stat(source, &status) == 0 else {
            throw UsageError("cannot read \(source): \(String(cString: strerror(errno)))")
        }
        guard status.st_mode & S_IFMT != S_IFDIR else {
            throw UsageError("cannot read \(source): it is a directory; name the NDJSON files in it")
        }
        guard access(source, R_OK) == 0 else {
            throw UsageError("cannot read \(source): \(String(cString: strerror(errno)))")
        }
    }
}

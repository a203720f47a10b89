import VigilContracts
import VigilRuntime
#if canImport(Glibc)
import Glibc
#endif

/// `vigil-ingest [import] FILE…`: imports files or standard input once.
enum ImportCommand {
    static let summary = LocalizedText(
        chinese: "导入聊天消息、花名册、投诉和订单（交换格式 NDJSON，或按列映射的 CSV/TSV；文件或标准输入 -）",
        english: "import chat messages, roster, complaints and orders (interchange NDJSON, or CSV/TSV through a column mapping; files or - for stdin)")

    static let options = [
        OptionSpec(
            "kind", environment: "VIGIL_INGEST_KIND", valueName: "KIND", defaultValue: "auto",
            help: LocalizedText(chinese: "NDJSON 记录类型：auto（逐条识别）、messages、roster、complaints、orders",
                                english: "NDJSON record kind: auto (recognise each record), messages, roster, complaints, orders")),
        OptionSpec(
            "format", environment: "VIGIL_INGEST_FORMAT", valueName: "FORMAT", defaultValue: "ndjson",
            help: LocalizedText(chinese: "输入格式：ndjson、csv 或 tsv（csv/tsv 需要 --mapping）",
                                english: "input format: ndjson, csv or tsv (csv and tsv need --mapping)")),
        OptionSpec(
            "mapping", environment: "VIGIL_INGEST_MAPPING", valueName: "FILE",
            help: LocalizedText(chinese: "CSV/TSV 的列映射文件（JSON，见 docs/COLUMN-MAPPING.zh-CN.md）",
                                english: "the column mapping of a CSV or TSV export (JSON; see docs/COLUMN-MAPPING.md)")),
    ]

    /// Imports and exits: 0 when every source was read, 1 on failure, 2 on a
    /// usage error, 130 or 143 when SIGINT or SIGTERM stopped it early.
    static func main(arguments: [String], environment: [String: String]) -> Never {
        let serviceName = IngestCommand.serviceName
        let language = ProcessEnvironment.language(environment)
        // Importing only produces, so it has no consumer group.
        let shared = ServiceConfiguration.options(serviceName: serviceName)
            .filter { !["group-id", "instance-id"].contains($0.name) }
        let commandLine = CommandLineOptions(shared + options)
        let parsed: ParsedOptions
        let configuration: ServiceConfiguration
        let format: InputFormat
        do {
            parsed = try commandLine.parse(arguments, environment: environment)
            configuration = try ServiceConfiguration(serviceName: serviceName, options: parsed)
            format = try inputFormat(parsed)
            if !parsed.helpRequested {
                try checkSources(parsed.positionals)
            }
        } catch {
            IngestCommand.usageFailure(error, mode: "")
        }
        if parsed.helpRequested {
            print("\(IngestCommand.modes(in: language))\n\n\(commandLine.help(in: language))")
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
        } catch let error as UsageError {
            IngestCommand.usageFailure(error, mode: "")
        } catch {
            configuration.logger.critical("ingestion failed", metadata: ["vigil.error": String(describing: error)])
            exit(1)
        }
    }

    private static func inputFormat(_ parsed: ParsedOptions) throws -> InputFormat {
        let formatName = parsed.value("format") ?? "ndjson"
        if formatName == "ndjson" {
            guard parsed.value("mapping") == nil else {
                throw UsageError("--mapping applies to csv and tsv only; add --format csv or --format tsv")
            }
            let kindName = parsed.value("kind") ?? "auto"
            if kindName == "auto" {
                return .ndjson()
            }
            guard let kind = RecordKind(option: kindName) else {
                throw UsageError("invalid value \"\(kindName)\" for --kind: expected auto, messages, roster, complaints or orders")
            }
            return .ndjson(kind: kind)
        }
        guard let delimited = DelimitedFormat(name: formatName) else {
            throw UsageError("invalid value \"\(formatName)\" for --format: expected ndjson, csv or tsv")
        }
        guard let path = parsed.value("mapping") else {
            throw UsageError("--format \(formatName) needs --mapping FILE: the JSON that maps columns to fields")
        }
        do {
            return .delimited(delimited, mapping: try ColumnMapping(contentsOfFile: path))
        } catch {
            throw UsageError("\(path): \(error.message)")
        }
    }

    /// Fails before anything is imported when a source is missing or unreadable,
    /// so a typo in the last of ten files does not leave nine imported.
    private static func checkSources(_ sources: [String]) throws {
        guard !sources.isEmpty else {
            throw UsageError("missing input: name one or more files, or - for standard input")
        }
        for source in sources where source != "-" {
            var status = stat()
            guard stat(source, &status) == 0 else {
                throw UsageError("cannot read \(source): \(String(cString: strerror(errno)))")
            }
            guard status.st_mode & S_IFMT != S_IFDIR else {
                throw UsageError("cannot read \(source): it is a directory; name the files in it")
            }
            guard access(source, R_OK) == 0 else {
                throw UsageError("cannot read \(source): \(String(cString: strerror(errno)))")
            }
        }
    }
}

/// The one-line result of an ingestion run, for the person who ran it, with
/// the rejections counted per reason code.
enum IngestReport {
    static func text(_ summary: IngestionService.Summary, in language: Language) -> String {
        let counts = RecordKind.allCases.map { summary.counts.accepted[$0] ?? 0 }
        let duplicates = summary.counts.duplicates
        let rejected = summary.counts.rejectedTotal
        let reasons = DeadLetterReason.allCases.compactMap { reason in
            summary.counts.rejected[reason].map { "\(reason.rawValue) \($0)" }
        }.joined(separator: ", ")
        switch language {
        case .chinese:
            return "已导入：消息 \(counts[0]) 条，花名册 \(counts[1]) 人，投诉 \(counts[2]) 件，订单 \(counts[3]) 笔；"
                + "重复跳过 \(duplicates) 条；拒收 \(rejected) 条" + (rejected == 0 ? "" : "（已转入死信主题：\(reasons)）")
        case .english:
            return "Imported: \(counts[0]) messages, \(counts[1]) roster entries, \(counts[2]) complaints, \(counts[3]) orders; "
                + "\(duplicates) duplicates skipped; \(rejected) rejected"
                + (rejected == 0 ? "" : " (sent to the dead-letter topic: \(reasons))")
        }
    }
}

import VigilContracts
import VigilKafka
import VigilRuntime
#if canImport(Glibc)
import Glibc
#endif

/// The `vigil` operator command: the embedded broker, topics, and the business views.
public enum OperatorCommand {
    static let subcommands: [any Subcommand.Type] = [
        BrokerCommand.self,
        BrokerDownCommand.self,
        BrokerUpCommand.self,
        TopicsCreateCommand.self,
        TopicsListCommand.self,
        TailAlertsCommand.self,
        AlertsWatchCommand.self,
        CaseShowCommand.self,
        CaseListCommand.self,
    ] + CaseActionCommands.all + [
        CasesListCommand.self,
        ClockCommand.self,
        ScoresCommand.self,
        ReportEscalationsCommand.self,
        ReportScoresCommand.self,
        SummaryCommand.self,
        DeadLettersCommand.self,
        ExportCommand.self,
        ReplayCommand.self,
        LagCommand.self,
        OffsetsResetCommand.self,
        SchemasWriteCommand.self,
        SchemasCheckCommand.self,
        SchemasDocsCommand.self,
        RulesCheckCommand.self,
        RulesEvalCommand.self,
        RulesPushCommand.self,
        RulesShowCommand.self,
        ScorecardCheckCommand.self,
    ]

    /// Returns the options every subcommand takes. Commands report their own
    /// errors, so their logs stay quiet by default. The broker is a server and logs at info.
    static func sharedOptions(for command: any Subcommand.Type) -> [OptionSpec] {
        let kafkaOptions = ["bootstrap-servers", "kafka"]
        let connection = ServiceConfiguration.options(serviceName: "vigil").filter {
            $0.name == "topic-prefix" || (command.connectsToCluster && kafkaOptions.contains($0.name))
        }
        return connection + [
            OptionSpec("lang", environment: "VIGIL_LANG", valueName: "LANG", defaultValue: "zh-CN",
                       help: LocalizedText(chinese: "输出语言：zh-CN 或 en", english: "output language: zh-CN or en")),
            OptionSpec("log-level", environment: "VIGIL_LOG_LEVEL", valueName: "LEVEL",
                       defaultValue: command.connectsToCluster ? "critical" : "info",
                       help: LocalizedText(chinese: "日志级别（写到标准错误）", english: "log level (logs go to standard error)")),
        ]
    }

    /// Runs the subcommand the arguments name and exits with its status
    /// (2 for a usage error, 1 for a failure).
    public static func main(arguments: [String] = Array(CommandLine.arguments.dropFirst()),
                            environment: [String: String] = ProcessEnvironment.current) -> Never {
        var environment = environment
        let words: [String]
        do {
            words = try takeLeadingLanguage(arguments, into: &environment)
        } catch {
            ServiceMain.printError("vigil: \(error)")
            exit(2)
        }
        let language = ProcessEnvironment.language(environment)
        guard let (command, rest) = select(words) else {
            if words.isEmpty || words.first == "--help" || words.first == "-h" || words.first == "help" {
                print(overview(language))
                exit(0)
            }
            // "vigil cases --help" lists the commands of the group.
            let group = subcommands.filter { $0.name.split(separator: " ").first.map(String.init) == words.first }
            if !group.isEmpty, group.first?.name.contains(" ") == true {
                let usage = language == .chinese ? "请指定子命令：" : "Name a subcommand:"
                let text = "\(usage)\n" + commandLines(group, language).joined(separator: "\n")
                if words.dropFirst().allSatisfy({ ["--help", "-h"].contains($0) }), words.count > 1 {
                    print(text)
                    exit(0)
                }
                let problem = words.count == 1
                    ? "missing subcommand for \"\(words[0])\""
                    : "unknown command \"\(words.joined(separator: " "))\""
                ServiceMain.printError("vigil: \(problem)\n\(text)")
                exit(2)
            }
            ServiceMain.printError("vigil: unknown command \"\(words.joined(separator: " "))\"\n\n\(overview(language))")
            exit(2)
        }

        let options = CommandLineOptions(command.options + sharedOptions(for: command))
        let parsed: ParsedOptions
        let context: OperatorContext
        do {
            parsed = try options.parse(rest, environment: environment)
            let chosen = try parseLanguage(parsed.value("lang")) ?? language
            context = OperatorContext(
                configuration: try ServiceConfiguration(serviceName: "vigil", options: parsed),
                language: chosen, shutdown: ShutdownSignal())
            if parsed.helpRequested {
                let usage = "vigil \(command.name) [OPTIONS]" + (command.positionalHelp.isEmpty ? "" : " \(command.positionalHelp)")
                print("\(usage)\n\(command.summary.text(in: chosen))\n\n\(options.help(in: chosen))")
                exit(0)
            }
            if command.positionalHelp.isEmpty, let extra = parsed.positionals.first {
                throw UsageError("unexpected argument \"\(extra)\"")
            }
        } catch {
            ServiceMain.printError("vigil \(command.name): \(error)\nRun vigil \(command.name) --help for the options.")
            exit(2)
        }

        do {
            exit(try command.run(parsed, context: context))
        } catch let error as UsageError {
            ServiceMain.printError("vigil \(command.name): \(error)\nRun vigil \(command.name) --help for the options.")
            exit(2)
        } catch let error as KafkaError {
            ServiceMain.printError("vigil \(command.name): \(error)\n"
                + "Is a broker running at \(context.configuration.bootstrapServers)? Start one with `vigil broker` "
                + "and set VIGIL_BOOTSTRAP_SERVERS (or --bootstrap-servers) to the address it prints.")
            exit(1)
        } catch {
            ServiceMain.printError("vigil \(command.name): \(error)")
            exit(1)
        }
    }

    /// Moves `--lang X` given before the command name into the environment,
    /// so `vigil --lang en cases list` works like `vigil cases list --lang en`.
    private static func takeLeadingLanguage(_ arguments: [String], into environment: inout [String: String]) throws -> [String] {
        var rest = arguments[...]
        while let first = rest.first, first == "--lang" || first.hasPrefix("--lang=") {
            let value: String
            if first == "--lang" {
                guard rest.count >= 2 else { throw UsageError("missing value for --lang") }
                value = rest[rest.startIndex + 1]
                rest = rest.dropFirst(2)
            } else {
                value = String(first.dropFirst("--lang=".count))
                rest = rest.dropFirst()
            }
            _ = try parseLanguage(value)
            environment["VIGIL_LANG"] = value
        }
        return Array(rest)
    }

    /// Reads a language option; nil when absent, a usage error when unknown.
    private static func parseLanguage(_ tag: String?) throws -> Language? {
        guard let tag else { return nil }
        guard let language = Language(tag: tag) else {
            throw UsageError("invalid value \"\(tag)\" for --lang: expected zh-CN or en")
        }
        return language
    }

    /// Finds the subcommand whose words start the arguments, trying longer names first.
    private static func select(_ arguments: [String]) -> (any Subcommand.Type, [String])? {
        let ordered = subcommands.sorted { $0.name.split(separator: " ").count > $1.name.split(separator: " ").count }
        for command in ordered {
            let words = command.name.split(separator: " ").map(String.init)
            if arguments.count >= words.count, Array(arguments.prefix(words.count)) == words {
                return (command, Array(arguments.dropFirst(words.count)))
            }
        }
        return nil
    }

    private static func overview(_ language: Language) -> String {
        let header = language == .chinese
            ? "vigil：Vigil 运维与业务命令。用法：vigil [--lang zh-CN|en] 命令 [选项]；vigil 命令 --help 查看选项。"
            : "vigil: Vigil's operator and business commands. Usage: vigil [--lang zh-CN|en] COMMAND [OPTIONS]; "
                + "vigil COMMAND --help for options."
        let footer = language == .chinese
            ? "Kafka 地址取自 --bootstrap-servers 或环境变量 VIGIL_BOOTSTRAP_SERVERS，默认 127.0.0.1:9092；"
                + "`vigil broker` 启动时会打印它的地址。"
            : "The Kafka address comes from --bootstrap-servers or VIGIL_BOOTSTRAP_SERVERS (default 127.0.0.1:9092); "
                + "`vigil broker` prints its address when it starts."
        return ([header, ""] + commandLines(subcommands, language) + ["", footer]).joined(separator: "\n")
    }

    private static func commandLines(_ commands: [any Subcommand.Type], _ language: Language) -> [String] {
        let width = commands.map { $0.name.count }.max() ?? 0
        return commands.map { command in
            "  " + command.name.padding(toLength: width + 2) + command.summary.text(in: language)
        }
    }
}

extension String {
    /// Pads with spaces on the right to `length` characters.
    func padding(toLength length: Int) -> String {
        count >= length ? self : self + String(repeating: " ", count: length - count)
    }
}

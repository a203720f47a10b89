import VigilContracts
import VigilRuntime
#if canImport(Glibc)
import Glibc
#endif

/// The `vigil` operator command: the embedded broker, topics, and the business views.
public enum OperatorCommand {
    static let subcommands: [any Subcommand.Type] = [
        BrokerCommand.self,
        TopicsCreateCommand.self,
        TopicsListCommand.self,
        AlertsWatchCommand.self,
        CasesListCommand.self,
        ScoresCommand.self,
        SummaryCommand.self,
        DeadLettersCommand.self,
        LagCommand.self,
    ]

    static let sharedOptions: [OptionSpec] = ServiceConfiguration.options(serviceName: "vigil")
        .filter { ["bootstrap-servers", "topic-prefix", "kafka"].contains($0.name) } + [
            OptionSpec("lang", environment: "VIGIL_LANG", valueName: "LANG", defaultValue: "zh-CN",
                       help: LocalizedText(chinese: "输出语言：zh-CN 或 en", english: "output language: zh-CN or en")),
            OptionSpec("log-level", environment: "VIGIL_LOG_LEVEL", valueName: "LEVEL", defaultValue: "warning",
                       help: LocalizedText(chinese: "日志级别（写到标准错误）", english: "log level (logs go to standard error)")),
        ]

    /// Runs the subcommand the arguments name and exits with its status
    /// (2 for a usage error, 1 for a failure).
    public static func main(arguments: [String] = Array(CommandLine.arguments.dropFirst()),
                            environment: [String: String] = ProcessEnvironment.current) -> Never {
        let language = ProcessEnvironment.language(environment)
        guard let (command, rest) = select(arguments) else {
            if arguments.isEmpty || arguments.first == "--help" || arguments.first == "-h" || arguments.first == "help" {
                print(overview(language))
                exit(0)
            }
            ServiceMain.printError("vigil: unknown command \"\(arguments.joined(separator: " "))\"\n\n\(overview(language))")
            exit(2)
        }

        let options = CommandLineOptions(command.options + sharedOptions)
        let parsed: ParsedOptions
        let context: OperatorContext
        do {
            parsed = try options.parse(rest, environment: environment)
            let chosen = parsed.value("lang").flatMap(Language.init(tag:)) ?? language
            context = OperatorContext(
                configuration: try ServiceConfiguration(serviceName: "vigil", options: parsed),
                language: chosen, shutdown: ShutdownSignal())
            if parsed.helpRequested {
                let usage = "vigil \(command.name) [OPTIONS]" + (command.positionalHelp.isEmpty ? "" : " \(command.positionalHelp)")
                print("\(usage)\n\(command.summary.text(in: chosen))\n\n\(options.help(in: chosen))")
                exit(0)
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
        } catch {
            ServiceMain.printError("vigil \(command.name): \(error)")
            exit(1)
        }
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
            ? "vigil：Vigil 运维与业务命令。用法：vigil 命令 [选项]；vigil 命令 --help 查看选项。"
            : "vigil: Vigil's operator and business commands. Usage: vigil COMMAND [OPTIONS]; vigil COMMAND --help for options."
        let width = subcommands.map { $0.name.count }.max() ?? 0
        let lines = subcommands.map { command in
            "  " + command.name.padding(toLength: width + 2) + command.summary.text(in: language)
        }
        return ([header, ""] + lines).joined(separator: "\n")
    }
}

extension String {
    /// Pads with spaces on the right to `length` characters.
    func padding(toLength length: Int) -> String {
        count >= length ? self : self + String(repeating: " ", count: length - count)
    }
}

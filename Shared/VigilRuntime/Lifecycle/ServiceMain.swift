import VigilContracts
import VigilLog
#if canImport(Glibc)
import Glibc
#endif

/// The entry point of a stream service executable: options, logging, signals and exit status.
public enum ServiceMain {
    /// Parses the command line, builds the processor and runs it until SIGTERM
    /// or SIGINT. Exits 0 after a graceful shutdown, 1 on failure, 2 on a usage error.
    public static func run(
        serviceName: String,
        summary: LocalizedText,
        extraOptions: [OptionSpec] = [],
        arguments: [String] = Array(CommandLine.arguments.dropFirst()),
        environment: [String: String] = ProcessEnvironment.current,
        makeProcessor: (ServiceConfiguration, ParsedOptions) throws -> any StreamProcessor
    ) -> Never {
        runStages(serviceName: serviceName, summary: summary, extraOptions: extraOptions, arguments: arguments,
                  environment: environment) { configuration, options in
            [ServiceStage(configuration: configuration, processor: try makeProcessor(configuration, options))]
        }
    }

    /// Parses the command line, builds the stages and runs each on its own
    /// thread until SIGTERM or SIGINT (see ``StageRunner``).
    ///
    /// Exits 0 after every stage shut down gracefully, and 2 on a usage
    /// error, whether from the command line, from `makeStages` or from a
    /// stage's start. When a stage fails, the others stop gracefully and the
    /// process exits 1.
    public static func runStages(
        serviceName: String,
        summary: LocalizedText,
        extraOptions: [OptionSpec] = [],
        arguments: [String] = Array(CommandLine.arguments.dropFirst()),
        environment: [String: String] = ProcessEnvironment.current,
        makeStages: (ServiceConfiguration, ParsedOptions) throws -> [ServiceStage]
    ) -> Never {
        // MARK: Options

        let language = ProcessEnvironment.language(environment)
        let options = CommandLineOptions(ServiceConfiguration.options(serviceName: serviceName) + extraOptions)
        let parsed: ParsedOptions
        let configuration: ServiceConfiguration
        do {
            parsed = try options.parse(arguments, environment: environment)
            configuration = try ServiceConfiguration(serviceName: serviceName, options: parsed)
        } catch {
            usageFailure(serviceName: serviceName, error)
        }
        if parsed.helpRequested {
            print("\(serviceName): \(summary.text(in: language))\n\n\(options.help(in: language))")
            exit(0)
        }

        // MARK: Stages

        let shutdown = ShutdownSignal()
        let stages: [ServiceStage]
        do {
            stages = try makeStages(configuration, parsed)
        } catch let error as UsageError {
            usageFailure(serviceName: serviceName, error)
        } catch {
            configuration.logger.critical("service failed", metadata: ["vigil.error": String(describing: error)])
            exit(1)
        }

        let failures = StageRunner.run(stages, shutdown: shutdown)
        guard let first = failures.first else { exit(0) }
        if let usage = first.error as? UsageError {
            usageFailure(serviceName: serviceName, usage)
        }
        exit(1)
    }

    /// Writes a line to standard error.
    public static func printError(_ text: String) {
        var line = text + "\n"
        line.withUTF8 { bytes in
            _ = write(STDERR_FILENO, bytes.baseAddress, bytes.count)
        }
    }

    private static func usageFailure(serviceName: String, _ error: any Error) -> Never {
        printError("\(serviceName): \(error)\nRun \(serviceName) --help for the options.")
        exit(2)
    }
}

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
        let language = ProcessEnvironment.language(environment)
        let options = CommandLineOptions(ServiceConfiguration.options(serviceName: serviceName) + extraOptions)
        let parsed: ParsedOptions
        let configuration: ServiceConfiguration
        do {
            parsed = try options.parse(arguments, environment: environment)
            configuration = try ServiceConfiguration(serviceName: serviceName, options: parsed)
        } catch {
            printError("\(serviceName): \(error)\nRun \(serviceName) --help for the options.")
            exit(2)
        }
        if parsed.helpRequested {
            print("\(serviceName): \(summary.text(in: language))\n\n\(options.help(in: language))")
            exit(0)
        }

        let logger = configuration.logger
        let shutdown = ShutdownSignal()
        do {
            let processor = try makeProcessor(configuration, parsed)
            let service = StreamService(configuration: configuration, processor: processor, shutdown: shutdown)
            try service.run()
            exit(0)
        } catch let error as UsageError {
            printError("\(serviceName): \(error)\nRun \(serviceName) --help for the options.")
            exit(2)
        } catch {
            logger.critical("service failed", metadata: ["vigil.error": String(describing: error)])
            exit(1)
        }
    }

    /// Writes a line to standard error.
    public static func printError(_ text: String) {
        var line = text + "\n"
        line.withUTF8 { bytes in
            _ = write(STDERR_FILENO, bytes.baseAddress, bytes.count)
        }
    }
}

import VigilContracts
import VigilLog
import VigilRuntime

/// One `vigil` subcommand.
protocol Subcommand: Sendable {
    /// The words that select it ("cases list").
    static var name: String { get }
    static var summary: LocalizedText { get }
    /// The arguments after the options, for the help ("FILE…"); empty for none.
    static var positionalHelp: String { get }
    /// Its own options; the shared ones are added by ``OperatorCommand``.
    static var options: [OptionSpec] { get }
    /// False for commands that connect to no cluster, which then take no Kafka options.
    static var connectsToCluster: Bool { get }
    /// Runs it and returns the exit status.
    static func run(_ options: ParsedOptions, context: OperatorContext) throws -> Int32
}

extension Subcommand {
    static var positionalHelp: String { "" }
    static var connectsToCluster: Bool { true }
}

/// The settings every subcommand shares: Kafka, topic names, language, logger and signals.
struct OperatorContext {
    var configuration: ServiceConfiguration
    var language: Language
    var shutdown: ShutdownSignal

    var catalogue: TopicCatalogue { configuration.catalogue }
    var logger: Logger { configuration.logger }

    /// Picks the Chinese or English text.
    func text(_ chinese: String, _ english: String) -> String {
        language == .chinese ? chinese : english
    }
}

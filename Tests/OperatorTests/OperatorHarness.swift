import Foundation
import Testing
import VigilContracts
import VigilKafka
import VigilLog
import VigilRuntime
@testable import Operator

/// An embedded broker with the catalogue's topics under a unique prefix, and
/// the pieces to run `vigil` subcommands against it in-process.
final class OperatorHarness {
    let logger = Logger(label: "vigil-operator-tests", logLevel: .critical)
    let broker: EmbeddedBroker
    let catalogue: TopicCatalogue
    let folder: URL

    init() throws {
        broker = try EmbeddedBroker(brokerCount: 1, logger: logger)
        catalogue = TopicCatalogue(prefix: "operator-\(UUID().uuidString.prefix(8)).")
        for topic in catalogue.all {
            try broker.createTopic(name: topic.name, partitions: topic.partitions)
        }
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-operator-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Parses a command line for `command` as `vigil` does, against this broker.
    func options(_ command: any Subcommand.Type, _ arguments: [String] = [],
                 environment: [String: String] = [:]) throws -> ParsedOptions {
        let specs = command.options + OperatorCommand.sharedOptions(for: command)
        let shared = ["--bootstrap-servers", broker.bootstrapServers, "--topic-prefix", catalogue.prefix]
        return try CommandLineOptions(specs).parse(arguments + shared, environment: environment)
    }

    /// Returns the context a subcommand runs with, with no signal handlers installed.
    func context(_ command: any Subcommand.Type, language: Language = .english) throws -> OperatorContext {
        OperatorContext(configuration: try ServiceConfiguration(serviceName: "vigil", options: try options(command)),
                        language: language, shutdown: ShutdownSignal(signals: []))
    }

    /// Writes `text` to a file in the folder and returns its path.
    func write(_ name: String, _ text: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    var reader: TopicReader {
        TopicReader(properties: ["bootstrap.servers": broker.bootstrapServers], logger: logger)
    }

    /// Produces events as Vigil's services do (event time as the timestamp, id
    /// and schema headers), to `partition` or by their keys.
    func produce<Event: VigilEvent>(_ events: [Event], to topic: TopicSpec, partition: Int32? = nil) throws {
        let producer = try KafkaProducer(properties: ["bootstrap.servers": broker.bootstrapServers], logger: logger)
        for (index, event) in events.enumerated() {
            let record = OutgoingRecord(
                topic: topic.name, partition: partition, key: event.recordKey.map { Array($0.utf8) },
                value: try EventCoding.encode(event), timestampMilliseconds: event.eventTime.epochMilliseconds,
                headers: [KafkaHeader(name: EventHeaders.eventId, text: event.eventId),
                          KafkaHeader(name: EventHeaders.schema, text: "\(Event.schemaName)/\(event.schemaVersion)")])
            try producer.send(record, tag: Int64(index))
        }
        var delivered = 0
        let deadline = ContinuousClock.now + .seconds(20)
        while delivered < events.count, ContinuousClock.now < deadline {
            for report in try producer.poll(timeoutMilliseconds: 100) {
                if let error = report.error {
                    throw error
                }
                delivered += 1
            }
        }
        #expect(delivered == events.count, "every record delivered")
    }
}

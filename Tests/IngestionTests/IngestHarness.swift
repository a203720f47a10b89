import Foundation
import Testing
import VigilContracts
import VigilKafka
import VigilLog
import VigilRuntime
@testable import Ingestion

/// An embedded broker with the catalogue's topics under a unique prefix, a
/// temporary folder, and readers for what ingestion published.
final class IngestHarness {
    let logger = Logger(label: "vigil-ingest-tests", logLevel: .critical)
    let broker: EmbeddedBroker
    let catalogue: TopicCatalogue
    let folder: URL

    /// The repository's root, for the samples.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    init() throws {
        broker = try EmbeddedBroker(brokerCount: 1, logger: logger)
        catalogue = TopicCatalogue(prefix: "ingest-\(UUID().uuidString.prefix(8)).")
        for topic in catalogue.all {
            try broker.createTopic(name: topic.name, partitions: topic.partitions)
        }
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-ingest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    func path(_ name: String) -> String {
        folder.appendingPathComponent(name).path
    }

    static func sample(_ name: String) -> String {
        root.appendingPathComponent("samples/\(name)").path
    }

    func configuration(serviceName: String = "vigil-ingest", store: String = "ingest.sqlite") throws -> ServiceConfiguration {
        let arguments = ["--bootstrap-servers", broker.bootstrapServers, "--store", path(store),
                         "--topic-prefix", catalogue.prefix, "--log-level", "critical"]
        let options = CommandLineOptions(ServiceConfiguration.options(serviceName: serviceName))
        return try ServiceConfiguration(serviceName: serviceName, options: options.parse(arguments, environment: [:]))
    }

    /// Imports files through the service, as `vigil-ingest` does.
    @discardableResult
    func importFiles(_ paths: [String], format: InputFormat = .ndjson(), store: String = "ingest.sqlite") throws
        -> IngestionService.Summary {
        let service = IngestionService(configuration: try configuration(store: store), format: format,
                                       shutdown: ShutdownSignal(signals: []))
        return try service.run(sources: paths)
    }

    /// Writes lines to a file in the folder and returns its path.
    func write(_ name: String, lines: [[UInt8]]) throws -> String {
        let bytes: [UInt8] = lines.flatMap { $0 + [0x0A] }
        try Data(bytes).write(to: folder.appendingPathComponent(name))
        return path(name)
    }

    // MARK: - Reading back

    var reader: TopicReader {
        TopicReader(properties: ["bootstrap.servers": broker.bootstrapServers], logger: logger)
    }

    func records(_ topic: TopicSpec) throws -> [KafkaRecord] {
        try reader.records(of: topic)
    }

    /// Returns the events of a topic, watermarks left out.
    func events<Event: VigilEvent>(_ type: Event.Type, _ topic: TopicSpec) throws -> [Event] {
        try reader.events(type, of: topic).events
    }

    /// Returns the total of the topics' high watermarks, which grows with every record published.
    func recordCount() throws -> Int64 {
        let consumer = try KafkaConsumer(properties: ["bootstrap.servers": broker.bootstrapServers], logger: logger)
        var total: Int64 = 0
        for topic in catalogue.all {
            for partition in 0..<topic.partitions {
                total += try consumer.watermarks(TopicPartition(topic: topic.name, partition: partition)).high
            }
        }
        return total
    }
}

import VigilContracts
import VigilKafka
import VigilLog

/// How far each service of a pipeline run has come, read cheaply enough to
/// poll every 50 ms. A stream service is measured by the offsets its consumer
/// group committed on its input topics (scoring by its facts stage), and the
/// import by the records on chat.messages. The consumers never join a group:
/// they only read committed offsets, as `vigil lag` does.
final class ServiceProgress {
    private let catalogue: TopicCatalogue
    private let consumers: [String: KafkaConsumer]
    private let reader: KafkaConsumer

    init(harness: PipelineHarness) throws {
        catalogue = harness.catalogue
        let logger = Logger(label: "vigil-pipeline-progress", logLevel: .error)
        var consumers: [String: KafkaConsumer] = [:]
        for service in PipelineHarness.streamServices {
            consumers[service] = try KafkaConsumer(properties: ["bootstrap.servers": harness.bootstrap,
                                                                "group.id": service], logger: logger)
        }
        self.consumers = consumers
        reader = try KafkaConsumer(properties: ["bootstrap.servers": harness.bootstrap], logger: logger)
    }

    /// Returns the topics a victim consumes. For the import, chat.messages stands for what it publishes.
    func inputs(of victim: String) -> [TopicSpec] {
        switch victim {
        case "vigil-alerting": [catalogue.chatMessages]
        case "vigil-escalation": [catalogue.alerts, catalogue.complaints, catalogue.caseCommands, catalogue.chatMessages]
        case "vigil-scoring": [catalogue.chatMessages, catalogue.alerts, catalogue.caseEvents, catalogue.complaints,
                               catalogue.orders]
        default: [catalogue.chatMessages]
        }
    }

    /// Returns the topic whose growth shows that a victim still had work to do.
    func output(of victim: String) -> TopicSpec {
        switch victim {
        case "vigil-alerting": catalogue.alerts
        case "vigil-escalation": catalogue.caseEvents
        case "vigil-scoring": catalogue.scores
        default: catalogue.chatMessages
        }
    }

    /// Returns how many input records `victim` has consumed, by its group's
    /// committed offsets. For the import, returns how many records it has published.
    func consumed(by victim: String) throws -> Int64 {
        guard let consumer = consumers[victim] else {
            return try records(on: inputs(of: victim))
        }
        let partitions = inputs(of: victim).flatMap { topic in
            (0..<topic.partitions).map { TopicPartition(topic: topic.name, partition: $0) }
        }
        return try consumer.committed(partitions).values.reduce(0) { $0 + max($1, 0) }
    }

    /// Returns how many records the topics hold now.
    func records(on topics: [TopicSpec]) throws -> Int64 {
        var count: Int64 = 0
        for topic in topics {
            for partition in 0..<topic.partitions {
                count += try reader.watermarks(TopicPartition(topic: topic.name, partition: partition)).high
            }
        }
        return count
    }

    /// Closes the consumers. Call it before the broker stops, or their
    /// connections log errors as they close.
    func close() {
        for consumer in consumers.values {
            consumer.close()
        }
        reader.close()
    }

    /// Returns, for every victim, how many input records there are now: what
    /// each has consumed once the pipeline is idle.
    func inputTotals() throws -> [String: Int64] {
        var totals: [String: Int64] = [:]
        for victim in CrashSchedule.victims {
            totals[victim] = try records(on: inputs(of: victim))
        }
        return totals
    }
}

import VigilContracts
import VigilKafka
import VigilLog
import VigilRuntime

/// Follows the case topic from the end it had when created, looking for the
/// entry the escalation service writes for one command.
///
/// Not Sendable: one thread polls it.
final class CaseOutcomeWatch {
    private let consumer: KafkaConsumer
    private let logger: Logger

    /// Assigns every partition of the case topic at its current end.
    init(context: OperatorContext) throws {
        consumer = try KafkaConsumer(properties: context.configuration.clientProperties, logger: context.logger)
        logger = context.logger
        let topic = context.catalogue.caseEvents
        guard let partitionCount = try consumer.topics()[topic.name] else {
            throw KafkaError(message: "topic \(topic.name) does not exist: create the topics first "
                + "(`vigil topics create` on Apache Kafka; `vigil broker` creates them itself)")
        }
        var starts: [TopicPartition: StartOffset] = [:]
        for partition in 0..<partitionCount {
            let topicPartition = TopicPartition(topic: topic.name, partition: partition)
            starts[topicPartition] = .offset(try consumer.watermarks(topicPartition).high)
        }
        try consumer.assign(starts)
    }

    /// Polls until the outcome arrives, the time is up (nil) or shutdown is
    /// requested (nil). The outcome comes with personal numbers masked, like every case view.
    func wait(for command: CaseCommand, seconds: Int, shutdown: ShutdownSignal) throws -> CaseEvent? {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while ContinuousClock.now < deadline, !shutdown.isRequested {
            for record in try consumer.poll(maxRecords: 500, timeoutMilliseconds: 200) {
                guard !WatermarkRecords.isWatermark(record), !record.value.isEmpty else { continue }
                guard let event = try? RecordDecoding.decode(CaseEvent.self, from: record.value) else {
                    logger.warning("undecodable case event skipped", metadata: [
                        "vigil.partition": String(record.partition), "vigil.offset": String(record.offset),
                    ])
                    continue
                }
                if event.isOutcome(of: command) {
                    return event.masked(by: PersonalDataMasker())
                }
            }
        }
        return nil
    }

    /// Stops fetching.
    func close() {
        consumer.close()
    }
}

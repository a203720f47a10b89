import VigilContracts
import VigilKafka

// MARK: - Table topics

extension StreamService {
    /// Reads every table topic up to its current end before processing starts.
    func loadTables(partitionCounts: [String: Int32], store: ServiceStore) throws -> [TableReader] {
        var readers: [TableReader] = []
        for topic in processor.tableTopics {
            let reader = try TableReader(topic: topic, partitions: partitionCounts[topic.name] ?? topic.partitions,
                                         properties: configuration.clientProperties, logger: logger)
            let count = try reader.catchUp(shouldStop: { shutdown.isRequested }) { record in
                try applyTableRecord(record, store: store)
            }
            logger.info("table loaded", metadata: ["vigil.topic": topic.name, "vigil.records": String(count)])
            readers.append(reader)
        }
        return readers
    }

    /// Applies table records that arrived since the last call.
    func pollTables(_ tables: [TableReader], store: ServiceStore) throws {
        for table in tables {
            _ = try table.pollUpdates { record in
                try applyTableRecord(record, store: store)
            }
        }
    }

    /// Applies one table record. A record the processor rejects is skipped and
    /// sent to the dead letters once: every start reads the table again, so
    /// its dead-letter id is recorded as applied to avoid a copy per start.
    private func applyTableRecord(_ record: KafkaRecord, store: ServiceStore) throws {
        do {
            try processor.applyTableRecord(record)
        } catch let rejection as RecordRejection {
            logRejection(record, rejection)
            let letter = deadLetter(for: record, rejection: rejection)
            try store.database.transaction {
                if try store.appliedEvents.markApplied(letter.eventId) {
                    try store.outbox.append(letter, to: configuration.catalogue.deadLetters)
                }
            }
        }
    }
}

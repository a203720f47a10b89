import VigilContracts
import VigilKafka
import VigilLog
import VigilRuntime
import VigilStore

/// Stores one record of the feed's topics in the console's tables.
///
/// Every text a person reads passes through ``PersonalDataMasker`` first,
/// because older events on the topics may hold unmasked numbers. A record
/// that cannot be read throws a ``RecordRejection``, and the feed skips it.
final class ConsoleRecordApplier {
    let database: Database
    let catalogue: TopicCatalogue
    let logger: Logger
    let masker = PersonalDataMasker()
    var resolver: VendorResolver { VendorResolver(database: database) }

    init(database: Database, catalogue: TopicCatalogue, logger: Logger) {
        self.database = database
        self.catalogue = catalogue
        self.logger = logger
    }

    /// Applies `record` by its topic; a record of any other topic changes nothing.
    func apply(_ record: KafkaRecord, to batch: inout ConsoleBatch) throws {
        switch record.topic {
        case catalogue.alerts.name:
            try applyAlert(record, to: &batch)
        case catalogue.caseEvents.name:
            try applyCaseEvent(record, to: &batch)
        case catalogue.scores.name:
            try applyScore(record)
        case catalogue.roster.name:
            try applyRosterRecord(record)
        default:
            break
        }
    }

    /// Folds the summary of every case the batch changed. A case whose
    /// stored events cannot be folded keeps its old summary and logs an error.
    func finish(_ batch: ConsoleBatch) throws {
        for caseId in batch.changedCases.sorted() {
            do {
                try database.transaction {
                    try refoldCase(caseId)
                }
            } catch where !ProcessingFailure.stopsService(error) {
                logger.error("case summary not folded", metadata: [
                    "vigil.case": caseId,
                    "vigil.error": String(describing: error),
                ])
            }
        }
    }

    // MARK: - Alerts

    /// Stores an alert event once, with the next sequence number and its vendor
    /// by the roster as it is now. Watermarks on the alerts topic only move the clock.
    private func applyAlert(_ record: KafkaRecord, to batch: inout ConsoleBatch) throws {
        if WatermarkRecords.isWatermark(record) {
            try advanceClock(to: WatermarkRecords.decode(record).time)
            return
        }

        let alert = try RecordDecoding.decode(Alert.self, from: record.value).masked(by: masker)
        try RecordDecoding.requireAcceptedTime(alert.raisedAt, of: "alert \(alert.eventId)")

        // NOTE: the vendor is resolved once. An alert stored before the roster
        // knew its agent or site keeps no vendor, and only the brand sees it.

        try database.run("INSERT OR IGNORE INTO console_alerts (event_id, vendor, alert) VALUES (?, ?, ?)",
                         [alert.eventId, try resolver.vendor(of: alert), try EventCoding.encode(alert)])
        if database.changes == 1 {
            batch.storedAlerts += 1
        }
        try advanceClock(to: alert.raisedAt)
    }

    // MARK: - Event clock

    /// Moves the event clock to `time` when it is later, keeping its UTC offset for display.
    func advanceClock(to time: Timestamp) throws {
        try database.run("""
            INSERT INTO console_clock (id, latest_ms, utc_offset_seconds) VALUES (1, ?, ?)
            ON CONFLICT (id) DO UPDATE SET latest_ms = excluded.latest_ms,
                utc_offset_seconds = excluded.utc_offset_seconds
            WHERE excluded.latest_ms > console_clock.latest_ms
            """, [time.epochMilliseconds, time.utcOffsetSeconds])
    }
}

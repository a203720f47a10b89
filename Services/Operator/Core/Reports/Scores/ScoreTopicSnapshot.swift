import VigilContracts
import VigilKafka
import VigilRuntime

/// The scores the compacted scores topic contains now: the latest record per
/// key, as compaction leaves it, without the ones a tombstone removed.
struct ScoreTopicSnapshot: Sendable {
    var scores: [Score]
    /// Records that are not a version 2 score, such as records of an older version.
    var undecodable: Int

    /// Reads the whole scores topic.
    static func read(context: OperatorContext) throws -> ScoreTopicSnapshot {
        ScoreTopicSnapshot(records: try context.scanner.records(of: context.catalogue.scores))
    }

    /// Keeps the last record per key of records in offset order per
    /// partition. A key always maps to one partition, so that record is the
    /// latest. The scores come out ordered by record key.
    init(records: [KafkaRecord]) {
        var latest: [String: Score] = [:]
        var undecodable = 0
        for record in records where !WatermarkRecords.isWatermark(record) {
            if record.value.isEmpty {
                if let key = record.keyString {
                    latest[key] = nil
                }
                continue
            }
            guard let score = try? RecordDecoding.decode(Score.self, from: record.value) else {
                undecodable += 1
                continue
            }
            let key = record.keyString ?? Score.recordKey(subject: score.subject, period: score.period)
            latest[key] = score
        }
        scores = latest.sorted { $0.key < $1.key }.map(\.value)
        self.undecodable = undecodable
    }

    init(scores: [Score], undecodable: Int = 0) {
        self.scores = scores
        self.undecodable = undecodable
    }
}

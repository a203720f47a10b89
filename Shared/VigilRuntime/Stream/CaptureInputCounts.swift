import VigilContracts
import VigilKafka

/// The per-topic counts a capture run keeps while it reads its input.
///
/// A record is late when its Kafka timestamp, which Vigil's producers set to
/// the event time, is below the highest watermark time read earlier on the
/// same partition. A watermark that does not decode counts as a watermark
/// but moves no partition's time.
struct CaptureInputCounts {
    /// Input records other than watermarks, per topic name.
    var records: [String: Int] = [:]
    /// Watermark records, per topic name.
    var watermarks: [String: Int] = [:]
    /// Late records, per topic name.
    var late: [String: Int] = [:]
    /// The highest watermark time read so far per partition, in epoch milliseconds.
    private var watermarkTimes: [TopicPartition: Int64] = [:]

    /// Counts one input record. Records of one partition must come in offset order.
    mutating func add(_ record: KafkaRecord) {
        let partition = record.topicPartition
        if WatermarkRecords.isWatermark(record) {
            watermarks[record.topic, default: 0] += 1
            if let watermark = try? WatermarkRecords.decode(record) {
                let time = watermark.time.epochMilliseconds
                watermarkTimes[partition] = max(watermarkTimes[partition] ?? time, time)
            }
            return
        }

        records[record.topic, default: 0] += 1
        if let timestamp = record.timestampMilliseconds, let mark = watermarkTimes[partition], timestamp < mark {
            late[record.topic, default: 0] += 1
        }
    }
}

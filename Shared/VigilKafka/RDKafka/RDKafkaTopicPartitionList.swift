import CRdKafka

/// Owns an `rd_kafka_topic_partition_list_t` and frees it in deinit.
final class RDKafkaTopicPartitionList {
    let pointer: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>

    init(_ entries: [(TopicPartition, Int64)]) {
        pointer = rd_kafka_topic_partition_list_new(Int32(entries.count))
        for (topicPartition, offset) in entries {
            let element = rd_kafka_topic_partition_list_add(pointer, topicPartition.topic, topicPartition.partition)
            element?.pointee.offset = offset
        }
    }

    convenience init(_ partitions: [TopicPartition]) {
        self.init(partitions.map { ($0, StartOffset.committed.rawValue) })
    }

    deinit {
        rd_kafka_topic_partition_list_destroy(pointer)
    }

    /// The entries with their offsets.
    var entries: [(TopicPartition, Int64)] { Self.read(pointer) }

    /// The first per-partition error, if any partition carries one.
    var firstError: KafkaError? {
        for index in 0..<Int(pointer.pointee.cnt) {
            let element = pointer.pointee.elems[index]
            if element.err != RD_KAFKA_RESP_ERR_NO_ERROR {
                let name = "\(String(cString: element.topic))/\(element.partition)"
                return KafkaError(element.err, context: name)
            }
        }
        return nil
    }

    static func read(_ list: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>) -> [(TopicPartition, Int64)] {
        (0..<Int(list.pointee.cnt)).map { index in
            let element = list.pointee.elems[index]
            return (TopicPartition(topic: String(cString: element.topic), partition: element.partition), element.offset)
        }
    }

    static func setOffsets(_ list: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>,
                           _ offset: (TopicPartition) -> Int64) {
        for index in 0..<Int(list.pointee.cnt) {
            let element = list.pointee.elems[index]
            let topicPartition = TopicPartition(topic: String(cString: element.topic), partition: element.partition)
            list.pointee.elems[index].offset = offset(topicPartition)
        }
    }
}

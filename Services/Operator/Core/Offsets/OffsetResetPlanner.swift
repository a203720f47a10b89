import VigilContracts
import VigilKafka
import VigilLog
import VigilRuntime

/// Works out the offsets of an offset reset without changing anything on the cluster.
struct OffsetResetPlanner {
    var request: OffsetsResetRequest
    var catalogue: TopicCatalogue
    /// The Kafka client properties, without a group id.
    var properties: [String: String]
    var logger: Logger
    var shutdown: ShutdownSignal

    /// Returns one row per partition of the topics to reset.
    func plan() throws -> OffsetResetPlan {
        // This consumer only reads and (when executing) commits the group's
        // offsets; it never subscribes, so it never joins the group.
        var groupProperties = properties
        groupProperties["group.id"] = request.group
        let groupConsumer = try KafkaConsumer(properties: groupProperties, logger: logger)
        defer { groupConsumer.close() }

        let partitionCounts = try groupConsumer.topics()
        let (partitions, committed) = try partitionsToReset(partitionCounts: partitionCounts, groupConsumer: groupConsumer)

        let reader = try KafkaConsumer(properties: properties, logger: logger)
        defer { reader.close() }
        let targets = try targetOffsets(partitions, reader: reader)

        let rows = partitions.map { partition in
            let (target, source) = targets[partition] ?? (0, .empty)
            return OffsetResetRow(partition: partition, committed: committed[partition], target: target, source: source)
        }
        return OffsetResetPlan(group: request.group, time: request.time, rows: rows)
    }

    // MARK: - Partitions

    /// Returns the partitions to reset, sorted, with the group's committed offsets.
    private func partitionsToReset(partitionCounts: [String: Int32], groupConsumer: KafkaConsumer)
        throws -> ([TopicPartition], [TopicPartition: Int64]) {
        if !request.topics.isEmpty {
            let topics = try request.topics.map { try resolve($0, partitionCounts: partitionCounts) }
            let partitions = Self.partitions(of: Set(topics), partitionCounts: partitionCounts)
            return (partitions, try groupConsumer.committed(partitions))
        }

        // Kafka has no request for "the topics of a group" that librdkafka's
        // mock cluster answers, so ask for the group's offsets on every
        // partition of every topic and keep the topics that have one.
        let everyTopic = Set(partitionCounts.keys.filter { !$0.hasPrefix("__") })
        let committed = try groupConsumer.committed(Self.partitions(of: everyTopic, partitionCounts: partitionCounts))
        let topics = Set(committed.keys.map(\.topic))
        guard !topics.isEmpty else {
            throw UsageError("""
                consumer group \(request.group) has no committed offsets: check the group name, \
                or name the topics to reset with --topic
                """)
        }
        let partitions = Self.partitions(of: topics, partitionCounts: partitionCounts)
        return (partitions, committed.filter { topics.contains($0.key.topic) })
    }

    /// Finds a topic on the cluster by its full name, or by its catalogue base name ("alerts").
    private func resolve(_ name: String, partitionCounts: [String: Int32]) throws -> String {
        if partitionCounts[name] != nil {
            return name
        }
        if let spec = catalogue.all.first(where: { $0.baseName == name }), partitionCounts[spec.name] != nil {
            return spec.name
        }
        throw UsageError("topic \"\(name)\" does not exist on the cluster: give a full topic name or a catalogue "
            + "base name such as alerts (topic prefix \"\(catalogue.prefix)\")")
    }

    private static func partitions(of topics: Set<String>, partitionCounts: [String: Int32]) -> [TopicPartition] {
        topics.sorted().flatMap { topic in
            (0..<(partitionCounts[topic] ?? 0)).map { TopicPartition(topic: topic, partition: $0) }
        }
    }

    // MARK: - Offsets for the time

    /// Returns, per partition, the first offset whose record timestamp is at
    /// or after the time (or the end offset), and how it was found.
    private func targetOffsets(_ partitions: [TopicPartition], reader: KafkaConsumer)
        throws -> [TopicPartition: (Int64, OffsetResetRow.Source)] {
        let time = request.time.epochMilliseconds
        var bounds: [TopicPartition: (low: Int64, high: Int64)] = [:]
        for partition in partitions {
            bounds[partition] = try reader.watermarks(partition)
        }
        let byTime = try reader.offsets(forTimes: Dictionary(uniqueKeysWithValues: partitions.map { ($0, time) }))

        let withRecords = partitions.filter { partition in
            bounds[partition].map { $0.low < $0.high } ?? false
        }
        let offsets = withRecords.map { byTime[$0] ?? nil }
        let probeOffset = try probeTimestampLookup(offsets: offsets, partitions: withRecords, reader: reader)
        let looksUpTimestamps = OffsetForTimeRule.brokerLooksUpTimestamps(offsets: offsets, probeOffset: probeOffset)

        // NOTE: the embedded broker never names an offset for a time, so the
        // .noRecordThatRecent path (Apache Kafka, a time after the last
        // record) runs only in OffsetForTimeRuleTests, never against a broker.
        let search = TimestampOffsetSearch(consumer: reader, shutdown: shutdown, logger: logger)
        var targets: [TopicPartition: (Int64, OffsetResetRow.Source)] = [:]
        for partition in partitions {
            let (low, high) = bounds[partition] ?? (0, 0)
            let decision = OffsetForTimeRule.decide(low: low, high: high, offset: byTime[partition] ?? nil,
                                                    brokerLooksUpTimestamps: looksUpTimestamps)
            switch decision {
            case .offset(let offset, let source):
                targets[partition] = (offset, source)
            case .scan:
                let offset = try search.firstOffset(in: partition, atOrAfter: time, start: low, end: high)
                targets[partition] = (offset, .scan)
            }
        }
        return targets
    }

    /// Requests the offset for ``OffsetForTimeRule/probeTime`` on the first
    /// partition with records when ``OffsetForTimeRule/needsProbe(offsets:)``,
    /// and returns the broker's offset (nil for -1 or when no probe was sent).
    private func probeTimestampLookup(offsets: [Int64?], partitions: [TopicPartition],
                                      reader: KafkaConsumer) throws -> Int64? {
        guard OffsetForTimeRule.needsProbe(offsets: offsets), let partition = partitions.first else {
            return nil
        }
        let offset = try reader.offsets(forTimes: [partition: OffsetForTimeRule.probeTime])[partition] ?? nil
        logger.info("probed broker lookup of offsets by timestamp", metadata: [
            "vigil.partition": partition.description,
            "vigil.probe.offset": offset.map(String.init) ?? "none",
        ])
        return offset
    }
}

import VigilContracts
import VigilKafka
import VigilRuntime

/// Compares the output topics of two pipeline runs over the same input under
/// the determinism contract, and lists every difference in readable lines.
///
/// - Event topics (alerts, case.events, dead-letters): the same
///   records (key, value, headers, timestamp) in the same order per record
///   key, after dropping repeats of an event id with identical bytes. Dead
///   letters are ordered per producing service and key, because each service
///   rejects on its own schedule. An id repeated with other bytes is a
///   difference on its own.
/// - Watermarks forwarded to the alerts topic: the same latest record per
///   partition and source.
/// - scores: the same latest record per key; an empty value deletes the key.
/// - scoring.facts: the same latest record per subject key and fact id. That
///   pair is the upsert unit, because the record key is the subject alone. A
///   retraction deletes the pair, as the totals stage reads it.
/// - Ingestion's topics (chat.messages, complaints, orders, roster) and
///   case.commands: the same log, record by record per partition,
///   watermarks included, because escalation releases a command by its
///   place among the watermarks. Roster
///   timestamps are left out: a roster entry has no event time (its
///   `eventTime` is 0), and librdkafka reads a zero timestamp as "now", so
///   each roster record carries the time it was published.
enum RunComparison {
    /// The parts of a record the contract compares.
    struct Image: Equatable {
        var key: [UInt8]?
        var value: [UInt8]
        var headers: [KafkaHeader]
        var timestampMilliseconds: Int64?
        var eventId: String

        init(_ record: KafkaRecord) {
            key = record.key
            value = record.value
            headers = record.headers
            timestampMilliseconds = record.timestampMilliseconds
            eventId = record.header(EventHeaders.eventId) ?? "no-id@\(record.partition)/\(record.offset)"
        }
    }

    /// Returns the differences of `actual` from `expected`, topic by topic; empty when the runs match.
    static func differences(expected: PipelineRecords, actual: PipelineRecords) -> [String] {
        var lines: [String] = []
        for topic in ["alerts", "case.events", "dead-letters"] {
            lines += compareSequences(topic, expected: eventsPerKey(expected.records(topic), topic: topic),
                                      actual: eventsPerKey(actual.records(topic), topic: topic))
            if topic == "alerts" {
                lines += compareLatest("alerts (watermarks)", expected: latestWatermarks(expected.records(topic)),
                                       actual: latestWatermarks(actual.records(topic)))
            }
        }
        lines += compareLatest("scores", expected: latestScores(expected.records("scores")),
                               actual: latestScores(actual.records("scores")))
        lines += compareLatest("scoring.facts", expected: latestFacts(expected.records("scoring.facts")),
                               actual: latestFacts(actual.records("scoring.facts")))
        for topic in ["chat.messages", "complaints", "orders", "case.commands"] {
            lines += compareSequences(topic, expected: logPerPartition(expected.records(topic)),
                                      actual: logPerPartition(actual.records(topic)))
        }
        lines += compareSequences("roster", expected: logPerPartition(expected.records("roster"), keepsTime: false),
                                  actual: logPerPartition(actual.records("roster"), keepsTime: false))
        return lines
    }

    /// Returns how many records each topic of a run has, for the failure message.
    static func summary(_ records: PipelineRecords) -> String {
        records.topics.keys.sorted().map { "\($0) \(records.records($0).count)" }.joined(separator: ", ")
    }

    // MARK: - Views of a topic

    /// Returns the event records of each group in log order, without
    /// watermarks and without identical repeats. An id repeated with other
    /// bytes goes to the group `conflicts`.
    static func eventsPerKey(_ records: [KafkaRecord], topic: String) -> [String: [Image]] {
        var groups: [String: [Image]] = [:]
        var firstById: [String: Image] = [:]
        for record in records where !WatermarkRecords.isWatermark(record) {
            let image = Image(record)
            if let first = firstById[image.eventId] {
                if first != image {
                    groups["conflicts", default: []].append(image)
                }
                continue
            }
            firstById[image.eventId] = image
            groups[group(of: record, topic: topic), default: []].append(image)
        }
        return groups
    }

    /// Returns the group a record is ordered in: its record key, and for a dead letter also the service that wrote it.
    private static func group(of record: KafkaRecord, topic: String) -> String {
        let key = "key " + (record.keyString ?? "(none)")
        guard topic == "dead-letters" else { return key }
        let service = (try? EventCoding.decode(DeadLetter.self, from: record.value))?.service ?? "(undecodable)"
        return "\(service) \(key)"
    }

    /// Returns every record of each partition in offset order, without timestamps unless `keepsTime`.
    static func logPerPartition(_ records: [KafkaRecord], keepsTime: Bool = true) -> [String: [Image]] {
        var partitions: [String: [Image]] = [:]
        for record in records {
            var image = Image(record)
            if !keepsTime {
                image.timestampMilliseconds = nil
            }
            partitions["partition \(record.partition)", default: []].append(image)
        }
        return partitions
    }

    /// Returns the last watermark record of each partition and source.
    static func latestWatermarks(_ records: [KafkaRecord]) -> [String: Image] {
        var latest: [String: Image] = [:]
        for record in records where WatermarkRecords.isWatermark(record) {
            let source = (try? EventCoding.decode(Watermark.self, from: record.value))?.source ?? "(undecodable)"
            latest["partition \(record.partition) source \(source)"] = Image(record)
        }
        return latest
    }

    /// Returns the last score of each key, without keys whose last record is a tombstone.
    static func latestScores(_ records: [KafkaRecord]) -> [String: Image] {
        var latest: [String: Image] = [:]
        for record in records {
            let key = "key " + (record.keyString ?? "(none)")
            latest[key] = record.value.isEmpty ? nil : Image(record)
        }
        return latest
    }

    /// Returns the last fact of each subject and fact id, without retracted ones.
    /// The event id is `fact/<subject key>/<fact id>/<revision>`, so the
    /// pair is the id without its last component.
    static func latestFacts(_ records: [KafkaRecord]) -> [String: Image] {
        var latest: [String: (record: KafkaRecord, image: Image)] = [:]
        for record in records {
            let image = Image(record)
            let pair = image.eventId.split(separator: "/").dropLast().joined(separator: "/")
            latest[pair] = (record, image)
        }
        return latest.filter { _, entry in
            (try? EventCoding.decode(ScoringFact.self, from: entry.record.value))?.retracted != true
        }.mapValues(\.image)
    }

    // MARK: - Comparing

    /// Compares two sets of record sequences group by group.
    static func compareSequences(_ topic: String, expected: [String: [Image]], actual: [String: [Image]]) -> [String] {
        var lines: [String] = []
        for group in Set(expected.keys).union(actual.keys).sorted() {
            let left = expected[group] ?? []
            let right = actual[group] ?? []
            guard left != right else { continue }

            guard let index = firstDifference(left, right) else {
                let longer = left.count > right.count ? "first" : "second"
                let extra = (left.count > right.count ? left : right)[min(left.count, right.count)]
                lines.append("\(topic) \(group): the first run has \(left.count) records, the second \(right.count); "
                    + "the \(longer) run goes on with \(extra.eventId)")
                continue
            }
            lines.append("\(topic) \(group), record \(index + 1) of \(left.count) / \(right.count): "
                + describe(left[index], right[index]))
        }
        return lines
    }

    /// Compares the latest records per identity.
    static func compareLatest(_ topic: String, expected: [String: Image], actual: [String: Image]) -> [String] {
        var lines: [String] = []
        for identity in Set(expected.keys).union(actual.keys).sorted() {
            switch (expected[identity], actual[identity]) {
            case let (left?, right?) where left != right:
                lines.append("\(topic) \(identity): " + describe(left, right))
            case let (left?, nil):
                lines.append("\(topic) \(identity): only in the first run (\(left.eventId))")
            case let (nil, right?):
                lines.append("\(topic) \(identity): only in the second run (\(right.eventId))")
            default:
                break
            }
        }
        return lines
    }

    /// Names what differs between two records: the event ids, or else the
    /// first differing field, with the values around the first differing byte.
    static func describe(_ left: Image, _ right: Image) -> String {
        if left.eventId != right.eventId {
            return "event id \(left.eventId) in the first run, \(right.eventId) in the second"
        }
        if left.key != right.key {
            return "\(left.eventId): key \(text(left.key ?? [])) / \(text(right.key ?? []))"
        }
        if left.timestampMilliseconds != right.timestampMilliseconds {
            return "\(left.eventId): timestamp \(left.timestampMilliseconds ?? -1) / \(right.timestampMilliseconds ?? -1)"
        }
        if left.headers != right.headers {
            return "\(left.eventId): headers \(left.headers.map(\.name)) / \(right.headers.map(\.name))"
        }
        let first = firstDifference(left.value, right.value) ?? min(left.value.count, right.value.count)
        return "\(left.eventId): value differs at byte \(first): …\(excerpt(left.value, at: first))… / "
            + "…\(excerpt(right.value, at: first))…"
    }

    /// Returns the first index where the arrays differ within their common length.
    private static func firstDifference<Element: Equatable>(_ left: [Element], _ right: [Element]) -> Int? {
        zip(left.indices, zip(left, right)).first { $0.1.0 != $0.1.1 }?.0
    }

    private static func excerpt(_ bytes: [UInt8], at offset: Int, radius: Int = 60) -> String {
        let start = max(0, offset - radius)
        let end = min(bytes.count, offset + radius)
        return start < end ? text(Array(bytes[start..<end])) : ""
    }

    private static func text(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self)
    }
}

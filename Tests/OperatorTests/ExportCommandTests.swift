import Foundation
import Testing
import VigilContracts
import VigilKafka
import VigilRuntime
@testable import Operator

/// One record produced for an export test, with the offset the broker gave it.
private struct ProducedRecord {
    var name: String
    var partition: Int32
    var key: String?
    var value: [UInt8]
    var timestamp: Int64
    var isWatermark = false
    var offset: Int64 = -1
}

/// Produces `records` to `topic` and returns them with their offsets.
private func produce(_ records: [ProducedRecord], to topic: String, harness: OperatorHarness) throws -> [ProducedRecord] {
    let producer = try KafkaProducer(properties: ["bootstrap.servers": harness.broker.bootstrapServers],
                                     logger: harness.logger)
    for (index, record) in records.enumerated() {
        let headers = record.isWatermark ? [KafkaHeader(name: EventHeaders.schema, text: "\(Watermark.schemaName)/1")] : []
        try producer.send(OutgoingRecord(topic: topic, partition: record.partition, key: record.key.map { Array($0.utf8) },
                                         value: record.value, timestampMilliseconds: record.timestamp,
                                         headers: headers),
                          tag: Int64(index))
    }

    var produced = records
    var delivered = 0
    let deadline = ContinuousClock.now + .seconds(20)
    while delivered < records.count, ContinuousClock.now < deadline {
        for report in try producer.poll(timeoutMilliseconds: 100) {
            if let error = report.error {
                throw error
            }
            produced[Int(report.tag)].offset = report.offset
            delivered += 1
        }
    }
    #expect(delivered == records.count, "every record delivered")
    return produced
}

/// Runs `vigil export` into a file and returns the parsed lines.
private func export(_ arguments: [String], harness: OperatorHarness) throws -> [[String: Any]] {
    let path = harness.folder.appendingPathComponent("export-\(UUID().uuidString).ndjson").path
    let options = try harness.options(ExportCommand.self, arguments + ["--output", path])
    #expect(try ExportCommand.run(options, context: try harness.context(ExportCommand.self)) == 0)

    let text = try String(contentsOfFile: path, encoding: .utf8)
    return try text.split(separator: "\n").map { line in
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
        return try #require(object as? [String: Any], "line is a JSON object: \(line)")
    }
}

private let from = TimestampFormat.parse("2026-11-11T09:00:00+08:00")!.epochMilliseconds
private let to = TimestampFormat.parse("2026-11-11T10:00:00+08:00")!.epochMilliseconds
private let range = ["--from", "2026-11-11T09:00+08:00", "--to", "2026-11-11T10:00+08:00"]

private func json(_ text: String) -> [UInt8] { Array(text.utf8) }

/// Records on three partitions around the range [09:00, 10:00) at +08:00.
private let records = [
    ProducedRecord(name: "before", partition: 0, key: "k1", value: json(#"{"n":"before"}"#), timestamp: from - 1),
    ProducedRecord(name: "at-from", partition: 0, key: "k1", value: json(#"{"n":"at-from","x":[1,2]}"#), timestamp: from),
    ProducedRecord(name: "binary", partition: 0, key: "k2", value: [0xFF, 0x00, 0x41, 0x0A], timestamp: from + 1000),
    ProducedRecord(name: "at-to", partition: 0, key: "k1", value: json(#"{"n":"at-to"}"#), timestamp: to),
    ProducedRecord(name: "pretty", partition: 1, key: "k2", value: json("{\n  \"n\": \"pretty\",\n  \"s\": \"a b\"\n}"),
                   timestamp: from + 60_000),
    ProducedRecord(name: "watermark", partition: 1, key: nil, value: json(#"{"n":"watermark"}"#),
                   timestamp: from + 120_000, isWatermark: true),
    ProducedRecord(name: "no-key", partition: 1, key: nil, value: json(#"{"n":"no-key"}"#), timestamp: to - 1),
    ProducedRecord(name: "other-partition", partition: 3, key: "k1", value: json(#"{"n":"other-partition"}"#),
                   timestamp: from + 5000),
]

/// Checks that `line` contains exactly what `record` was produced with.
private func check(_ line: [String: Any], against record: ProducedRecord, topic: String) {
    #expect(line["topic"] as? String == topic, "\(record.name): topic")
    #expect((line["partition"] as? NSNumber)?.int32Value == record.partition, "\(record.name): partition")
    #expect((line["offset"] as? NSNumber)?.int64Value == record.offset, "\(record.name): offset")
    #expect((line["timestamp"] as? NSNumber)?.int64Value == record.timestamp, "\(record.name): timestamp")
    let time = Timestamp(epochMilliseconds: record.timestamp, utcOffsetSeconds: 8 * 3600).iso8601
    #expect(line["time"] as? String == time, "\(record.name): time")
    #expect((line["time"] as? String)?.hasSuffix("+08:00") == true, "\(record.name): time at +08:00")
    if let key = record.key {
        #expect(line["key"] as? String == key, "\(record.name): key")
    } else {
        #expect(line["key"] is NSNull, "\(record.name): null key")
    }

    if let expected = try? JSONSerialization.jsonObject(with: Data(record.value)) as? NSDictionary {
        #expect((line["value"] as? NSDictionary) == expected, "\(record.name): JSON value")
        #expect(line["valueEncoding"] == nil, "\(record.name): no encoding for JSON")
    } else {
        #expect(line["valueEncoding"] as? String == "base64", "\(record.name): base64 encoding")
        let decoded = (line["value"] as? String).flatMap { Data(base64Encoded: $0) }
        #expect(decoded.map { Array($0) } == record.value, "\(record.name): base64 value")
    }
}

@Suite("vigil export", .serialized)
struct ExportCommandTests {
    @Test("command is registered")
    func registered() {
        #expect(OperatorCommand.subcommands.map { $0.name }.contains("export"))
    }

    @Test("exports the range in order")
    func exportsRange() throws {
        let harness = try OperatorHarness()
        let topic = harness.catalogue.alerts.name
        let produced = try produce(records, to: topic, harness: harness)
        let byName = Dictionary(uniqueKeysWithValues: produced.map { ($0.name, $0) })

        let lines = try export(["alerts"] + range, harness: harness)
        let expected = ["at-from", "binary", "pretty", "no-key", "other-partition"].compactMap { byName[$0] }
        try #require(lines.count == expected.count, "one line per record in range: \(lines)")
        for (line, record) in zip(lines, expected) {
            check(line, against: record, topic: topic)
        }
    }

    @Test("--key and --include-watermarks")
    func keyAndWatermarks() throws {
        let harness = try OperatorHarness()
        let topic = harness.catalogue.alerts.name
        let produced = try produce(records, to: topic, harness: harness)
        let byName = Dictionary(uniqueKeysWithValues: produced.map { ($0.name, $0) })

        let keyed = try export([topic, "--key", "k1"] + range, harness: harness)
        let expectedKeyed = ["at-from", "other-partition"].compactMap { byName[$0] }
        try #require(keyed.count == expectedKeyed.count, "only key k1 in range: \(keyed)")
        for (line, record) in zip(keyed, expectedKeyed) {
            check(line, against: record, topic: topic)
        }

        let all = try export(["alerts", "--include-watermarks"] + range, harness: harness)
        let expectedAll = ["at-from", "binary", "pretty", "watermark", "no-key", "other-partition"].compactMap { byName[$0] }
        try #require(all.count == expectedAll.count, "watermark included: \(all)")
        for (line, record) in zip(all, expectedAll) {
            check(line, against: record, topic: topic)
        }
    }

    @Test("value JSON compacted to one line")
    func compactsJSON() {
        #expect(ExportLine.compactJSON(json("{\n \"a\" : \"x y\\\" z\",\n \"b\": [1, 2]\n}"))
            == #"{"a":"x y\" z","b":[1,2]}"#)
        #expect(ExportLine.compactJSON(json("not json")) == nil)
        #expect(ExportLine.compactJSON([]) == nil)
    }

    @Test("bad options rejected")
    func rejectsBadOptions() throws {
        let harness = try OperatorHarness()
        let context = try harness.context(ExportCommand.self)
        let cases: [(String, [String])] = [
            ("time without offset", ["alerts", "--from", "2026-11-11T09:00", "--to", "2026-11-11T10:00+08:00"]),
            ("--to without offset", ["alerts", "--from", "2026-11-11T09:00+08:00", "--to", "2026-11-11T10:00"]),
            ("missing --to", ["alerts", "--from", "2026-11-11T09:00+08:00"]),
            ("empty range", ["alerts", "--from", "2026-11-11T10:00+08:00", "--to", "2026-11-11T09:00+08:00"]),
            ("missing topic", range),
        ]
        for (name, arguments) in cases {
            let options = try harness.options(ExportCommand.self, arguments)
            #expect(throws: UsageError.self, "\(name)") { _ = try ExportCommand.run(options, context: context) }
        }

        let unknown = try harness.options(ExportCommand.self, ["nosuch"] + range)
        let error = #expect(throws: UsageError.self) { _ = try ExportCommand.run(unknown, context: context) }
        #expect(error?.message.contains(harness.catalogue.alerts.name) == true, "error names the catalogue topics")
    }
}

import Foundation
import Testing
import VigilContracts
import VigilKafka
import VigilRuntime
@testable import Ingestion

@Suite("File import", .serialized)
struct FileImportTests {
    /// Returns one bad line per reason a file can give.
    static func badLines() throws -> [(DeadLetterReason, [UInt8])] {
        [
            (.invalidJSON, Array("{\"messageId\": \"broken".utf8)),
            (.invalidUTF8, Array("{\"text\":\"".utf8) + [0xFF, 0xFE] + Array("\"}".utf8)),
            (.invalidField, Array(try InterchangeLines.line(InterchangeLines.message(["messageId": "b-1", "role": "robot"])))),
            (.invalidTime, Array(try InterchangeLines.line(InterchangeLines.message(["messageId": "b-2", "sentAt": "2026-11-11 08:00"])))),
            (.unknownRecord, Array(#"{"greeting":"你好"}"#.utf8)),
            (.unsupportedSchema, Array(try InterchangeLines.line(InterchangeLines.message(["messageId": "b-3", "schemaVersion": 7])))),
            (.unknownAgent, Array(try InterchangeLines.line(InterchangeLines.message(["messageId": "b-4", "site": "sh", "agent": "A-ghost"])))),
            (.unknownSite, Array(try InterchangeLines.line(InterchangeLines.message(["messageId": "b-5", "site": "mars"])))),
            (.conflictingDuplicate, Array(try InterchangeLines.line(InterchangeLines.message(["messageId": "good-0", "site": "sh", "agent": "A-sh-a01", "text": "另一段话"])))),
            (.tooLarge, Array("{\"text\":\"".utf8) + [UInt8](repeating: 0x61, count: LineReader.defaultMaxLineBytes + 10)),
        ]
    }

    @Test("bad lines dead-lettered, good lines published")
    func rejectsEachReason() throws {
        let harness = try IngestHarness()
        try harness.importFiles([IngestHarness.sample("roster.ndjson")])

        let bad = try Self.badLines()
        var lines: [[UInt8]] = []
        for (index, (_, line)) in bad.enumerated() {
            let good = InterchangeLines.message(["messageId": "good-\(index)", "site": "sh", "agent": "A-sh-a01",
                                                 "sentAt": "2026-11-11T09:0\(index):00+08:00"])
            lines.append(Array(try InterchangeLines.line(good)))
            lines.append(line)
        }
        let file = try harness.write("mixed.ndjson", lines: lines)
        let summary = try harness.importFiles([file])

        #expect(summary.counts.accepted[.message] == bad.count)
        #expect(summary.counts.rejectedTotal == bad.count)
        let letters = try harness.events(DeadLetter.self, harness.catalogue.deadLetters)
        #expect(letters.count == bad.count)
        for (index, (reason, line)) in bad.enumerated() {
            let letter = letters.first { $0.source == DeadLetterSource(file: file, line: 2 * index + 2) }
            #expect(letter?.reasonCode == reason, "line \(2 * index + 2)")
            #expect(letter?.payloadBytes == min(line.count, reason == .tooLarge ? LineReader.defaultMaxLineBytes : line.count)
                    || reason == .tooLarge)
            #expect(letter?.service == "vigil-ingest")
        }
        let messages = try harness.events(ChatMessage.self, harness.catalogue.chatMessages)
        #expect(Set(messages.map(\.messageId)) == Set((0..<bad.count).map { "good-\($0)" }))
    }

    @Test("a second import of the same files publishes nothing")
    func reimportAddsNothing() throws {
        let harness = try IngestHarness()
        let files = ["roster.ndjson", "chats-sample.ndjson", "complaints-sample.ndjson", "orders-sample.ndjson"]
            .map(IngestHarness.sample)
        let first = try harness.importFiles(files)
        #expect(first.counts.accepted[.message] == 55)
        let published = try harness.recordCount()

        let second = try harness.importFiles(files)
        #expect(second.counts.acceptedTotal == 0)
        #expect(second.counts.duplicates == first.counts.acceptedTotal)
        #expect(try harness.recordCount() == published)
    }

    @Test("records of one thread keep their input order on the topic")
    func keepsThreadOrder() throws {
        let harness = try IngestHarness()
        try harness.importFiles([IngestHarness.sample("roster.ndjson")])
        // Later lines carry earlier times: order follows the input, not the time.
        let lines = try (0..<30).map { index in
            Array(try InterchangeLines.line(InterchangeLines.message([
                "messageId": "order-\(index)", "site": "sh", "agent": "A-sh-a01",
                "sentAt": "2026-11-11T09:\(String(format: "%02d", 59 - index)):00+08:00",
            ])))
        }
        try harness.importFiles([try harness.write("ordered.ndjson", lines: lines)])
        let messages = try harness.events(ChatMessage.self, harness.catalogue.chatMessages)
        #expect(messages.map(\.messageId) == (0..<30).map { "order-\($0)" })
    }

    @Test("clocks reach every partition of the thread topics")
    func writesClocks() throws {
        let harness = try IngestHarness()
        try harness.importFiles([IngestHarness.sample("roster.ndjson"), IngestHarness.sample("chats-sample.ndjson")])
        for topic in [harness.catalogue.chatMessages, harness.catalogue.complaints, harness.catalogue.orders] {
            let clocks = try harness.records(topic).filter(WatermarkRecords.isWatermark)
            #expect(Set(clocks.map(\.partition)) == Set(0..<topic.partitions), "\(topic.name)")
            for record in clocks {
                let clock = try WatermarkRecords.decode(record)
                #expect(clock.partition == record.partition)
                #expect(clock.source == "vigil-ingest/ingest")
            }
        }
    }

    @Test("import ends with a round at the last time")
    func finalClockRound() throws {
        let harness = try IngestHarness()
        try harness.importFiles([IngestHarness.sample("roster.ndjson")])
        func line(_ id: String, at time: String) throws -> [UInt8] {
            Array(try InterchangeLines.line(InterchangeLines.message([
                "messageId": id, "site": "sh", "agent": "A-sh-a01", "sentAt": "2026-11-11T\(time)+08:00",
            ])))
        }
        // Each file is one batch. The first round comes after the first file,
        // and the second file moves time by less than the hour between rounds.
        let first = try harness.write("first.ndjson", lines: [try line("early", at: "09:00:00")])
        let second = try harness.write("second.ndjson", lines: [try line("late", at: "09:40:00")])
        try harness.importFiles([first, second])

        let end = try #require(TimestampFormat.parse("2026-11-11T09:40:00+08:00"))
        for topic in [harness.catalogue.chatMessages, harness.catalogue.complaints, harness.catalogue.orders] {
            let clocks = try harness.records(topic).filter(WatermarkRecords.isWatermark).map(WatermarkRecords.decode)
            for partition in 0..<topic.partitions {
                let times = clocks.filter { $0.partition == partition }.map(\.time)
                #expect(times.last == end, "\(topic.name)/\(partition)")
            }
        }

        let published = try harness.recordCount()
        try harness.importFiles([first, second])
        #expect(try harness.recordCount() == published, "time did not move, so no round")
    }

    @Test("a CSV export imports through its mapping, once")
    func importsCSV() throws {
        let harness = try IngestHarness()
        try harness.importFiles([IngestHarness.sample("roster.ndjson")])
        let mapping = try ColumnMapping(contentsOfFile: IngestHarness.sample("chats-export.mapping.json"))
        let format = InputFormat.delimited(.csv, mapping: mapping)
        let first = try harness.importFiles([IngestHarness.sample("chats-export.csv")], format: format)
        #expect((first.counts.accepted[.message] ?? 0) > 0)
        #expect(first.counts.rejectedTotal == 0)
        let messages = try harness.events(ChatMessage.self, harness.catalogue.chatMessages)
        #expect(messages.count == first.counts.accepted[.message])

        let second = try harness.importFiles([IngestHarness.sample("chats-export.csv")], format: format)
        #expect(second.counts.acceptedTotal == 0)
        #expect(second.counts.duplicates == first.counts.acceptedTotal)
    }
}

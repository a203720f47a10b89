import Foundation
import Testing
import VigilContracts
import VigilKafka
import VigilRuntime
@testable import Ingestion

@Suite("Raw topics", .serialized)
struct RawTopicTests {
    @Test("validates what sites' producers write to the raw topics, like any other input")
    func validatesRawRecords() throws {
        let harness = try IngestHarness()
        try harness.importFiles([IngestHarness.sample("roster.ndjson")])

        let producer = try KafkaProducer(properties: ["bootstrap.servers": harness.broker.bootstrapServers],
                                         logger: harness.logger)
        let good = try (0..<5).map { index in
            Array(try InterchangeLines.line(InterchangeLines.message([
                "messageId": "raw-\(index)", "site": "sh", "agent": "A-sh-a01",
                "sentAt": "2026-11-11T10:0\(index):00+08:00",
            ])))
        }
        let bad = Array(try InterchangeLines.line(InterchangeLines.message(["messageId": "raw-bad", "site": "sh",
                                                                            "agent": "A-sh-a01", "role": "robot"])))
        for (tag, value) in (good + [bad] + [good[0]]).enumerated() {
            try producer.send(OutgoingRecord(topic: harness.catalogue.rawMessages.name, key: Array("shop/b".utf8),
                                             value: value, timestampMilliseconds: 0), tag: Int64(tag))
        }
        // A record a site marks as a watermark is not trusted as one on a raw topic.
        let disguised = OutgoingRecord(topic: harness.catalogue.rawMessages.name, key: Array("shop/b".utf8),
                                       value: Array(#"{"hello":"world"}"#.utf8), timestampMilliseconds: 0,
                                       headers: [KafkaHeader(name: EventHeaders.schema, text: "watermark/1")])
        try producer.send(disguised, tag: 7)
        var delivered = 0
        while delivered < 8 {
            delivered += try producer.poll(timeoutMilliseconds: 100).count
        }

        let configuration = try harness.configuration(serviceName: "vigil-ingest-raw", store: "raw.sqlite")
        let run = BackgroundRun { shutdown in
            let processor = RawTopicProcessor(catalogue: configuration.catalogue, serviceName: "vigil-ingest-raw",
                                              clockSource: "vigil-ingest-raw", logger: configuration.logger)
            try StreamService(configuration: configuration, processor: processor, shutdown: shutdown).run()
        }
        let arrived = try eventually {
            try harness.events(ChatMessage.self, harness.catalogue.chatMessages).count == 5
                && harness.events(DeadLetter.self, harness.catalogue.deadLetters).count == 2
        }
        #expect(run.stop() == nil)
        #expect(arrived)

        let messages = try harness.events(ChatMessage.self, harness.catalogue.chatMessages)
        #expect(messages.map(\.messageId) == (0..<5).map { "raw-\($0)" }, "the repeat of raw-0 is dropped")
        let letters = try harness.events(DeadLetter.self, harness.catalogue.deadLetters)
        #expect(letters.contains { $0.payload.contains("hello") }, "the disguised record is dead-lettered")
        let letter = try #require(letters.first { $0.payload.contains("raw-bad") })
        #expect(letter.reasonCode == .invalidField)
        #expect(letter.source.topic == harness.catalogue.rawMessages.name)
        #expect(letter.source.offset != nil)
        #expect(letter.service == "vigil-ingest-raw")
    }
}

@Suite("Raw topic poison records", .serialized)
struct RawTopicPoisonTests {
    @Test("poison raw records dead-lettered, partition goes on")
    func poisonRawRecordsDeadLettered() throws {
        let harness = try IngestHarness()
        try harness.importFiles([IngestHarness.sample("roster.ndjson")])

        let base: [String: Any] = ["site": "sh", "agent": "A-sh-a01", "buyer": "buyer-p", "conversationId": "c-p"]
        let lines: [(id: String, changes: [String: Any])] = [
            ("raw-0", ["sentAt": "2026-11-11T10:00:00+08:00"]),
            ("raw-far", ["sentAt": "9999-12-31T23:59:59+08:00"]),
            ("raw-long", ["sentAt": "2026-11-11T10:01:00+08:00",
                          "text": String(repeating: "投诉", count: ChatMessage.maxTextBytes / 3)]),
            ("raw-stranger", ["sentAt": "2026-11-11T10:02:00+08:00", "agent": "A-nobody"]),
            ("raw-1", ["sentAt": "2026-11-11T10:03:00+08:00"]),
        ]
        let producer = try KafkaProducer(properties: ["bootstrap.servers": harness.broker.bootstrapServers],
                                         logger: harness.logger)
        for (tag, line) in lines.enumerated() {
            let fields = base.merging(line.changes) { $1 }.merging(["messageId": line.id]) { $1 }
            let value = Array(try InterchangeLines.line(InterchangeLines.message(fields)))
            try producer.send(OutgoingRecord(topic: harness.catalogue.rawMessages.name, key: Array("shop/p".utf8),
                                             value: value, timestampMilliseconds: 0), tag: Int64(tag))
        }
        var delivered = 0
        while delivered < lines.count {
            delivered += try producer.poll(timeoutMilliseconds: 100).count
        }

        let configuration = try harness.configuration(serviceName: "vigil-ingest-raw", store: "raw.sqlite")
        let run = BackgroundRun { shutdown in
            let processor = RawTopicProcessor(catalogue: configuration.catalogue, serviceName: "vigil-ingest-raw",
                                              clockSource: "vigil-ingest-raw", logger: configuration.logger)
            try StreamService(configuration: configuration, processor: processor, shutdown: shutdown).run()
        }
        let arrived = try eventually {
            try harness.events(ChatMessage.self, harness.catalogue.chatMessages).count == 2
                && harness.events(DeadLetter.self, harness.catalogue.deadLetters).count == 3
        }
        #expect(run.stop() == nil)
        #expect(arrived)

        let messages = try harness.events(ChatMessage.self, harness.catalogue.chatMessages)
        #expect(messages.map(\.messageId) == ["raw-0", "raw-1"], "the good records around the poison are published")
        let letters = try harness.events(DeadLetter.self, harness.catalogue.deadLetters)
        let reasons = Dictionary(uniqueKeysWithValues: letters.map { letter in
            (lines.first { letter.payload.contains("\"\($0.id)\"") }?.id ?? "unknown", letter.reasonCode)
        })
        #expect(reasons["raw-far"] == .invalidTime)
        #expect(reasons["raw-long"] == .invalidField)
        #expect(reasons["raw-stranger"] == .unknownAgent)
    }
}

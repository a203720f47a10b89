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

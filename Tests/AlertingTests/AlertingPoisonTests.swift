import Foundation
import Testing
import VigilContracts
import VigilKafka
import VigilRuntime
import VigilTestSupport
@testable import Alerting

/// The whole alerting service on the embedded broker, fed poison records
/// between good ones: records that decode, but that alerting once turned
/// into events no consumer could read, or took minutes over.
@Suite("Alerting poison records", .serialized)
struct AlertingPoisonTests {
    @Test("poison messages dead-lettered, partition goes on")
    func poisonMessagesDeadLettered() throws {
        let topics = try EmbeddedTopics()
        let topic = topics.catalogue.chatMessages
        // A message of year 9999 once raised alerts dated "10000-01-01…", which no consumer could decode.
        var farFuture = try AlertingHarness.message("m-2", "我要打12315")
        farFuture.sentAt = try #require(TimestampFormat.parse("9999-12-31T23:59:59+08:00"))
        // Matching time grows with the text's length times its hits: 200,000 characters took minutes.
        let flood = try AlertingHarness.message("m-3", String(repeating: "工商投诉举报", count: 2_000))
        let messages = [
            try AlertingHarness.message("m-1", "我要投诉你们", at: "09:00:00"),
            farFuture,
            flood,
            try AlertingHarness.message("m-4", "再不处理我就打12315", at: "09:05:00"),
        ]
        try topics.produce(try messages.map { try EmbeddedTopics.record($0, to: topic) })

        let configuration = try topics.configuration(serviceName: "vigil-alerting", store: "alerting.sqlite")
        let rules = try ActiveRules.compile(text: AlertingHarness.rulesText, normalizer: try TextNormalizer(),
                                            releaseId: nil)
        nonisolated(unsafe) let processor = AlertingProcessor(catalogue: topics.catalogue, rules: rules,
                                                              normalizer: try TextNormalizer(),
                                                              replyLimits: AlertingHarness.patientLimits)
        let run = ServiceRun { shutdown in
            try StreamService(configuration: configuration, processor: processor, shutdown: shutdown).run()
        }
        let letters = try topics.deadLetters(count: 2)
        let alerts = try topics.waitForRecords(on: topics.catalogue.alerts, count: 2)
        #expect(run.isRunning, "the service keeps running after the poison records")
        #expect(run.stop() == nil)

        let byMessage = Dictionary(grouping: letters) { letter in
            (try? EventCoding.decode(ChatMessage.self, from: Array(letter.payload.utf8)))?.messageId ?? "truncated"
        }
        #expect(letters.count == 2)
        #expect(byMessage["m-2"]?.first?.reasonCode == .invalidTime)
        let tooLarge = try #require(letters.first { $0.reasonCode == .tooLarge })
        #expect(tooLarge.payloadBytes > ChatMessage.maxTextBytes)
        #expect(letters.allSatisfy { $0.source.topic == topic.name })
        let decoded = try alerts.map { try EventCoding.decode(Alert.self, from: $0.value) }
        #expect(decoded.map(\.messageId) == ["m-1", "m-4"], "the good messages around the poison raise their alerts")
    }
}

import Foundation
import Testing
import VigilContracts
import VigilKafka
import VigilRuntime
import VigilStore

@Suite("Stream service on the embedded broker", .serialized)
struct StreamServiceTests {
    @Test("every record processed once")
    func processesEveryRecordOnce() throws {
        let harness = try RuntimeHarness()
        let messages = (0..<40).map { harness.message($0, buyer: "buyer-\($0 % 7)") }
        try harness.produce(messages.map(harness.encoded))

        let service = RunningService(configuration: try harness.configuration(),
                                     processor: EchoProcessor(catalogue: harness.catalogue))
        let records = try harness.waitForRecords(on: harness.catalogue.alerts, count: 40)
        #expect(service.stop() == nil)

        let ids = records.compactMap { $0.header(EventHeaders.eventId) }
        #expect(records.count == 40)
        #expect(Set(ids) == Set(messages.map { "echo/\($0.eventId)" }))

        let database = try Database(path: harness.storePath)
        #expect(try database.scalar("SELECT sum(count) FROM thread_counts").int == 40)
        #expect(try database.scalar("SELECT sum(next_offset) FROM vigil_offsets").int == 40)
        #expect(try database.scalar("SELECT count(*) FROM vigil_outbox").int == 0)
    }

    @Test("restart resumes from stored offsets")
    func restartResumes() throws {
        let harness = try RuntimeHarness()
        let first = (0..<25).map { harness.message($0, buyer: "buyer-\($0 % 5)") }
        try harness.produce(first.map(harness.encoded))
        let service = RunningService(configuration: try harness.configuration(),
                                     processor: EchoProcessor(catalogue: harness.catalogue))
        _ = try harness.waitForRecords(on: harness.catalogue.alerts, count: 25)
        #expect(service.stop() == nil)

        let second = (25..<40).map { harness.message($0, buyer: "buyer-\($0 % 5)") }
        try harness.produce(second.map(harness.encoded))
        let restarted = RunningService(configuration: try harness.configuration(),
                                       processor: EchoProcessor(catalogue: harness.catalogue))
        _ = try harness.waitForRecords(on: harness.catalogue.alerts, count: 40)
        // Give a wrongly restarted service time to emit the first 25 again.
        Thread.sleep(forTimeInterval: 1.5)
        #expect(restarted.stop() == nil)

        let records = try harness.reader.records(of: harness.catalogue.alerts)
        #expect(records.count == 40, "the first 25 must not be processed again")
        let database = try Database(path: harness.storePath)
        #expect(try database.scalar("SELECT sum(count) FROM thread_counts").int == 40)
    }

    @Test("invalid record goes to dead letters")
    func invalidRecordDeadLettered() throws {
        let harness = try RuntimeHarness()
        var values = try (0..<3).map { try harness.encoded(harness.message($0)) }
        values.insert((key: "shop-1/buyer-1", value: Array("{not json".utf8)), at: 1)
        values.insert((key: "shop-1/buyer-1", value: Array(#"{"messageId":"x"}"#.utf8)), at: 3)
        try harness.produce(values)

        let service = RunningService(configuration: try harness.configuration(),
                                     processor: EchoProcessor(catalogue: harness.catalogue))
        let outputs = try harness.waitForRecords(on: harness.catalogue.alerts, count: 3)
        let letters = try harness.waitForRecords(on: harness.catalogue.deadLetters, count: 2)
        #expect(service.stop() == nil)

        #expect(outputs.count == 3, "the valid records around the bad ones are processed")
        let decoded = try letters.map { try EventCoding.decode(DeadLetter.self, from: $0.value) }
        #expect(decoded.map(\.reasonCode).sorted { $0.rawValue < $1.rawValue } == [.invalidField, .invalidJSON])
        #expect(decoded.allSatisfy { $0.source.topic == harness.catalogue.chatMessages.name })
        #expect(decoded.contains { $0.payload == "{not json" })
        #expect(decoded.contains { $0.reason.contains("site") || $0.reason.contains("shop") })
    }

    @Test("duplicate event id applied once")
    func duplicateEventApplied() throws {
        let harness = try RuntimeHarness()
        let message = harness.message(1)
        try harness.produce([try harness.encoded(message), try harness.encoded(message), try harness.encoded(harness.message(2))])

        let service = RunningService(configuration: try harness.configuration(),
                                     processor: EchoProcessor(catalogue: harness.catalogue))
        _ = try harness.waitForRecords(on: harness.catalogue.alerts, count: 2)
        Thread.sleep(forTimeInterval: 1)
        #expect(service.stop() == nil)

        let records = try harness.reader.records(of: harness.catalogue.alerts)
        #expect(records.count == 2)
        let database = try Database(path: harness.storePath)
        #expect(try database.scalar("SELECT sum(next_offset) FROM vigil_offsets").int == 3)
    }

    @Test("outbox left by a crash is published")
    func leftoverOutboxPublished() throws {
        let harness = try RuntimeHarness()
        let processor = EchoProcessor(catalogue: harness.catalogue)
        do {
            // What a crash between commit and publish leaves behind.
            let store = try ServiceStore(path: harness.storePath, registerMigrations: processor.registerMigrations)
            let event = EchoEvent(eventId: "echo/left-over", messageId: "left-over", thread: "shop-1/buyer-9",
                                  sentAt: Timestamp(epochMilliseconds: 1_700_000_000_000))
            try store.database.transaction {
                try store.outbox.append(event, to: harness.catalogue.alerts)
            }
        }

        let service = RunningService(configuration: try harness.configuration(), processor: processor)
        let records = try harness.waitForRecords(on: harness.catalogue.alerts, count: 1)
        #expect(service.stop() == nil)

        #expect(records.map { $0.header(EventHeaders.eventId) } == ["echo/left-over"])
        #expect(records.first?.timestampMilliseconds == 1_700_000_000_000)
        let database = try Database(path: harness.storePath)
        #expect(try database.scalar("SELECT count(*) FROM vigil_outbox").int == 0)
    }

    @Test("missing topic stops the service")
    func missingTopicStops() throws {
        let harness = try RuntimeHarness()
        let options = CommandLineOptions(ServiceConfiguration.options(serviceName: "echo"))
        let arguments = ["--bootstrap-servers", harness.broker.bootstrapServers, "--store", harness.storePath,
                         "--topic-prefix", "never-created."]
        let configuration = try ServiceConfiguration(serviceName: "echo", options: options.parse(arguments, environment: [:]))
        let service = RunningService(configuration: configuration,
                                     processor: EchoProcessor(catalogue: TopicCatalogue(prefix: "never-created.")))

        let failure = try #require(service.waitForFailure(seconds: 30))
        #expect(String(describing: failure).contains("never-created.chat.messages does not exist"))
    }
}

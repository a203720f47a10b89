import Alerting
import Foundation
import Synchronization
import Testing
import VigilContracts
#if canImport(Glibc)
import Glibc
#endif

/// The four services as separate processes on the embedded broker, fed the real chats.
@Suite("Pipeline on the real chats", .serialized, .enabled(if: SharedData.isAvailable || SharedData.isRequired))
struct PipelineTests {
    /// The uninterrupted run, computed once and compared with every interrupted run.
    private static let baseline = Mutex<PipelineOutputs?>(nil)

    static func uninterruptedOutputs() throws -> PipelineOutputs {
        if let cached = baseline.withLock({ $0 }) {
            return cached
        }
        let harness = try PipelineHarness()
        try harness.ingest([SharedData.file("roster.ndjson")])
        for service in PipelineHarness.streamServices {
            try harness.startService(service)
        }
        try harness.ingest(SharedData.chatFiles.map(SharedData.file) + SharedData.otherFiles.map(SharedData.file))
        try harness.waitUntilIdle()
        let outputs = try harness.outputs()
        let statuses = harness.stop()
        #expect(statuses.values.allSatisfy { $0 == 0 }, "SIGTERM must end every service with status 0: \(statuses)")
        baseline.withLock { $0 = outputs }
        return outputs
    }

    @Test("alerts match an in-memory run of the rules")
    func alertsMatchExpectedCount() throws {
        try SharedData.requireAvailable()
        let expected = try ExpectedAlerts.read(groupWindowSeconds: AlertPolicy().groupWindowSeconds)
        let outputs = try Self.uninterruptedOutputs()
        let alerts = try outputs.alerts.values.map { try EventCoding.decode(Alert.self, from: $0) }
        let raised = alerts.filter { $0.kind == .keyword && $0.currentAction == .raised }

        #expect(expected.messages == 42_805)
        #expect(raised.count == expected.raised)
        #expect(Set(raised.map(\.thread.recordKey)) == Set(expected.alertedThreads))
        #expect(outputs.cases.count == expected.alertedThreads.count)
        #expect(outputs.cases.values.allSatisfy { $0.openedBy.count == 1 }, "each case is opened exactly once")
        #expect(outputs.conflicts.isEmpty)
        #expect(outputs.deadLetters == 0)
        #expect(Set(alerts.map(\.agent)).isSubset(of: Set(outputs.agentTotals.keys)))
        #expect(outputs.agentTotals.count == 36)
        #expect(outputs.agentTotals.values.map(\.alerts).reduce(0, +) == expected.raised)
        #expect(alerts.allSatisfy { $0.ruleVersion == alerts.first?.ruleVersion })
        #expect(alerts.allSatisfy { $0.evidence?.isEmpty == false || $0.kind == .replyTimeout })

        // The import's last round of watermarks reaches every alerts partition,
        // and no alert is later than the time it promises.
        #expect(Set(outputs.alertWatermarks.keys) == Set(0..<TopicCatalogue.threadPartitions))
        let ends = Set(outputs.alertWatermarks.values)
        #expect(ends.count == 1, "every partition ends at the import's last round: \(ends)")
        let end = try #require(ends.first)
        #expect(alerts.allSatisfy { $0.raisedAt.epochMilliseconds <= end.epochMilliseconds })
    }

    @Test("a second import of the real data publishes nothing new")
    func reimportPublishesNothing() throws {
        try SharedData.requireAvailable()
        let harness = try PipelineHarness()
        defer { _ = harness.stop() }
        let files = [SharedData.file("roster.ndjson")] + SharedData.chatFiles.map(SharedData.file)
            + SharedData.otherFiles.map(SharedData.file)
        try harness.ingest(files)
        let topics = [harness.catalogue.chatMessages, harness.catalogue.roster, harness.catalogue.complaints,
                      harness.catalogue.orders, harness.catalogue.deadLetters]
        let first = try topics.map { try harness.recordCount($0) }
        #expect(first[0] > 42_805, "every message and the watermarks were published")

        try harness.ingest(files)
        let second = try topics.map { try harness.recordCount($0) }
        #expect(second == first, "the second import published \(zip(second, first).map { $0 - $1 }) records")
    }

    @Test("SIGKILL mid-run loses and duplicates nothing",
          arguments: ["vigil-alerting", "vigil-escalation", "vigil-scoring", "vigil-ingest"])
    func killMidRun(victim: String) throws {
        try SharedData.requireAvailable()
        let expected = try Self.uninterruptedOutputs()

        let harness = try PipelineHarness()
        try harness.ingest([SharedData.file("roster.ndjson")])
        for service in PipelineHarness.streamServices {
            try harness.startService(service)
        }
        let files = SharedData.chatFiles.map(SharedData.file) + SharedData.otherFiles.map(SharedData.file)
        let ingestion = try harness.startIngest(files)

        // Kill once the victim has visibly done part of its work.
        let (topic, threshold) = Self.progressSignal(for: victim, harness: harness)
        let deadline = Date().addingTimeInterval(120)
        var seenAtKill = 0
        while Date() < deadline {
            seenAtKill = try harness.recordCount(topic)
            if seenAtKill >= threshold {
                break
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        #expect(seenAtKill >= threshold, "\(victim) made no progress before the kill")

        if victim == "vigil-ingest" {
            Glibc.kill(ingestion.processIdentifier, SIGKILL)
            ingestion.waitUntilExit()
            try harness.ingest(files)
        } else {
            try harness.kill(victim)
            try harness.startService(victim)
            ingestion.waitUntilExit()
            #expect(ingestion.terminationStatus == 0)
        }
        try harness.waitUntilIdle()
        let outputs = try harness.outputs()
        let finalCount = try harness.recordCount(topic)
        let statuses = harness.stop()

        #expect(seenAtKill < finalCount, "the kill must land before \(victim) finished")
        #expect(outputs.conflicts.isEmpty, "an event id republished with different content")
        #expect(outputs.alerts == expected.alerts)
        #expect(outputs.alertWatermarks == expected.alertWatermarks)
        #expect(outputs.caseEvents.keys.sorted() == expected.caseEvents.keys.sorted())
        #expect(outputs.cases == expected.cases)
        #expect(outputs.scores == expected.scores)
        #expect(statuses.values.allSatisfy { $0 == 0 }, "SIGTERM must end every service with status 0: \(statuses)")
    }

    /// Returns the topic whose growth shows the victim at work, and how many records mean "part way".
    private static func progressSignal(for victim: String, harness: PipelineHarness) -> (TopicSpec, Int) {
        switch victim {
        case "vigil-alerting": (harness.catalogue.alerts, 40)
        case "vigil-escalation": (harness.catalogue.caseEvents, 40)
        case "vigil-scoring": (harness.catalogue.scores, 60)
        default: (harness.catalogue.chatMessages, 8_000)
        }
    }
}

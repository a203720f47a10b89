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
    /// The escalation report (CSV, English) of the uninterrupted run after its
    /// regulator cases were classified, and the statuses of those commands.
    private static let accountability = Mutex<(report: String, commandStatuses: [Int32])?>(nil)
    /// The time the review commands carry: after the last complaint of the data.
    static let reviewTime = "2026-11-15T10:00:00+08:00"

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
        let review = try classifyRegulatorCases(outputs, harness: harness)
        let statuses = harness.stop()
        #expect(statuses.values.allSatisfy { $0 == 0 }, "SIGTERM must end every service with status 0: \(statuses)")
        baseline.withLock { $0 = outputs }
        accountability.withLock { $0 = review }
        return outputs
    }

    /// Classifies every regulator case as slow response, by its site's manager
    /// through `vigil case classify`, then prints the month's escalation report.
    private static func classifyRegulatorCases(_ outputs: PipelineOutputs, harness: PipelineHarness) throws
        -> (report: String, commandStatuses: [Int32]) {
        let roster = try String(contentsOf: SharedData.file("roster.ndjson"), encoding: .utf8)
            .split(separator: "\n").map { try JSONDecoder().decode(RosterPerson.self, from: Data($0.utf8)) }
        var statuses: [Int32] = []
        let regulatorCases = outputs.caseFiles.values.flatMap { $0 }.filter { $0.state == .escalatedRegulator }
        for summary in regulatorCases.sorted(by: { $0.caseId < $1.caseId }) {
            let manager = roster.filter { $0.role == .manager && $0.site == summary.site }.min { $0.id < $1.id }
            let result = try harness.runVigil([
                "case", "classify", summary.caseId, "--actor", manager?.id ?? "B-001", "--cause", "slow-response",
                "--at", reviewTime, "--wait", "60",
            ])
            statuses.append(result.status)
        }
        let report = try harness.runVigil([
            "report", "escalations", "--period", "month", "--at", reviewTime, "--format", "csv", "--lang", "en",
        ])
        return (report.output, statuses + [report.status])
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

    @Test("cases match the data and the report names who is responsible")
    func casesMatchData() throws {
        try SharedData.requireAvailable()
        let alerts = try ExpectedAlerts.read(groupWindowSeconds: AlertPolicy().groupWindowSeconds)
        let expected = try ExpectedCases.read(alertedThreads: alerts.alertedThreads)
        let outputs = try Self.uninterruptedOutputs()
        let states = outputs.caseFiles.mapValues { $0.map(\.state) }

        #expect(outputs.cases.count == expected.states.count)
        #expect(Set(states.keys) == Set(expected.states.keys))
        #expect(states.values.allSatisfy { $0.count == 1 }, "no thread has a second case")
        for (thread, state) in expected.states {
            #expect(states[thread] == [state], "the case of \(thread)")
        }
        #expect(expected.regulatorThreads.count == 11, "the data has 11 regulator complaints")

        let review = try #require(Self.accountability.withLock { $0 })
        #expect(review.commandStatuses.allSatisfy { $0 == 0 }, "classify and report statuses: \(review.commandStatuses)")
        let rows = review.report.split(separator: "\r\n").map(String.init)
        for (thread, people) in expected.regulatorThreads {
            let caseId = try #require(outputs.caseFiles[thread]?.first?.caseId)
            let row = try #require(rows.first { $0.hasPrefix(caseId + ",") }, "no report row for \(caseId)")
            #expect(row.contains(people.agent), "primary: \(row)")
            #expect(row.contains(people.supervisor), "joint supervisor: \(row)")
            #expect(row.contains(people.manager), "joint manager: \(row)")
            #expect(row.contains("slow"), "cause: \(row)")
        }
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

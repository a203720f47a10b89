import Alerting
import Foundation
import Synchronization
import Testing
import VigilContracts

/// The four services as separate processes on the embedded broker, fed the real chats.
@Suite("Pipeline on the real chats", .serialized, .enabled(if: SharedData.isAvailable || SharedData.isRequired))
struct PipelineTests {
    /// The uninterrupted run, computed once and compared with every interrupted run and a second clean run.
    private static let baseline = Mutex<CleanRun?>(nil)
    /// The time the classifications carry: after the last complaint of the data.
    static let reviewTime = "2026-11-15T10:00:00+08:00"

    /// The outcome of the case commands of ``CaseScript`` on the uninterrupted run.
    struct Review {
        /// The escalation report (CSV, English) of the month after the commands.
        var report: String
        /// The command lines that failed, with their output, and the report's status when it failed.
        var failures: [String]
        /// The scores after the commands had been processed.
        var scores: [String: PublishedScore]
    }

    /// What one run from scratch published.
    struct CleanRun {
        /// The outputs once the import was processed, before any case command.
        var outputs: PipelineOutputs
        /// What each service consumed by then (``ServiceProgress``), by executable name.
        var inputTotals: [String: Int64]
        var review: Review
        /// Every output topic once the case commands were processed.
        var records: PipelineRecords
        /// The exit status of each service after SIGTERM.
        var statuses: [String: Int32]
    }

    static func uninterruptedOutputs() throws -> PipelineOutputs {
        try uninterruptedRun().outputs
    }

    /// Returns the uninterrupted run, running it on first use.
    static func uninterruptedRun() throws -> CleanRun {
        if let cached = baseline.withLock({ $0 }) {
            return cached
        }
        let run = try runFromScratch()
        #expect(run.statuses.values.allSatisfy { $0 == 0 },
                "SIGTERM must end every service with status 0: \(run.statuses)")
        baseline.withLock { $0 = run }
        return run
    }

    /// Runs the whole pipeline on a new broker: the roster, the three stream
    /// services, every shared file, then the case commands of ``CaseScript``.
    private static func runFromScratch() throws -> CleanRun {
        let harness = try PipelineHarness()
        try harness.ingest([SharedData.file("roster.ndjson")])
        for service in PipelineHarness.streamServices {
            try harness.startService(service)
        }
        try harness.ingest(SharedData.chatFiles.map(SharedData.file) + SharedData.otherFiles.map(SharedData.file))
        try harness.waitUntilIdle()
        let outputs = try harness.outputs()
        let progress = try ServiceProgress(harness: harness)
        let inputTotals = try progress.inputTotals()
        progress.close()
        let review = try runCaseScript(harness: harness)
        let records = try harness.records()
        let statuses = harness.stop()
        return CleanRun(outputs: outputs, inputTotals: inputTotals, review: review, records: records,
                        statuses: statuses)
    }

    /// Issues the commands of ``CaseScript`` through `vigil case …`, declares
    /// event time up to the last one with `vigil clock`, as a batch user
    /// does after an import, lets the services catch up, then prints the
    /// month's escalation report. A command escalation refused is a failure.
    static func runCaseScript(harness: PipelineHarness) throws -> Review {
        let inputs = try ScoringInputs.read()
        let alerts = try ExpectedAlerts.read(groupWindowSeconds: AlertPolicy().groupWindowSeconds)
        let script = try CaseScript.make(cases: ExpectedCases.read(alerts: alerts), people: inputs.people)
        var failures: [String] = []
        for arguments in script.commands.map(\.arguments) + [["clock", "--to", CaseScript.clockTime]] {
            let result = try harness.runVigil(arguments)
            if result.status != 0 {
                failures.append("vigil \(arguments.joined(separator: " ")) -> \(result.status): \(result.output)")
            }
        }
        try harness.waitUntilIdle()

        // Every command has an outcome on its case's timeline, and none was refused.
        let caseEvents = try harness.records().records("case.events").map {
            try EventCoding.decode(CaseEvent.self, from: $0.value)
        }
        let outcomes = Dictionary(caseEvents.compactMap { event in event.commandId.map { ($0, event) } },
                                  uniquingKeysWith: { first, _ in first })
        for command in script.commands {
            guard let outcome = outcomes[command.commandId] else {
                failures.append("\(command.commandId) on \(command.caseId) has no outcome")
                continue
            }
            if outcome.type == .commandRejected {
                failures.append("\(command.commandId) on \(command.caseId) refused: \(outcome.text.english)")
            }
        }
        let scores = try harness.scores()
        let report = try harness.runVigil([
            "report", "escalations", "--period", "month", "--at", reviewTime, "--format", "csv", "--lang", "en",
        ])
        if report.status != 0 {
            failures.append("vigil report escalations -> \(report.status)")
        }
        return Review(report: report.output, failures: failures, scores: scores)
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
        let agentDays = outputs.figures(of: .agent, per: .day)
        let scoredAgents = Set(agentDays.keys.compactMap { $0.split(separator: "/").first.map(String.init) })
        #expect(Set(alerts.map(\.agent)).isSubset(of: scoredAgents))
        #expect(scoredAgents.count == 36)
        #expect(agentDays.values.map(\.alerts).reduce(0, +) == expected.raised)
        // Reply timeouts: one per wait past the limit, as a replay of the waits per thread expects.
        let timeouts = alerts.filter { $0.kind == .replyTimeout && $0.currentAction == .raised }
        let expectedTimeouts = ExpectedReplyTimeouts.raisings(in: try ScoringInputs.read(),
                                                              limitSeconds: ReplyLimits.defaultSeconds)
        #expect(timeouts.count == expectedTimeouts.count)
        #expect(timeouts.map { "\($0.thread.recordKey) \($0.raisedAt.epochMilliseconds)" }.sorted()
                == expectedTimeouts.map { "\($0.thread) \($0.raisedAt.epochMilliseconds)" }.sorted())
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
        let expected = try ExpectedCases.read(alerts: alerts)
        let outputs = try Self.uninterruptedOutputs()
        let states = outputs.caseFiles.mapValues { $0.map(\.state) }

        #expect(outputs.cases.count == expected.states.count)
        #expect(Set(states.keys) == Set(expected.states.keys))
        #expect(states.values.allSatisfy { $0.count == 1 }, "no thread has a second case")
        for (thread, state) in expected.states {
            #expect(states[thread] == [state], "the case of \(thread)")
        }
        for (thread, opening) in expected.openings {
            let summary = outputs.caseFiles[thread]?.first
            #expect(summary?.caseId == opening.caseId, "the case id of \(thread)")
            #expect(summary?.openedAt == opening.openedAt, "the opening of \(thread)")
            #expect(summary?.agent == opening.agent, "the agent of \(thread)")
        }
        #expect(expected.regulatorThreads.count == 11, "the data has 11 regulator complaints")

        let review = try Self.uninterruptedRun().review
        #expect(review.failures.isEmpty, "failed commands:\n\(review.failures.joined(separator: "\n"))")
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

    @Test("scores match an independent computation")
    func scoresMatchIndependentComputation() throws {
        try SharedData.requireAvailable()
        let inputs = try ScoringInputs.read()
        let alerts = try ExpectedAlerts.read(groupWindowSeconds: AlertPolicy().groupWindowSeconds)
        let cases = try ExpectedCases.read(alerts: alerts)
        let scorecard = try TestScorecard.parse(PipelineScorecard.cachedText())
        let outputs = try Self.uninterruptedOutputs()
        let review = try Self.uninterruptedRun().review
        #expect(review.failures.isEmpty, "failed commands:\n\(review.failures.joined(separator: "\n"))")

        // Before the case commands: cases only as the import left them.
        let imported = ExpectedScores.compute(inputs: inputs, alerts: alerts, cases: CaseScript.untouched(cases: cases),
                                              scorecard: scorecard)
        let before = ScoreComparison.differences(expected: imported, actual: outputs.scores)
        let beforeCount = before.count
        #expect(beforeCount == 0, "after the import, differences:\n\(Self.excerpt(before))")

        // After them: acknowledgements, escalations, causes and plans.
        let script = try CaseScript.make(cases: cases, people: inputs.people)
        let reviewed = ExpectedScores.compute(inputs: inputs, alerts: alerts, cases: script, scorecard: scorecard)
        let after = ScoreComparison.differences(expected: reviewed, actual: review.scores)
        let afterCount = after.count
        #expect(afterCount == 0, "after the case commands, differences:\n\(Self.excerpt(after))")
    }

    /// Returns the first lines of a long difference list.
    static func excerpt(_ lines: [String], limit: Int = 120) -> String {
        let shown = lines.prefix(limit).joined(separator: "\n")
        return lines.count > limit ? shown + "\n… and \(lines.count - limit) more" : shown
    }

    @Test("two runs from scratch give identical output topics")
    func twoRunsIdentical() throws {
        try SharedData.requireAvailable()
        let first = try Self.uninterruptedRun()
        let second = try Self.runFromScratch()

        #expect(second.review.failures.isEmpty, "failed commands:\n\(second.review.failures.joined(separator: "\n"))")
        #expect(second.statuses.values.allSatisfy { $0 == 0 }, "SIGTERM must end every service with status 0")
        let differences = RunComparison.differences(expected: first.records, actual: second.records)
        let differenceCount = differences.count
        #expect(differenceCount == 0, """
            the second run differs from the first (\(RunComparison.summary(first.records))):
            \(Self.excerpt(differences, limit: 40))
            """)
        for topic in PipelineRecords.topics(of: TopicCatalogue()) where topic.baseName != "dead-letters" {
            #expect(!first.records.records(topic.baseName).isEmpty, "\(topic.baseName) is empty, so it proves nothing")
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
}

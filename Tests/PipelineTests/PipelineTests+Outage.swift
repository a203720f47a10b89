import Foundation
import Testing
import VigilContracts

// MARK: - Broker outage

extension PipelineTests {
    /// How long every broker stays down.
    static let outageSeconds: TimeInterval = 30

    @Test("all brokers down 30 s loses nothing")
    func brokerOutage() throws {
        try SharedData.requireAvailable()
        let expected = try Self.uninterruptedOutputs()

        let harness = try PipelineHarness()
        try harness.ingest([SharedData.file("roster.ndjson")])
        for service in PipelineHarness.streamServices {
            try harness.startService(service)
        }
        let processes = PipelineHarness.streamServices.map { harness.processIdentifier($0) }
        let files = SharedData.chatFiles.map(SharedData.file) + SharedData.otherFiles.map(SharedData.file)
        let ingestion = try harness.startIngest(files)

        // Cut once alerting has visibly started, so events are on their way through every service.
        let deadline = Date().addingTimeInterval(120)
        var seenAtCut = (alerts: 0, messages: 0)
        while Date() < deadline {
            seenAtCut = (try harness.recordCount(harness.catalogue.alerts),
                         try harness.recordCount(harness.catalogue.chatMessages))
            if seenAtCut.alerts >= 40 {
                break
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        #expect(seenAtCut.alerts >= 40, "alerting made no progress before the outage")
        #expect(ingestion.isRunning, "the import must still be running when the brokers go down")

        try harness.setBrokers(up: false)
        Thread.sleep(forTimeInterval: Self.outageSeconds)
        try harness.setBrokers(up: true)

        ingestion.waitUntilExit()
        #expect(ingestion.terminationStatus == 0, "the import rode out the outage:\n\(harness.logTail("vigil-ingest"))")
        try harness.waitUntilIdle()
        let outputs = try harness.outputs()
        let finalMessages = try harness.recordCount(harness.catalogue.chatMessages)
        let sameProcesses = PipelineHarness.streamServices.map { harness.processIdentifier($0) } == processes
        let statuses = harness.stop()
        for (service, status) in statuses where status != 0 {
            Issue.record("\(service) exited with \(status):\n\(harness.logTail(service, lines: 30))")
        }

        #expect(seenAtCut.messages < finalMessages, "the outage landed before the import finished")
        #expect(sameProcesses, "every service recovered without a restart")
        #expect(outputs.conflicts.isEmpty, "an event id republished with different content: \(outputs.conflicts.prefix(5))")
        #expect(outputs.alerts == expected.alerts)
        #expect(outputs.alertWatermarks == expected.alertWatermarks)
        #expect(outputs.caseEvents == expected.caseEvents)
        #expect(outputs.cases == expected.cases)
        let scores = ScoreComparison.differences(expected: expected.scores, actual: outputs.scores)
        let scoreDifferences = scores.count
        let excerpt = scores.prefix(40).joined(separator: "\n")
        #expect(scoreDifferences == 0, "latest scores differ from the uninterrupted run:\n\(excerpt)")
        #expect(outputs.deadLetters == expected.deadLetters)
        #expect(statuses.values.allSatisfy { $0 == 0 }, "SIGTERM must end every service with status 0: \(statuses)")

        for process in PipelineHarness.streamServices + ["vigil-ingest"] {
            let log = harness.log(process)
            let warnings = Self.lines(of: log, message: "kafka unreachable, retrying")
            let recoveries = Self.lines(of: log, message: "kafka reachable again")
            #expect(warnings.count == 1, "\(process) logs the outage once, not \(warnings.count) times")
            #expect(recoveries.count == 1, "\(process) logs the recovery once, not \(recoveries.count) times")
            let retries = recoveries.first.flatMap { Self.metadata("vigil.retries", in: $0) }.flatMap { Int($0) }
            #expect((retries ?? 0) > 0, "\(process) counts its failed attempts: \(recoveries)")
            let seconds = recoveries.first.flatMap { Self.metadata("vigil.seconds", in: $0) }.flatMap { Double($0) }
            #expect((seconds ?? 0) >= Self.outageSeconds - 2, "\(process) logs how long it lasted: \(recoveries)")
        }
    }

    /// Returns the log lines whose message is `message`.
    private static func lines(of log: String, message: String) -> [String] {
        log.split(separator: "\n").map(String.init).filter { $0.contains("msg=\"\(message)\"") }
    }

    /// Returns the value of a metadata key in a logfmt line.
    private static func metadata(_ key: String, in line: String) -> String? {
        line.split(separator: " ").first { $0.hasPrefix("\(key)=") }.map { String($0.dropFirst(key.count + 1)) }
    }
}

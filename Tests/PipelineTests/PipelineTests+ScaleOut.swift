import Foundation
import Testing
import VigilContracts

// MARK: - Several instances per service

extension PipelineTests {
    @Test("three instances per service survive kills")
    func scaleOutWithKills() throws {
        try SharedData.requireAvailable()
        let expected = try Self.uninterruptedOutputs()

        let harness = try PipelineHarness()
        try harness.ingest([SharedData.file("roster.ndjson")])
        for service in ["vigil-alerting", "vigil-escalation"] {
            for member in 1...3 {
                try harness.startService(service, instance: "\(service)-\(member)")
            }
        }
        try harness.startService("vigil-scoring")
        let files = SharedData.chatFiles.map(SharedData.file) + SharedData.otherFiles.map(SharedData.file)
        let ingestion = try harness.startIngest(files)

        // Kill one member of each group once both have visibly done part of the work.
        let deadline = Date().addingTimeInterval(120)
        var seen = (alerts: 0, cases: 0)
        while Date() < deadline {
            seen = (try harness.recordCount(harness.catalogue.alerts), try harness.recordCount(harness.catalogue.caseEvents))
            if seen.alerts >= 200, seen.cases >= 40 {
                break
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        #expect(seen.alerts >= 200, "alerting made no progress before the kills")
        #expect(seen.cases >= 40, "escalation made no progress before the kills")
        try harness.kill("vigil-alerting-2")
        try harness.kill("vigil-escalation-2")

        ingestion.waitUntilExit()
        #expect(ingestion.terminationStatus == 0)
        try harness.waitUntilIdle()
        let outputs = try harness.outputs()
        let final = (try harness.recordCount(harness.catalogue.alerts), try harness.recordCount(harness.catalogue.caseEvents))
        let statuses = harness.stop()
        for (member, status) in statuses where status != 0 {
            Issue.record("\(member) exited with \(status):\n\(harness.logTail(member, lines: 30))")
        }

        #expect(seen.alerts < final.0, "the kill of an alerting member landed before alerting finished")
        #expect(seen.cases < final.1, "the kill of an escalation member landed before escalation finished")
        let differences = outputs.differences(from: expected)
        let differenceCount = differences.count
        #expect(differenceCount == 0, """
            the outputs differ from the single-instance run:
            \(Self.excerpt(differences, limit: 40))
            """)
        #expect(statuses.values.allSatisfy { $0 == 0 }, "SIGTERM must end every member with status 0: \(statuses)")
    }
}

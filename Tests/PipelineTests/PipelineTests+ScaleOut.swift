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

        // Kill one member of each group once that group has visibly done part
        // of its work, each on its own signal: on a loaded machine alerting can
        // finish before escalation has opened its first cases.
        let deadline = Date().addingTimeInterval(120)
        var seen = (alerts: 0, cases: 0)
        var killed = (alerting: false, escalation: false)
        while Date() < deadline, !(killed.alerting && killed.escalation) {
            if !killed.alerting {
                seen.alerts = try harness.recordCount(harness.catalogue.alerts)
                if seen.alerts >= 200 {
                    try harness.kill("vigil-alerting-2")
                    killed.alerting = true
                }
            }
            if !killed.escalation {
                seen.cases = try harness.recordCount(harness.catalogue.caseEvents)
                if seen.cases >= 40 {
                    try harness.kill("vigil-escalation-2")
                    killed.escalation = true
                }
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        #expect(killed.alerting, "alerting made no progress before the kills")
        #expect(killed.escalation, "escalation made no progress before the kills")

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

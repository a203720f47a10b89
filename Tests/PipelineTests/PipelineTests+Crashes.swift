import Foundation
import Testing

// MARK: - SIGKILLs at seeded points

extension PipelineTests {
    /// One run on the shared data in which ``CrashSchedule`` kills every
    /// stream service and the import three times each, at seeded points, and
    /// restarts it. Set `VIGIL_CRASH_SEED` to draw another schedule; every
    /// failure message gives the seed and the kills.
    @Test("seeded SIGKILLs lose nothing, repeat identically")
    func seededCrashes() throws {
        try SharedData.requireAvailable()
        let baseline = try Self.uninterruptedRun()
        let schedule = try CrashSchedule.fromEnvironment()

        let harness = try PipelineHarness()
        try harness.ingest([SharedData.file("roster.ndjson")])
        for service in PipelineHarness.streamServices {
            try harness.startService(service)
        }
        let files = SharedData.chatFiles.map(SharedData.file) + SharedData.otherFiles.map(SharedData.file)
        let runner = try CrashRunner(harness: harness, schedule: schedule, files: files, totals: baseline.inputTotals)
        try runner.run()

        // After the last kill, the import and the services finish the run.
        runner.ingestion.waitUntilExit()
        let importStatus = runner.ingestion.terminationStatus
        #expect(importStatus == 0, "the last import:\n\(harness.logTail("vigil-ingest"))\n\(runner.report)")
        try harness.waitUntilIdle()
        let outputs = try harness.outputs()
        var finals: [String: (consumed: Int64, output: Int64)] = [:]
        for victim in CrashSchedule.victims {
            finals[victim] = (try runner.progress.consumed(by: victim),
                              try runner.progress.records(on: [runner.progress.output(of: victim)]))
        }
        runner.progress.close()
        let statuses = harness.stop()
        print(runner.report + "\nthe crash run took \(Int(Date().timeIntervalSince(runner.started))) s")

        // Every kill landed while its victim still had work to do.
        #expect(runner.landed.count == schedule.kills.count)
        for kill in runner.landed {
            let final = try #require(finals[kill.kill.victim])
            #expect(kill.consumed < final.consumed, "\(kill.kill.victim) had consumed everything\n\(runner.report)")
            #expect(kill.output < final.output, "\(kill.kill.victim) had published everything\n\(runner.report)")
        }

        // The kills right after a restart landed before the service was processing again.
        for kill in runner.landed where kill.kill.victim != "vigil-ingest" {
            switch kill.kill.trigger {
            case .progress:
                continue
            case .afterRestart:
                #expect(CrashRunner.restartPhases.contains(kill.phase),
                        "\(kill.kill.victim) was \(kill.phase) already\n\(runner.report)")
            case .rebuilding:
                #expect(kill.phase == "rebuilding partition stores",
                        "\(kill.kill.victim) was \(kill.phase)\n\(runner.report)")
            }
        }

        let differences = outputs.differences(from: baseline.outputs)
        let differenceCount = differences.count
        #expect(differenceCount == 0, """
            the outputs differ from the uninterrupted run:
            \(Self.excerpt(differences, limit: 40))
            \(runner.report)
            """)
        #expect(statuses.values.allSatisfy { $0 == 0 },
                "SIGTERM must end every service with status 0: \(statuses)\n\(runner.report)")
    }
}

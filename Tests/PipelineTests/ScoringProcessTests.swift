import Foundation
import Testing
import VigilContracts
import VigilRuntime

/// `vigil-scoring` as separate processes on an embedded broker, fed a small hand-written data set.
@Suite("Scoring processes", .serialized)
struct ScoringProcessTests {
    private typealias Data = ScoringDataSet

    /// Writes the test scorecard (the built-in one with a lower T-hz-a target) and returns its path.
    private func writeScorecard(in processes: ScoringProcesses) throws -> String {
        let builtIn = "\"T-hz-a\": 100000"
        let file = SharedData.packageRoot.appendingPathComponent("scorecards/default.json")
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains(builtIn), "the test lowers T-hz-a's target in the built-in scorecard")
        let path = processes.folder.appendingPathComponent("scorecard.json").path
        try text.replacingOccurrences(of: builtIn, with: "\"T-hz-a\": \(Data.teamTarget)")
            .write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    private func produceRoster(_ processes: ScoringProcesses) throws {
        try processes.produce(Data.roster, to: processes.catalogue.roster)
    }

    /// Produces the messages of `buyers`, and their orders and alerts.
    private func produceThreads(_ buyers: Set<String>, _ processes: ScoringProcesses) throws {
        let catalogue = processes.catalogue
        let partition: (String) -> Int32 = Data.partition(ofBuyer:)
        try processes.produce(try Data.messages().filter { buyers.contains($0.buyer) }, to: catalogue.chatMessages) {
            partition($0.buyer)
        }
        try processes.produce(try Data.orders().filter { buyers.contains($0.buyer) }, to: catalogue.orders) {
            partition($0.buyer)
        }
        try processes.produce(try Data.alerts().filter { buyers.contains($0.buyer) }, to: catalogue.alerts) {
            partition($0.buyer)
        }
    }

    /// Returns the partitions that process `name` was last assigned for `stage`, as its log lists them.
    private func lastAssignment(_ processes: ScoringProcesses, _ name: String, stage: String) -> String? {
        guard let line = processes.logLines(name, message: "partitions assigned", stage: stage).last,
              let field = line.split(separator: " ").first(where: { $0.hasPrefix("vigil.partitions=") })
        else { return nil }
        return String(field.dropFirst("vigil.partitions=".count))
    }

    // MARK: - One process and two

    @Test("two processes publish what one does")
    func twoProcessesMatchOne() throws {
        // One process with both stages.
        let single = try ScoringProcesses()
        let singleCard = try writeScorecard(in: single)
        try produceRoster(single)
        try single.start("single", group: "scoring-one", arguments: ["--scorecard", singleCard])
        try produceThreads(["buyer-1", "buyer-2", "buyer-3"], single)
        let singleScores = try single.settledScores(isComplete: Data.matchesExpected)
        #expect(try single.terminate("single") == 0, "SIGTERM ends the process with status 0")

        // Two processes in one group, the second joining while the first works.
        let pair = try ScoringProcesses()
        let pairCard = try writeScorecard(in: pair)
        try produceRoster(pair)
        try pair.start("first", group: "scoring-two", arguments: ["--scorecard", pairCard])
        try produceThreads(["buyer-1", "buyer-3"], pair)
        try pair.start("second", group: "scoring-two", arguments: ["--scorecard", pairCard])
        try produceThreads(["buyer-2"], pair)
        let split = try pair.wait(seconds: 60) {
            ["first", "second"].allSatisfy { name in
                ["facts", "totals"].allSatisfy { lastAssignment(pair, name, stage: $0)?.isEmpty == false }
            }
        }
        #expect(split, "each process owns partitions of both stages")
        let pairScores = try pair.settledScores { $0 == singleScores }

        for (key, figures) in Data.expected {
            #expect(singleScores[key]?.figures == figures, "\(key)")
        }
        #expect(pairScores == singleScores, "the latest score per key is the same with one process and with two")
        #expect(Set(pairScores.keys) == Set(singleScores.keys))
        #expect(try pair.terminate("first") == 0)
        #expect(try pair.terminate("second") == 0)

        // The scorecard file reached the totals stage.
        let standing = try #require(singleScores["team/T-hz-a/campaign/2026-double11"]?.campaign)
        #expect(standing.target == Data.teamTarget)
        #expect(standing.teamSales == 400)
        #expect(standing.targetMet)
        #expect(standing.leaderboard.map(\.agent) == ["A-hz-a01"])
        #expect(standing.leaderboard.map(\.rewarded) == [true])
        let other = try #require(singleScores["team/T-hf-b/campaign/2026-double11"]?.campaign)
        #expect(other.teamSales == 200)
        #expect(!other.targetMet, "T-hf-b keeps the built-in target of 80000")
        #expect(singleScores["team/T-hz-a/week/2026-11-09"]?.campaign == nil)
        #expect(singleScores["agent/A-hz-a01/day/2026-11-11"]?.scorecard?.version == "2026.12-1")
    }

    // MARK: - Handover

    @Test("handed-over partitions keep counting")
    func handoverKeepsCounting() throws {
        let processes = try ScoringProcesses()
        try produceRoster(processes)
        try processes.start("first", group: "scoring-handover")
        try processes.start("second", group: "scoring-handover")
        try produceThreads(["buyer-1", "buyer-3"], processes)
        // c-2's messages first and its order later, so the owner of c-2 publishes two revisions of it.
        try processes.produce(try Data.messages().filter { $0.buyer == "buyer-2" },
                              to: processes.catalogue.chatMessages) { Data.partition(ofBuyer: $0.buyer) }
        _ = try processes.settledScores { $0["agent/A-hz-a02/day/2026-11-11"]?.figures.conversations == 1 }
        try processes.produce(try Data.orders().filter { $0.buyer == "buyer-2" }, to: processes.catalogue.orders) {
            Data.partition(ofBuyer: $0.buyer)
        }
        try processes.produce(try Data.alerts(), to: processes.catalogue.alerts) { Data.partition(ofBuyer: $0.buyer) }
        let before = try processes.settledScores(isComplete: Data.matchesExpected)

        // Stop the owner of c-2's chat partition, so the other process reads that partition from the start.
        let partition = "\(processes.catalogue.chatMessages.name)/\(Data.partition(ofBuyer: "buyer-2"))"
        let owner = try #require(["first", "second"].first { name in
            lastAssignment(processes, name, stage: "facts")?.split(separator: ",").contains(Substring(partition)) == true
        }, "one process owns \(partition)")
        let survivor = owner == "first" ? "second" : "first"
        #expect(try processes.terminate(owner) == 0)
        let takenOver = try processes.wait(seconds: 60) {
            lastAssignment(processes, survivor, stage: "facts")?.split(separator: ",").contains(Substring(partition)) == true
        }
        #expect(takenOver, "\(survivor) is assigned \(partition)")
        let after = try processes.settledScores { $0 == before }
        #expect(after == before)

        // A reply to c-2's open round, on the partition that changed hands: 60 s after 14:03:00.
        let reply = ChatMessage(messageId: "m-12", site: "hz", shop: Data.shop, conversationId: "c-2",
                                buyer: "buyer-2", agent: "A-hz-a02", role: .agent, text: "您好",
                                sentAt: try Data.time("2026-11-11T14:04:00+08:00"))
        try processes.produce([reply], to: processes.catalogue.chatMessages) { Data.partition(ofBuyer: $0.buyer) }
        var expected = try #require(Data.expected["agent/A-hz-a02/day/2026-11-11"])
        expected.rounds = 2
        expected.unansweredRounds = 0
        expected.responseMedianSeconds = 80
        expected.responseP90Seconds = 100
        expected.repliesWithinLimit = 2
        expected.responseTimeBuckets = Data.buckets([100, 60])

        // The survivor rebuilt c-2 from the start in other batches than its old
        // owner. Revisions count the inputs a fact derives from, so its
        // revision for the reply is still above the old owner's last one.
        let updated = try processes.settledScores(seconds: 30) {
            $0["agent/A-hz-a02/day/2026-11-11"]?.figures == expected
        }
        #expect(updated["agent/A-hz-a02/day/2026-11-11"]?.figures == expected)
        #expect(try processes.terminate(survivor) == 0)
    }

    // MARK: - Shutdown

    @Test("SIGTERM stops both stages with status 0")
    func sigtermStopsBothStages() throws {
        let processes = try ScoringProcesses()
        try processes.start("scoring", group: "scoring-stop")
        let started = try processes.wait(seconds: 60) {
            ["facts", "totals"].allSatisfy { !processes.logLines("scoring", message: "service started", stage: $0).isEmpty }
        }
        #expect(started, "both stages start")

        let status = try processes.terminate("scoring")

        #expect(status == 0)
        for stage in ["facts", "totals"] {
            #expect(processes.logLines("scoring", message: "service stopped", stage: stage).count == 1, "\(stage)")
        }
    }

    @Test("failing stage stops the process with status 1")
    func failingStageStopsProcess() throws {
        // Without the scores topic the totals stage cannot start, while the facts stage can.
        let processes = try ScoringProcesses(skipping: { [$0.scores] })
        try processes.start("scoring", group: "scoring-fail")

        let status = processes.waitForExit("scoring", seconds: 60)

        #expect(status == 1)
        #expect(processes.logLines("scoring", message: "service failed", stage: "totals").count == 1)
        #expect(processes.logLines("scoring", message: "service stopped", stage: "facts").count == 1,
                "the facts stage shuts down gracefully")
    }
}

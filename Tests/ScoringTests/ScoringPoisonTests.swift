import Foundation
import Testing
import VigilContracts
import VigilKafka
import VigilRuntime
import VigilTestSupport
@testable import Scoring

/// Both scoring stages on the embedded broker, fed poison records between good ones.
@Suite("Scoring poison records", .serialized)
struct ScoringPoisonTests {
    @Test("poison inputs dead-lettered, scores still published")
    func poisonInputsDeadLettered() throws {
        let topics = try EmbeddedTopics()
        let catalogue = topics.catalogue
        try topics.produce(try ScoringFixtures.roster.map { try EmbeddedTopics.record($0, to: catalogue.roster) })

        // A message before 2000 UTC would give a fact that the totals stage rejects for good.
        let early = try ScoringFixtures.message("m-9", .customer, at: "1999-12-31T23:00:00+08:00", conversation: "c-9")
        let hugeOrder = try ScoringFixtures.order("o-1", at: "2026-11-11T10:00:00+08:00", amount: Decimal(string: "1e30") ?? 0)
        // A fact whose record key is not its subject's would split a subject between two instances.
        let misplaced = try TotalsFixtures.conversation("c-8", at: "2026-11-11T09:00:00+08:00")
        var misplacedRecord = try EmbeddedTopics.record(misplaced, to: catalogue.scoringFacts)
        misplacedRecord.key = Array("agent/someone-else".utf8)
        try topics.produce([
            try EmbeddedTopics.record(try ScoringFixtures.message("m-1", .customer, at: "2026-11-11T09:00:00+08:00"),
                                      to: catalogue.chatMessages),
            try EmbeddedTopics.record(early, to: catalogue.chatMessages),
            try EmbeddedTopics.record(hugeOrder, to: catalogue.orders),
            misplacedRecord,
            try EmbeddedTopics.record(try ScoringFixtures.message("m-2", .agent, at: "2026-11-11T09:00:30+08:00"),
                                      to: catalogue.chatMessages),
        ])

        let options = CommandLineOptions(ServiceConfiguration.options(serviceName: "vigil-scoring")
                                         + ScoringStages.options)
        let parsed = try options.parse(
            ["--bootstrap-servers", topics.broker.bootstrapServers, "--topic-prefix", catalogue.prefix,
             "--store", topics.folder.appendingPathComponent("scoring.sqlite").path, "--log-level", "critical"],
            environment: [:])
        let configuration = try ServiceConfiguration(serviceName: "vigil-scoring", options: parsed)
        nonisolated(unsafe) let stages = try ScoringStages.stages(configuration: configuration, options: parsed)
        let run = ServiceRun { shutdown in
            let failures = StageRunner.run(stages, shutdown: shutdown)
            if let first = failures.first {
                throw first.error
            }
        }
        let letters = try topics.deadLetters(count: 3)
        let key = "agent/A-hz-a01/day/2026-11-11"
        var score: Score?
        for _ in 0..<300 where score?.figures.rounds != 1 {
            score = try topics.records(of: catalogue.scores)
                .map { try EventCoding.decode(Score.self, from: $0.value) }.last { $0.recordKey == key }
            Thread.sleep(forTimeInterval: 0.2)
        }
        #expect(run.isRunning, "both stages keep running after the poison records")
        #expect(run.stop() == nil)

        #expect(letters.count == 3)
        let reasons = Dictionary(grouping: letters, by: \.source.topic)
        #expect(reasons[catalogue.chatMessages.name]?.map(\.reasonCode) == [.invalidTime])
        #expect(reasons[catalogue.orders.name]?.map(\.reasonCode) == [.invalidField])
        #expect(reasons[catalogue.scoringFacts.name]?.map(\.reasonCode) == [.invalidField])
        #expect(score?.figures.conversations == 1, "the good messages around the poison are scored")
        #expect(score?.figures.rounds == 1)
    }
}

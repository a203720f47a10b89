import Testing
import VigilContracts
import VigilKafka
import VigilRuntime

/// The reduction of a run's outputs and their comparison, on hand-made
/// records, so the crash test's rules are checked without starting the pipeline.
@Suite("Pipeline outputs")
struct PipelineOutputsTests {
    // MARK: - Records

    private static func record(id: String, value: String) -> KafkaRecord {
        KafkaRecord(topic: "vigil.alerts", partition: 0, offset: 0, key: Array("s/a".utf8), value: Array(value.utf8),
                    timestampMilliseconds: 1_000, headers: [KafkaHeader(name: EventHeaders.eventId, text: id)])
    }

    private static func fact(revision: Int, retracted: Bool = false, factId: String = "alert/a-1") throws -> KafkaRecord {
        let fact = ScoringFact(
            subject: ScoreSubject(kind: .agent, id: "A-1"), factId: factId, revision: revision, kind: .alert,
            retracted: retracted, time: Timestamp(epochMilliseconds: 1_000),
            attribution: FactAttribution(shop: "s", site: nil, vendor: nil, team: nil, agent: "A-1"))
        return KafkaRecord(topic: "vigil.scoring.facts", partition: 0, offset: 0, key: Array("agent/A-1".utf8),
                           value: try EventCoding.encode(fact), timestampMilliseconds: 1_000,
                           headers: [KafkaHeader(name: EventHeaders.eventId, text: fact.eventId)])
    }

    private static func outputs(alerts records: [KafkaRecord]) -> PipelineOutputs {
        var outputs = PipelineOutputs()
        for record in records {
            outputs.add(record, into: \.alerts)
        }
        return outputs
    }

    // MARK: - Events by id

    @Test("identical repeats are no difference")
    func repeatsIgnored() {
        let first = Self.record(id: "a-1", value: "{\"n\":1}")
        let second = Self.record(id: "a-2", value: "{\"n\":2}")

        let expected = Self.outputs(alerts: [first, second])
        let actual = Self.outputs(alerts: [first, second, first, second])

        #expect(actual.differences(from: expected).isEmpty)
    }

    @Test("a lost, an extra and a changed event are each named")
    func eachKindNamed() {
        let expected = Self.outputs(alerts: [Self.record(id: "lost", value: "{}"),
                                             Self.record(id: "changed", value: "{\"n\":1}")])
        let actual = Self.outputs(alerts: [Self.record(id: "changed", value: "{\"n\":2}"),
                                           Self.record(id: "extra", value: "{}")])

        let differences = actual.differences(from: expected)

        #expect(differences.count == 3)
        #expect(differences.contains("alerts: 1 of 2 missing: lost"))
        #expect(differences.contains("alerts: 1 not in the expected run: extra"))
        #expect(differences.contains("alerts: 1 with other content: changed"))
    }

    @Test("a repeat with other bytes is a conflict")
    func conflictingRepeat() {
        let expected = Self.outputs(alerts: [Self.record(id: "a-1", value: "{\"n\":1}")])
        let actual = Self.outputs(alerts: [Self.record(id: "a-1", value: "{\"n\":2}"),
                                           Self.record(id: "a-1", value: "{\"n\":1}")])

        let differences = actual.differences(from: expected)

        #expect(actual.conflicts == ["a-1"])
        #expect(differences == ["1 event ids republished with other bytes: a-1"])
    }

    // MARK: - Facts

    @Test("the latest revision of a fact counts, and a retraction removes it")
    func latestFacts() throws {
        var expected = PipelineOutputs()
        expected.addFacts([try Self.fact(revision: 3), try Self.fact(revision: 1, factId: "alert/a-2")])
        var actual = PipelineOutputs()
        actual.addFacts([try Self.fact(revision: 1), try Self.fact(revision: 2), try Self.fact(revision: 3),
                         try Self.fact(revision: 1, factId: "alert/a-2")])
        var retracted = PipelineOutputs()
        retracted.addFacts([try Self.fact(revision: 3), try Self.fact(revision: 1, factId: "alert/a-2"),
                            try Self.fact(revision: 2, retracted: true, factId: "alert/a-2")])

        #expect(expected.facts.count == 2)
        #expect(actual.differences(from: expected).isEmpty)
        #expect(retracted.facts.count == 1)
        #expect(retracted.differences(from: expected) == ["latest scoring facts: 1 of 2 missing: "
            + "fact/agent/A-1/alert/a-2"])
    }
}

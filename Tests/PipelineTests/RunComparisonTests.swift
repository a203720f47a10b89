import Testing
import VigilContracts
import VigilKafka
import VigilRuntime

/// The comparison of two runs on hand-made records, so its rules are checked
/// without starting the pipeline.
@Suite("Run comparison")
struct RunComparisonTests {
    // MARK: - Records

    private static func record(_ topic: String, key: String?, id: String, value: String, partition: Int32 = 0,
                               time: Int64 = 1_000, schema: String = "alert/1") -> KafkaRecord {
        KafkaRecord(topic: "vigil." + topic, partition: partition, offset: 0, key: key.map { Array($0.utf8) },
                    value: Array(value.utf8), timestampMilliseconds: time,
                    headers: [KafkaHeader(name: EventHeaders.eventId, text: id),
                              KafkaHeader(name: EventHeaders.schema, text: schema)])
    }

    private static func run(_ topics: [String: [KafkaRecord]]) -> PipelineRecords {
        PipelineRecords(topics: topics)
    }

    private static func fact(revision: Int, retracted: Bool) throws -> KafkaRecord {
        let fact = ScoringFact(
            subject: ScoreSubject(kind: .agent, id: "A-1"), factId: "alert/a-1", revision: revision, kind: .alert,
            retracted: retracted, time: Timestamp(epochMilliseconds: 1_000),
            attribution: FactAttribution(shop: "s", site: nil, vendor: nil, team: nil, agent: "A-1"))
        return KafkaRecord(topic: "vigil.scoring.facts", partition: 0, offset: 0, key: Array("agent/A-1".utf8),
                           value: try EventCoding.encode(fact), timestampMilliseconds: 1_000,
                           headers: [KafkaHeader(name: EventHeaders.eventId, text: fact.eventId)])
    }

    // MARK: - Event topics

    @Test("keys interleaved otherwise match")
    func interleavingIgnored() {
        let a1 = Self.record("alerts", key: "s/a", id: "a-1", value: "{\"n\":1}")
        let b1 = Self.record("alerts", key: "s/b", id: "b-1", value: "{\"n\":2}")
        let a2 = Self.record("alerts", key: "s/a", id: "a-2", value: "{\"n\":3}")

        let differences = RunComparison.differences(expected: Self.run(["alerts": [a1, b1, a2]]),
                                                     actual: Self.run(["alerts": [b1, a1, a2, a1]]))

        #expect(differences.isEmpty, "\(differences)")
    }

    @Test("order within a key differs")
    func orderWithinKey() {
        let a1 = Self.record("case.events", key: "s/a", id: "a-1", value: "{}")
        let a2 = Self.record("case.events", key: "s/a", id: "a-2", value: "{}")

        let differences = RunComparison.differences(expected: Self.run(["case.events": [a1, a2]]),
                                                    actual: Self.run(["case.events": [a2, a1]]))

        #expect(differences.count == 1)
        #expect(differences.first?.contains("event id a-1 in the first run, a-2 in the second") == true)
    }

    @Test("id repeated with other bytes differs")
    func conflictingRepeat() {
        let first = Self.record("alerts", key: "s/a", id: "a-1", value: "{\"severity\":\"high\"}")
        let changed = Self.record("alerts", key: "s/a", id: "a-1", value: "{\"severity\":\"low\"}")

        let differences = RunComparison.differences(expected: Self.run(["alerts": [first]]),
                                                    actual: Self.run(["alerts": [first, changed]]))

        #expect(differences.count == 1)
        #expect(differences.first?.hasPrefix("alerts conflicts") == true)
    }

    @Test("timestamp and value differences named")
    func fieldDifferences() {
        let original = Self.record("alerts", key: "s/a", id: "a-1", value: "{\"severity\":\"high\"}")
        let later = Self.record("alerts", key: "s/a", id: "a-1", value: "{\"severity\":\"high\"}", time: 2_000)
        let lower = Self.record("alerts", key: "s/a", id: "a-1", value: "{\"severity\":\"low\"}")

        let time = RunComparison.differences(expected: Self.run(["alerts": [original]]),
                                             actual: Self.run(["alerts": [later]]))
        let value = RunComparison.differences(expected: Self.run(["alerts": [original]]),
                                              actual: Self.run(["alerts": [lower]]))

        #expect(time.first?.contains("timestamp 1000 / 2000") == true, "\(time)")
        #expect(value.first?.contains("value differs at byte 13") == true, "\(value)")
    }

    @Test("dead letters ordered per service")
    func deadLettersPerService() throws {
        func letter(_ service: String) throws -> KafkaRecord {
            let letter = DeadLetter(service: service, source: DeadLetterSource(topic: "t", partition: 0, offset: 1),
                                    key: "s/a", reasonCode: .invalidField, reason: "x", payload: Array("{}".utf8),
                                    recordedAt: Timestamp(epochMilliseconds: 1_000))
            return KafkaRecord(topic: "vigil.dead-letters", partition: 0, offset: 0, key: Array("s/a".utf8),
                               value: try EventCoding.encode(letter), timestampMilliseconds: 1_000,
                               headers: [KafkaHeader(name: EventHeaders.eventId, text: letter.eventId)])
        }
        let alerting = try letter("vigil-alerting")
        let scoring = try letter("vigil-scoring")

        let differences = RunComparison.differences(expected: Self.run(["dead-letters": [alerting, scoring]]),
                                                    actual: Self.run(["dead-letters": [scoring, alerting]]))

        #expect(differences.isEmpty, "\(differences)")
    }

    // MARK: - Upserts and logs

    @Test("scores compare the latest per key")
    func latestScores() {
        let early = Self.record("scores", key: "agent/A-1/day/d", id: "score-1", value: "{\"n\":1}")
        let late = Self.record("scores", key: "agent/A-1/day/d", id: "score-2", value: "{\"n\":2}")
        let tombstone = Self.record("scores", key: "agent/A-2/day/d", id: "-", value: "")
        let gone = Self.record("scores", key: "agent/A-2/day/d", id: "score-3", value: "{\"n\":3}")

        let same = RunComparison.differences(expected: Self.run(["scores": [late]]),
                                             actual: Self.run(["scores": [early, late, gone, tombstone]]))
        let other = RunComparison.differences(expected: Self.run(["scores": [late]]),
                                              actual: Self.run(["scores": [late, early]]))

        #expect(same.isEmpty, "\(same)")
        #expect(other.count == 1)
    }

    @Test("retracted fact counts as absent")
    func retractedFact() throws {
        let kept = try Self.fact(revision: 2, retracted: false)
        let retracted = try Self.fact(revision: 3, retracted: true)

        let absent = RunComparison.differences(expected: Self.run([:]),
                                               actual: Self.run(["scoring.facts": [kept, retracted]]))
        let present = RunComparison.differences(expected: Self.run([:]),
                                                actual: Self.run(["scoring.facts": [kept]]))

        #expect(absent.isEmpty, "\(absent)")
        #expect(present == ["scoring.facts fact/agent/A-1/alert/a-1: only in the second run (\(kept.header(EventHeaders.eventId) ?? ""))"])
    }

    @Test("ingestion logs compare every record")
    func ingestionLogs() {
        let message = Self.record("chat.messages", key: "s/a", id: "m-1", value: "{}", schema: "chat-message/1")
        let clock = Self.record("chat.messages", key: nil, id: "w-1", value: "{}", schema: "watermark/1")
        let person = Self.record("roster", key: "A-1", id: "roster/A-1", value: "{}", schema: "roster-person/1")
        let republished = Self.record("roster", key: "A-1", id: "roster/A-1", value: "{}", time: 9_000,
                                      schema: "roster-person/1")

        let moved = RunComparison.differences(expected: Self.run(["chat.messages": [message, clock]]),
                                              actual: Self.run(["chat.messages": [clock, message]]))
        let roster = RunComparison.differences(expected: Self.run(["roster": [person]]),
                                               actual: Self.run(["roster": [republished]]))

        #expect(moved.count == 1, "a watermark moved within its partition")
        #expect(roster.isEmpty, "roster timestamps are the time of publication")
    }
}

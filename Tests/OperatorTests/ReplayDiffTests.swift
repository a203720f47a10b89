import Testing
import VigilContracts
@testable import Operator

private func record(_ topic: String = "case.events", id: String, key: String? = "shop-1/buyer-1", json: String,
                    at time: String = "2026-11-11T09:00:00+08:00") -> ReplayRecord {
    ReplayFixture.record(topic, id: id, key: key, json: json, at: time)
}

@Suite("Replay diff")
struct ReplayDiffTests {
    // MARK: - Outcomes

    @Test("equal bytes match")
    func equalBytes() throws {
        let comparison = ReplayDiff.compare(live: [record(id: "e1", json: #"{"a":1}"#)],
                                            replay: [record(id: "e1", json: #"{"a":1}"#)])
        let only = try #require(comparison.records.first)
        #expect(comparison.records.count == 1)
        #expect(only.outcome == .matched)
        #expect(only.fields == [])
        #expect(comparison.isClean)
    }

    @Test("JSON-equal bytes match")
    func jsonEqualBytes() throws {
        let live = record(id: "e1", json: #"{"a":1,"b":{"c":[1,2]},"d":"x"}"#)
        let replay = record(id: "e1", json: "{ \"d\": \"x\",\n \"b\": {\"c\": [1, 2]}, \"a\": 1 }")
        #expect(live.value != replay.value)

        let comparison = ReplayDiff.compare(live: [live], replay: [replay])
        #expect(comparison.records.map(\.outcome) == [.matched])
        #expect(comparison.isClean)
    }

    @Test("differing texts are shown with personal numbers masked")
    func textsMasked() throws {
        // A live entry from a version that did not mask notes, against the replay's masked one.
        let live = record(id: "e1", json: #"{"plan":"回访 15167328840","count":13812345678}"#)
        let replay = record(id: "e1", json: #"{"plan":"回访 151****8840","count":13812345678}"#)

        let comparison = ReplayDiff.compare(live: [live], replay: [replay])
        let only = try #require(comparison.records.first)
        #expect(only.fields == [ReplayFieldDifference(path: "plan", live: #""回访 151****8840""#,
                                                      replay: #""回访 151****8840""#)])
        #expect(!comparison.isClean, "the values differ even when they are shown alike")
    }

    @Test("live-only record is missing")
    func missing() throws {
        let comparison = ReplayDiff.compare(live: [record(id: "e1", json: "{}"), record(id: "e2", json: "{}")],
                                            replay: [record(id: "e1", json: "{}")])
        let missing = comparison.records(.missing)
        #expect(missing.map(\.id) == ["e2"])
        #expect(missing.first?.live?.eventId == "e2")
        #expect(missing.first?.replay == nil)
        #expect(!comparison.isClean)
    }

    @Test("replay-only record is extra")
    func extra() throws {
        let comparison = ReplayDiff.compare(live: [], replay: [record(id: "e9", json: "{}")])
        let extra = comparison.records(.extra)
        #expect(extra.map(\.id) == ["e9"])
        #expect(extra.first?.live == nil)
        #expect(extra.first?.replay?.eventId == "e9")
        #expect(!comparison.isClean)
    }

    @Test("changed value is different")
    func different() throws {
        let comparison = ReplayDiff.compare(live: [record(id: "e1", json: #"{"severity":"high","n":1}"#)],
                                            replay: [record(id: "e1", json: #"{"severity":"critical","n":1}"#)])
        let only = try #require(comparison.records.first)
        #expect(only.outcome == .different)
        #expect(only.fields == [ReplayFieldDifference(path: "severity", live: #""high""#, replay: #""critical""#)])
        #expect(!comparison.isClean)
    }

    @Test("counts per topic and outcome")
    func counts() {
        let live = [record("alerts", id: "a1", json: "1"), record("alerts", id: "a2", json: "2"),
                    record("case.events", id: "c1", json: "1"), record("case.events", id: "c2", json: "1")]
        let replay = [record("alerts", id: "a1", json: "1"), record("alerts", id: "a3", json: "3"),
                      record("case.events", id: "c1", json: "1"), record("case.events", id: "c2", json: "2")]
        let counts = ReplayDiff.compare(live: live, replay: replay).counts
        #expect(counts == [
            ReplayTopicCounts(topic: "alerts", matched: 1, missing: 1, extra: 1, different: 0),
            ReplayTopicCounts(topic: "case.events", matched: 1, missing: 0, extra: 0, different: 1),
        ])
    }

    // MARK: - Field paths

    @Test("nested paths name leaves")
    func nestedPaths() throws {
        let live = #"{"evidence":[{"ruleId":"r1","span":{"start":3,"end":5}}],"recipient":{"person":"S-1"}}"#
        let replay = #"{"evidence":[{"ruleId":"r1","span":{"start":4,"end":5}}],"recipient":{"person":"S-2"}}"#
        let comparison = ReplayDiff.compare(live: [record(id: "e1", json: live)],
                                            replay: [record(id: "e1", json: replay)])
        #expect(comparison.records.first?.fields == [
            ReplayFieldDifference(path: "evidence[0].span.start", live: "3", replay: "4"),
            ReplayFieldDifference(path: "recipient.person", live: #""S-1""#, replay: #""S-2""#),
        ])
    }

    @Test("arrays of different lengths")
    func arrayLengths() throws {
        let comparison = ReplayDiff.compare(
            live: [record(id: "e1", json: #"{"terms":["a","b"],"ctx":[{"id":1,"t":"x"}]}"#)],
            replay: [record(id: "e1", json: #"{"terms":["a","b","c"],"ctx":[]}"#)])
        #expect(comparison.records.first?.fields == [
            ReplayFieldDifference(path: "ctx[0].id", live: "1", replay: nil),
            ReplayFieldDifference(path: "ctx[0].t", live: #""x""#, replay: nil),
            ReplayFieldDifference(path: "terms[2]", live: nil, replay: #""c""#),
        ])
    }

    @Test("member present on one side")
    func memberOnOneSide() throws {
        let comparison = ReplayDiff.compare(live: [record(id: "e1", json: #"{"a":1}"#)],
                                            replay: [record(id: "e1", json: #"{"a":1,"team":{"id":"T-1"},"x":{}}"#)])
        #expect(comparison.records.first?.fields == [
            ReplayFieldDifference(path: "team.id", live: nil, replay: #""T-1""#),
            ReplayFieldDifference(path: "x", live: nil, replay: "{}"),
        ])
    }

    @Test("type change is one field")
    func typeChange() throws {
        let comparison = ReplayDiff.compare(live: [record(id: "e1", json: #"{"recipient":null}"#)],
                                            replay: [record(id: "e1", json: #"{"recipient":{"b":2,"a":1}}"#)])
        #expect(comparison.records.first?.fields == [
            ReplayFieldDifference(path: "recipient", live: "null", replay: #"{"a":1,"b":2}"#),
        ])
    }

    @Test("odd member names are quoted")
    func quotedNames() throws {
        let comparison = ReplayDiff.compare(live: [record(id: "e1", json: #"{"text":{"zh-CN":"甲","a.b":1}}"#)],
                                            replay: [record(id: "e1", json: #"{"text":{"zh-CN":"乙","a.b":2}}"#)])
        #expect(comparison.records.first?.fields.map(\.path) == [#"text["a.b"]"#, "text.zh-CN"])
    }

    @Test("key, event id and timestamp differences")
    func recordParts() throws {
        let live = record("scores", id: "score/k/1", key: "k", json: "{}", at: "2026-11-11T09:00:00+08:00")
        let replay = ReplayRecord(topic: "scores", key: "k", eventId: "score/k/2", value: Array("{}".utf8),
                                  timestamp: reportTime("2026-11-11T09:00:01+08:00"))
        let comparison = ReplayDiff.compare(live: [live], replay: [replay])
        #expect(comparison.records.first?.fields == [
            ReplayFieldDifference(path: "@eventId", live: #""score/k/1""#, replay: #""score/k/2""#),
            ReplayFieldDifference(path: "@timestamp", live: #""2026-11-11T09:00:00+08:00""#,
                                  replay: #""2026-11-11T09:00:01+08:00""#),
        ])

        let rekeyed = ReplayDiff.compare(live: [record(id: "e1", key: "a", json: "{}")],
                                         replay: [record(id: "e1", key: nil, json: "{}")])
        #expect(rekeyed.records.first?.fields == [ReplayFieldDifference(path: "@key", live: #""a""#, replay: "null")])
    }

    @Test("same instant in another offset matches timestamp")
    func timestampOffset() {
        let live = record(id: "e1", json: "{}", at: "2026-11-11T09:00:00+08:00")
        let replay = record(id: "e1", json: "{}", at: "2026-11-11T01:00:00Z")
        #expect(ReplayDiff.compare(live: [live], replay: [replay]).isClean)
    }

    @Test("non-JSON value differs as a whole")
    func nonJSON() throws {
        let comparison = ReplayDiff.compare(live: [record(id: "e1", json: "not json")],
                                            replay: [record(id: "e1", json: #"{"a":1}"#)])
        #expect(comparison.records.first?.fields == [
            ReplayFieldDifference(path: "@value", live: #""not json""#, replay: #""{\"a\":1}""#),
        ])
    }

    @Test("top-level scalar is @value")
    func topLevelScalar() throws {
        let comparison = ReplayDiff.compare(live: [record(id: "e1", json: "1")], replay: [record(id: "e1", json: "2")])
        #expect(comparison.records.first?.fields == [ReplayFieldDifference(path: "@value", live: "1", replay: "2")])
    }

    @Test("long values are shortened")
    func shortened() throws {
        let long = String(repeating: "长", count: 300)
        let comparison = ReplayDiff.compare(live: [record(id: "e1", json: #"{"snippet":"\#(long)"}"#)],
                                            replay: [record(id: "e1", json: #"{"snippet":"短"}"#)])
        let field = try #require(comparison.records.first?.fields.first)
        let live = try #require(field.live)
        #expect(live.count == ReplayDiff.maximumValueLength)
        #expect(live.hasPrefix("\"长长"))
        #expect(live.hasSuffix("…"))
        #expect(field.replay == #""短""#)
    }

    // MARK: - Repeats and upserts

    @Test("identical repeats are ignored")
    func identicalRepeats() throws {
        let event = record(id: "e1", json: #"{"a":1}"#)
        let comparison = ReplayDiff.compare(live: [event, event, record(id: "e1", json: #"{ "a": 1 }"#)],
                                            replay: [event])
        #expect(comparison.records.map(\.outcome) == [.matched])
        #expect(comparison.conflicts == [])
        #expect(comparison.isClean)
    }

    @Test("repeated id with other bytes conflicts")
    func conflictingRepeats() throws {
        let first = record(id: "e1", json: #"{"a":1}"#)
        let second = record(id: "e1", json: #"{"a":2}"#)
        let comparison = ReplayDiff.compare(live: [first, second, first], replay: [first])

        #expect(comparison.conflicts == [ReplayConflict(side: .live, topic: "case.events", eventId: "e1",
                                                        values: [first, second])])
        // The last live record is the one compared.
        #expect(comparison.records.map(\.outcome) == [.matched])
        #expect(!comparison.isClean)
    }

    @Test("replay conflicts are noted too")
    func replayConflicts() {
        let comparison = ReplayDiff.compare(
            live: [record(id: "e1", json: "1")],
            replay: [record(id: "e1", json: "1"), record(id: "e1", json: "2")])
        #expect(comparison.conflicts.map(\.side) == [.replay])
        #expect(comparison.records.map(\.outcome) == [.different])
    }

    @Test("scores compare the latest per key")
    func scoresUpsert() throws {
        let live = [record("scores", id: "score/agent/A-1/day/x/h1", key: "agent/A-1/day/x", json: #"{"n":1}"#),
                    record("scores", id: "score/agent/A-1/day/x/h2", key: "agent/A-1/day/x", json: #"{"n":2}"#)]
        let replay = [record("scores", id: "score/agent/A-1/day/x/h2", key: "agent/A-1/day/x", json: #"{"n":2}"#)]
        let comparison = ReplayDiff.compare(live: live, replay: replay)
        #expect(comparison.records.map(\.id) == ["agent/A-1/day/x"])
        #expect(comparison.records.map(\.outcome) == [.matched])
        #expect(comparison.isClean)

        let stale = ReplayDiff.compare(live: live, replay: [live[1], live[0]])
        #expect(stale.records.map(\.outcome) == [.different])
    }

    @Test("facts compare the latest revision")
    func factsUpsert() throws {
        let key = "agent/A-1"
        let live = [record("scoring.facts", id: "fact/agent/A-1/alert/a1/1", key: key, json: #"{"revision":1}"#),
                    record("scoring.facts", id: "fact/agent/A-1/alert/a1/3", key: key, json: #"{"revision":3}"#),
                    record("scoring.facts", id: "fact/agent/A-1/alert/a2/1", key: key, json: #"{"revision":1}"#)]
        let replay = [record("scoring.facts", id: "fact/agent/A-1/alert/a1/2", key: key, json: #"{"revision":2}"#),
                      record("scoring.facts", id: "fact/agent/A-1/alert/a1/3", key: key, json: #"{"revision":3}"#),
                      record("scoring.facts", id: "fact/agent/A-1/alert/a2/1", key: key, json: #"{"revision":1}"#)]
        let comparison = ReplayDiff.compare(live: live, replay: replay)
        #expect(comparison.records.map(\.id) == ["fact/agent/A-1/alert/a1", "fact/agent/A-1/alert/a2"])
        #expect(comparison.records.map(\.outcome) == [.matched, .matched])
        #expect(comparison.orderDifferences == [])
        #expect(comparison.isClean)
    }

    @Test("retracted facts count as deleted")
    func retractionsDeleted() throws {
        let key = "agent/A-1"
        func fact(_ id: String, retracted: Bool) -> ReplayRecord {
            record("scoring.facts", id: id, key: key, json: #"{"kind":"alert","retracted":\#(retracted)}"#)
        }
        // a1: retracted on both sides, at other revisions. a2: retracted live
        // only, so the replay still has it. a3: retracted live, never published
        // by the replay. a4: retracted by the replay only.
        let live = [fact("fact/agent/A-1/alert/a1/1", retracted: false),
                    fact("fact/agent/A-1/alert/a1/2", retracted: true),
                    fact("fact/agent/A-1/alert/a2/2", retracted: true),
                    fact("fact/agent/A-1/alert/a3/2", retracted: true),
                    fact("fact/agent/A-1/alert/a4/1", retracted: false)]
        let replay = [fact("fact/agent/A-1/alert/a1/4", retracted: true),
                      fact("fact/agent/A-1/alert/a2/1", retracted: false),
                      fact("fact/agent/A-1/alert/a4/2", retracted: true)]

        let comparison = ReplayDiff.compare(live: live, replay: replay)

        #expect(comparison.records.map(\.id) == ["fact/agent/A-1/alert/a2", "fact/agent/A-1/alert/a4"])
        #expect(comparison.records.map(\.outcome) == [.extra, .missing])
        #expect(ReplayDiff.isRetraction(fact("fact/s/f/1", retracted: true)))
        #expect(!ReplayDiff.isRetraction(fact("fact/s/f/1", retracted: false)))
        #expect(!ReplayDiff.isRetraction(record("case.events", id: "e1", json: #"{"retracted":true}"#)),
                "only facts are retracted")
    }

    @Test("identity of each topic")
    func identity() {
        #expect(ReplayDiff.identity(of: record("alerts", id: "a/1", json: "{}")) == "a/1")
        #expect(ReplayDiff.identity(of: record("scores", id: "score/k/h", key: "k", json: "{}")) == "k")
        #expect(ReplayDiff.identity(of: record("scoring.facts", id: "fact/s/f/12", json: "{}")) == "fact/s/f")
        #expect(ReplayDiff.identity(of: record("scoring.facts", id: "fact/s/f/x", json: "{}")) == "fact/s/f/x")
    }

    // MARK: - Order

    @Test("order per key is checked")
    func orderPerKey() {
        let e1 = record(id: "e1", key: "k", json: "1")
        let e2 = record(id: "e2", key: "k", json: "2")
        let e3 = record(id: "e3", key: "k", json: "3")
        let other = record(id: "o1", key: "other", json: "1")
        let comparison = ReplayDiff.compare(live: [e1, other, e2, e3], replay: [other, e2, e1, e3])
        #expect(comparison.records.allSatisfy { $0.outcome == .matched })
        #expect(comparison.orderDifferences == [ReplayOrderDifference(topic: "case.events", key: "k",
                                                                      live: ["e1", "e2", "e3"],
                                                                      replay: ["e2", "e1", "e3"])])
        #expect(!comparison.isClean)

        let interleaved = ReplayDiff.compare(live: [e1, other, e2], replay: [e1, e2, other])
        #expect(interleaved.isClean, "order across keys does not count")
    }

    @Test("keyless records have no order")
    func keylessOrder() {
        let d1 = record("dead-letters", id: "d1", key: nil, json: "1")
        let d2 = record("dead-letters", id: "d2", key: nil, json: "2")
        let comparison = ReplayDiff.compare(live: [d1, d2], replay: [d2, d1])
        #expect(comparison.records.map(\.outcome) == [.matched, .matched])
        #expect(comparison.orderDifferences == [])
        #expect(comparison.isClean)
    }
}

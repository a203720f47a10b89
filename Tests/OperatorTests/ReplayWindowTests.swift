import Testing
import VigilContracts
import VigilKafka
import VigilRuntime
@testable import Operator

@Suite("Replay window")
struct ReplayWindowTests {
    private let catalogue = TopicCatalogue(prefix: "window-test.")
    private var window: ReplayWindow {
        ReplayWindow(from: ReplayFixture.from, to: ReplayFixture.to, catalogue: catalogue)
    }

    /// Adds records to a selection as the replay adds outbox entries or live records.
    private func select(_ records: [(topic: TopicSpec, id: String, time: String)]) -> ReplayWindow.Selection {
        var selection = ReplayWindow.Selection()
        for (index, entry) in records.enumerated() {
            let headers = [KafkaHeader(name: EventHeaders.eventId, value: Array(entry.id.utf8))]
            window.add(topic: entry.topic.name, key: Array("agent/A-1".utf8), value: Array("{}".utf8),
                       timestampMilliseconds: reportTime(entry.time).epochMilliseconds, headers: headers,
                       position: "test/\(index)", to: &selection)
        }
        return selection
    }

    @Test("events filtered by time")
    func eventsFiltered() {
        let selection = select([(catalogue.alerts, "a-before", "2026-11-10T23:59:59+08:00"),
                                (catalogue.alerts, "a-in", "2026-11-11T09:00:00+08:00"),
                                (catalogue.alerts, "a-end", "2026-11-12T00:00:00+08:00")])
        #expect(selection.records.map(\.eventId) == ["a-in"])
        #expect(selection.records.map(\.topic) == ["alerts"])
    }

    @Test("upserts windowed after latest chosen")
    func upsertLatestFirst() {
        // The range ends mid-data: a1's latest revision lies after it, so a1
        // is out of the comparison even though revision 1 is in the range.
        let facts = catalogue.scoringFacts
        let selection = select([(facts, "fact/agent/A-1/alert/a1/1", "2026-11-11T09:00:00+08:00"),
                                (facts, "fact/agent/A-1/alert/a2/1", "2026-11-10T09:00:00+08:00"),
                                (facts, "fact/agent/A-1/alert/a3/1", "2026-11-11T08:00:00+08:00"),
                                (facts, "fact/agent/A-1/alert/a1/2", "2026-11-12T10:00:00+08:00"),
                                (facts, "fact/agent/A-1/alert/a2/2", "2026-11-11T10:00:00+08:00"),
                                (facts, "fact/agent/A-1/alert/a3/2", "2026-11-11T11:00:00+08:00"),
                                (facts, "fact/agent/A-1/alert/a3/2", "2026-11-11T11:00:00+08:00")])

        #expect(selection.records.map(\.eventId) == ["fact/agent/A-1/alert/a2/2", "fact/agent/A-1/alert/a3/2",
                                                     "fact/agent/A-1/alert/a3/2"])
        #expect(selection.records.allSatisfy { $0.topic == "scoring.facts" })
    }

    @Test("watermarks counted in the range only")
    func watermarksCounted() {
        var selection = ReplayWindow.Selection()
        let headers = [KafkaHeader(name: EventHeaders.schema, value: Array("\(Watermark.schemaName)/1".utf8))]
        for time in ["2026-11-10T09:00:00+08:00", "2026-11-11T09:00:00+08:00"] {
            window.add(topic: catalogue.alerts.name, key: nil, value: [], timestampMilliseconds:
                           reportTime(time).epochMilliseconds, headers: headers, position: "w", to: &selection)
        }
        #expect(selection.watermarks == 1)
        #expect(selection.records.isEmpty)
    }
}

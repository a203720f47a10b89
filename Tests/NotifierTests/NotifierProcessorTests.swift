import Foundation
import Testing
import VigilContracts
import VigilStore
@testable import Notifier

@Suite("Notifier processor")
struct NotifierProcessorTests {
    static let routes = """
        {"routes": [
          {"team": "T-hf-b", "kind": "dingtalk", "url": "https://example.invalid/ding?access_token=t1"},
          {"team": "T-hf-b", "kind": "wecom", "url": "https://example.invalid/wecom?key=k1", "language": "en"},
          {"default": true, "kind": "wecom", "url": "https://example.invalid/default?key=k2", "minSeverity": "high"}
        ]}
        """

    @Test("one delivery per route")
    func recordsPerRoute() throws {
        let harness = try NotifierHarness(routes: try routeTable(Self.routes))
        try harness.process(makeAlert())

        let records = try harness.log.deliveries().sorted { $0.kind < $1.kind }
        #expect(records.map(\.kind) == ["dingtalk", "wecom"])
        #expect(records.allSatisfy { $0.status == .pending })
        #expect(records.allSatisfy { $0.attempts == 0 })
        #expect(records.allSatisfy { $0.alertEventId == "alert/message/hf/m-1" })
        #expect(records.map(\.target) == ["https://example.invalid/ding?access_token=***",
                                          "https://example.invalid/wecom?key=***"])
        #expect(records.allSatisfy { $0.createdAt.epochMilliseconds == harness.clock.now })
    }

    @Test("non-notifying events skipped")
    func skipsSilentEvents() throws {
        let harness = try NotifierHarness(routes: try routeTable(Self.routes))
        try harness.process(makeAlert("alert/a/repeated/m-2", notify: false, action: .repeated))
        try harness.process(makeAlert("alert/a/closed/m-3", notify: false, action: .closed))
        #expect(try harness.log.deliveries().isEmpty)

        try harness.process(makeAlert("alert/legacy", notify: nil, action: nil))
        #expect(try harness.log.deliveries().count == 2, "events without the field notify")
    }

    @Test("repeated event id recorded once")
    func duplicateEvent() throws {
        let harness = try NotifierHarness(routes: try routeTable(Self.routes))
        try harness.process(makeAlert())
        try harness.process(makeAlert())
        #expect(try harness.log.deliveries().count == 2)
    }

    @Test("alert below route minimums skipped")
    func belowMinimum() throws {
        let harness = try NotifierHarness(routes: try routeTable(Self.routes))
        try harness.process(makeAlert(severity: .medium, team: "T-sh-a", site: "sh"))
        #expect(try harness.log.deliveries().isEmpty)
        try harness.process(makeAlert("alert/2", severity: .high, team: "T-sh-a", site: "sh"))
        #expect(try harness.log.deliveries().map(\.target) == ["https://example.invalid/default?key=***"])
    }

    @Test("body rendered in the route's language")
    func renderedLanguage() throws {
        let harness = try NotifierHarness(routes: try routeTable(Self.routes))
        try harness.process(makeAlert())
        let rows = try harness.store.database.query("SELECT kind, body FROM notify_deliveries ORDER BY kind")
        let bodies = rows.map { String(decoding: $0[1].bytes ?? [], as: UTF8.self) }
        #expect(bodies[0].contains("级别"))
        #expect(bodies[1].contains("Severity"))
    }

    @Test("numbers in an alert's texts are masked in the body")
    func bodyMasked() throws {
        let harness = try NotifierHarness(routes: try routeTable(Self.routes))
        // An alert from a producer that did not mask, with numbers written for this test.
        var alert = makeAlert(text: "顾客说：我电话15167328840，卡号6217 0012 3456 7890 122")
        alert.snippet = "打12315，身份证32010619851123017X"
        try harness.process(alert)

        let rows = try harness.store.database.query("SELECT body FROM notify_deliveries")
        let bodies = rows.map { String(decoding: $0[0].bytes ?? [], as: UTF8.self) }
        #expect(bodies.count == 2)
        for body in bodies {
            #expect(!body.contains("15167328840"))
            #expect(!body.contains("32010619851123017X"))
            #expect(!body.contains("6217 0012"))
        }
        // Markdown shows the stars full width, so they cannot open emphasis.
        #expect(bodies[0].contains("151＊＊＊＊8840"))
        #expect(bodies[0].contains("320＊＊＊＊＊＊＊＊＊＊＊017X"))
    }

    @Test("alerts past max age skipped")
    func skipsOldAlerts() throws {
        let harness = try NotifierHarness(routes: try routeTable(Self.routes))
        let hourAndASecond = Timestamp(epochMilliseconds: harness.clock.now - 3_601_000)
        try harness.process(makeAlert("alert/old", raisedAt: hourAndASecond))
        #expect(try harness.log.deliveries().isEmpty)

        let justInside = Timestamp(epochMilliseconds: harness.clock.now - 3_600_000)
        try harness.process(makeAlert("alert/recent", raisedAt: justInside))
        #expect(try harness.log.deliveries().count == 2)
    }
}

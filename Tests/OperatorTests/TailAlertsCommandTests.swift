import Testing
import VigilContracts
import VigilRuntime
@testable import Operator

/// Returns an alert event on its own thread, raised at `time` (+08:00 on 2026-11-11 when only "HH:MM" is given).
private func alert(_ id: String, at time: String, team: String? = "T1", severity: Severity = .high,
                   category: RiskCategory = .complaint, action: AlertAction = .raised, notify: Bool = true,
                   inhibitedBy: String? = nil) -> Alert {
    let text = time.count == 5 ? "2026-11-11T\(time):00+08:00" : time
    return Alert(eventId: "alert/\(id)", kind: .keyword, category: category, severity: severity,
                 matchedTerms: ["投诉"], ruleVersion: "1", shop: "shop", buyer: "buyer-\(id)", site: "hz",
                 conversationId: "c-\(id)", messageId: "m-\(id)", agent: "A-1", team: team,
                 recipient: AlertRecipient(personId: "S-01", name: "王主管", role: .supervisor),
                 raisedAt: TimestampFormat.parse(text)!, snippet: "我要投诉",
                 text: LocalizedText(chinese: "顾客 \(id) 要投诉", english: "customer \(id) will complain"),
                 alertId: "alert/\(id)", action: action, notify: notify, inhibitedBy: inhibitedBy)
}

private func parse(_ arguments: [String]) throws -> ParsedOptions {
    try CommandLineOptions(TailAlertsCommand.options).parse(arguments, environment: [:])
}

/// Polls until `count` events arrived, then a little longer to catch any extra one.
private func collect(_ tail: AlertTail, count: Int) throws -> [Alert] {
    var alerts: [Alert] = []
    let deadline = ContinuousClock.now + .seconds(20)
    while alerts.count < count, ContinuousClock.now < deadline {
        alerts += try tail.poll(timeoutMilliseconds: 200)
    }
    let settle = ContinuousClock.now + .milliseconds(800)
    while ContinuousClock.now < settle {
        alerts += try tail.poll(timeoutMilliseconds: 100)
    }
    return alerts
}

@Suite("Alert filter")
struct AlertFilterTests {
    @Test("team filter")
    func team() throws {
        let filter = try AlertFilter(options: parse(["--team", "T1,T3"]))
        #expect(filter.admits(alert("a", at: "09:00", team: "T1")))
        #expect(filter.admits(alert("b", at: "09:00", team: "T3")))
        #expect(!filter.admits(alert("c", at: "09:00", team: "T2")))
        #expect(!filter.admits(alert("d", at: "09:00", team: nil)), "an alert without a team fails a team filter")
    }

    @Test("severity is a threshold")
    func severityThreshold() throws {
        let filter = try AlertFilter(options: parse(["--severity", "high"]))
        #expect(filter.admits(alert("a", at: "09:00", severity: .critical)))
        #expect(filter.admits(alert("b", at: "09:00", severity: .high)))
        #expect(!filter.admits(alert("c", at: "09:00", severity: .medium)))
        #expect(!filter.admits(alert("d", at: "09:00", severity: .low)))
    }

    @Test("category filter")
    func category() throws {
        let filter = try AlertFilter(options: parse(["--category", "regulator", "--category", "reply-timeout"]))
        #expect(filter.admits(alert("a", at: "09:00", category: .regulator)))
        #expect(filter.admits(alert("b", at: "09:00", category: .replyTimeout)))
        #expect(!filter.admits(alert("c", at: "09:00", category: .complaint)))
    }

    @Test("only notifying events unless --all")
    func silentEvents() throws {
        let silent = [
            alert("r", at: "09:00", action: .repeated, notify: false),
            alert("c", at: "09:00", action: .closed, notify: false),
            alert("i", at: "09:00", notify: false, inhibitedBy: "alert/x"),
        ]
        let notifying = try AlertFilter(options: parse([]))
        #expect(silent.allSatisfy { !notifying.admits($0) })
        #expect(notifying.admits(alert("e", at: "09:00", action: .escalated)))
        let all = try AlertFilter(options: parse(["--all"]))
        #expect(silent.allSatisfy { all.admits($0) })
    }

    @Test("unknown values are usage errors")
    func unknownValues() {
        #expect(throws: UsageError.self) { try AlertFilter(options: parse(["--severity", "urgent"])) }
        #expect(throws: UsageError.self) { try AlertFilter(options: parse(["--category", "regulater"])) }
    }
}

@Suite("Tail start time")
struct TailStartTests {
    @Test("time with an offset")
    func withOffset() throws {
        #expect(try TailStart.parseTime("2026-11-11T09:00+08:00") == TimestampFormat.parse("2026-11-11T01:00:00Z"))
        #expect(try TailStart.parseTime("2026-11-11T01:00Z") == TimestampFormat.parse("2026-11-11T09:00:00+08:00"))
    }

    @Test("time without offset rejected")
    func withoutOffset() {
        do {
            _ = try TailStart.parseTime("2026-11-11T09:00")
            Issue.record("a time without an offset was not rejected")
        } catch {
            #expect(String(describing: error).contains("has no UTC offset"))
            #expect(String(describing: error).contains("2026-11-11T09:00+08:00"))
        }
        #expect(throws: UsageError.self) { try TailStart.parseTime("yesterday") }
    }
}

@Suite("Alert line")
struct AlertLineTests {
    @Test("Chinese line at +08:00")
    func chinese() {
        let line = AlertLine.format(alert("a", at: "09:00", severity: .critical, category: .regulator),
                                    language: .chinese, utcOffsetSeconds: 8 * 3600)
        #expect(line == "2026-11-11 09:00:00  [严重]  监管  新预警  → 王主管（主管 S-01）  顾客 a 要投诉")
    }

    @Test("English line in another zone, with marks")
    func englishWithMarks() {
        let repeated = alert("b", at: "09:00", action: .repeated, notify: false)
        #expect(AlertLine.format(repeated, language: .english, utcOffsetSeconds: 0)
            == "2026-11-11 01:00:00  [HIGH]  complaint  repeated  → 王主管 (supervisor S-01)  [silent]  customer b will complain")
        let inhibited = alert("c", at: "09:00", notify: false, inhibitedBy: "alert/x")
        #expect(AlertLine.format(inhibited, language: .english, utcOffsetSeconds: 0).contains("[inhibited]"))
    }

    @Test("control characters cannot reach the terminal")
    func controlCharacters() {
        var event = alert("d", at: "09:00")
        event.text = LocalizedText(chinese: "第一行\n\u{1B}[2J第二行", english: "x")
        let line = AlertLine.format(event, language: .chinese, utcOffsetSeconds: 8 * 3600)
        #expect(!line.contains("\n"))
        #expect(!line.unicodeScalars.contains("\u{1B}"))
    }
}

@Suite("vigil tail alerts", .serialized)
struct TailAlertsCommandTests {
    @Test("commands are registered")
    func registered() {
        let names = OperatorCommand.subcommands.map { $0.name }
        #expect(names.contains("tail alerts"))
        #expect(names.contains("alerts watch"))
    }

    @Test("starts at the end and filters")
    func filtersNewAlerts() throws {
        let harness = try OperatorHarness()
        try harness.produce([alert("old", at: "08:00")], to: harness.catalogue.alerts)
        let context = try harness.context(TailAlertsCommand.self)
        let options = try harness.options(TailAlertsCommand.self, ["--team", "T1", "--severity", "high"])
        let (tail, zone) = try TailAlertsCommand.makeTail(options, context: context)
        #expect(zone == 8 * 3600)

        try harness.produce([
            alert("keep", at: "09:00"),
            alert("other-team", at: "09:01", team: "T2"),
            alert("medium", at: "09:02", severity: .medium),
            alert("critical", at: "09:03", severity: .critical, category: .regulator),
            alert("repeat", at: "09:04", action: .repeated, notify: false),
        ], to: harness.catalogue.alerts)

        let shown = try collect(tail, count: 2)
        #expect(Set(shown.map(\.eventId)) == ["alert/keep", "alert/critical"])
    }

    @Test("--all shows silent events")
    func allEvents() throws {
        let harness = try OperatorHarness()
        let context = try harness.context(TailAlertsCommand.self)
        let (tail, _) = try TailAlertsCommand.makeTail(try harness.options(TailAlertsCommand.self, ["--all"]),
                                                       context: context)
        try harness.produce([
            alert("raised", at: "09:00"),
            alert("repeat", at: "09:01", action: .repeated, notify: false),
            alert("closed", at: "09:02", action: .closed, notify: false),
        ], to: harness.catalogue.alerts, partition: 0)
        #expect(try collect(tail, count: 3).map(\.eventId) == ["alert/raised", "alert/repeat", "alert/closed"])
    }

    @Test("--from starts at a time")
    func fromTime() throws {
        let harness = try OperatorHarness()
        let alerts = harness.catalogue.alerts
        try harness.produce([alert("early", at: "08:59"), alert("later", at: "10:30")], to: alerts, partition: 0)
        try harness.produce([alert("on-time", at: "09:00")], to: alerts, partition: 1)
        try harness.produce([alert("late-utc", at: "2026-11-11T03:00:00Z")], to: alerts, partition: 3)
        let context = try harness.context(TailAlertsCommand.self)

        let options = try harness.options(TailAlertsCommand.self, ["--from", "2026-11-11T09:00+08:00"])
        let (tail, _) = try TailAlertsCommand.makeTail(options, context: context)
        #expect(try collect(tail, count: 3).map(\.eventId) == ["alert/on-time", "alert/later", "alert/late-utc"])

        let withoutZone = try harness.options(TailAlertsCommand.self, ["--from", "2026-11-11T09:00"])
        #expect(throws: UsageError.self) { _ = try TailAlertsCommand.makeTail(withoutZone, context: context) }
    }

    @Test("history merged in time order")
    func timeOrderAcrossPartitions() throws {
        let harness = try OperatorHarness()
        let alerts = harness.catalogue.alerts
        try harness.produce([alert("p0-a", at: "09:00"), alert("p0-b", at: "09:03"), alert("p0-c", at: "09:06")],
                            to: alerts, partition: 0)
        // The last record repeats an event already on the topic; it shows once.
        try harness.produce([alert("p1-a", at: "09:01"), alert("p1-b", at: "09:04"), alert("p1-a", at: "09:01")],
                            to: alerts, partition: 1)
        try harness.produce([alert("p2-a", at: "09:02"), alert("p2-b", at: "09:05")], to: alerts, partition: 2)
        // Out of time order within partition 7: offset order wins inside a partition.
        try harness.produce([alert("p7-a", at: "09:10"), alert("p7-b", at: "09:07")], to: alerts, partition: 7)
        let context = try harness.context(TailAlertsCommand.self)
        let options = try harness.options(TailAlertsCommand.self, ["--from", "2026-11-11T08:00+08:00"])
        let (tail, _) = try TailAlertsCommand.makeTail(options, context: context)

        let shown = try collect(tail, count: 9).map(\.eventId)

        #expect(shown == ["alert/p0-a", "alert/p1-a", "alert/p2-a", "alert/p0-b", "alert/p1-b", "alert/p2-b",
                          "alert/p0-c", "alert/p7-a", "alert/p7-b"])
    }

    @Test("skips watermarks in history and live")
    func skipsWatermarks() throws {
        let harness = try OperatorHarness()
        let alerts = harness.catalogue.alerts
        func watermark(at time: String, partition: Int32) throws -> Watermark {
            Watermark(source: "vigil-ingest/hz", topic: alerts.name, partition: partition,
                      time: try #require(TimestampFormat.parse("2026-11-11T\(time):00+08:00")))
        }
        try harness.produce([alert("p0-a", at: "09:00")], to: alerts, partition: 0)
        try harness.produce([try watermark(at: "09:05", partition: 0)], to: alerts, partition: 0)
        try harness.produce([try watermark(at: "09:05", partition: 1)], to: alerts, partition: 1)
        let context = try harness.context(TailAlertsCommand.self)
        let options = try harness.options(TailAlertsCommand.self, ["--all", "--from", "2026-11-11T08:00+08:00"])
        let (tail, _) = try TailAlertsCommand.makeTail(options, context: context)

        #expect(try collect(tail, count: 1).map(\.eventId) == ["alert/p0-a"], "history")

        try harness.produce([try watermark(at: "09:10", partition: 0)], to: alerts, partition: 0)
        try harness.produce([alert("p0-b", at: "09:11")], to: alerts, partition: 0)
        #expect(try collect(tail, count: 1).map(\.eventId) == ["alert/p0-b"], "live")
    }

    @Test("watch group commits progress")
    func aliasCommitsToGroup() throws {
        let harness = try OperatorHarness()
        try harness.produce([alert("a", at: "09:00"), alert("b", at: "09:01")], to: harness.catalogue.alerts)
        let context = try harness.context(AlertsWatchCommand.self)
        let options = try harness.options(AlertsWatchCommand.self, ["--group", "console", "--from-beginning"])
        let (tail, _) = try TailAlertsCommand.makeTail(options, context: context, group: options.value("group"),
                                                       fromBeginning: options.flag("from-beginning"))
        #expect(try collect(tail, count: 2).count == 2)

        var lag: Int64 = -1
        let deadline = ContinuousClock.now + .seconds(10)
        while lag != 0, ContinuousClock.now < deadline {
            _ = try tail.poll(timeoutMilliseconds: 100)
            lag = try LagCommand.measure([("console", [harness.catalogue.alerts.name])], context: context)["console"] ?? -1
        }
        #expect(lag == 0)
    }
}

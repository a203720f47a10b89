import Testing
import VigilContracts
@testable import Operator

private let beijing: Int32 = 8 * 3600

@Suite("Report period")
struct ReportPeriodTests {
    @Test("day edges at +08:00")
    func dayEdges() {
        let late = ReportPeriod.containing(reportTime("2026-11-11T23:59:59+08:00"), kind: .day, utcOffsetSeconds: beijing)
        let midnight = ReportPeriod.containing(reportTime("2026-11-12T00:00:00+08:00"), kind: .day, utcOffsetSeconds: beijing)
        #expect(late.start == reportTime("2026-11-11T00:00:00+08:00"))
        #expect(late.end == reportTime("2026-11-12T00:00:00+08:00"))
        #expect(late.label == "2026-11-11")
        #expect(midnight.label == "2026-11-12")
        #expect(!late.contains(reportTime("2026-11-12T00:00:00+08:00")))
        #expect(late.contains(reportTime("2026-11-11T23:59:59.999+08:00")))
        #expect(midnight.previous == late)
    }

    @Test("ISO week starts Monday")
    func week() {
        let week = ReportPeriod.containing(reportTime("2026-11-11T12:00:00+08:00"), kind: .week, utcOffsetSeconds: beijing)
        #expect(week.start == reportTime("2026-11-09T00:00:00+08:00"))
        #expect(week.end == reportTime("2026-11-16T00:00:00+08:00"))
        #expect(week.label == "2026-W46")
        #expect(week.days == ("2026-11-09", "2026-11-15") as (String, String))
        #expect(week.previous.label == "2026-W45")
        #expect(week.previous.start == reportTime("2026-11-02T00:00:00+08:00"))
        // Sunday 16:00 UTC is already Monday in Beijing.
        let monday = ReportPeriod.containing(reportTime("2026-11-15T16:00:00Z"), kind: .week, utcOffsetSeconds: beijing)
        #expect(monday.label == "2026-W47")
    }

    @Test("ISO week across new year")
    func weekAcrossYear() {
        let week = ReportPeriod.containing(reportTime("2027-01-01T09:00:00+08:00"), kind: .week, utcOffsetSeconds: beijing)
        #expect(week.label == "2026-W53")
        #expect(week.start == reportTime("2026-12-28T00:00:00+08:00"))
        let first = ReportPeriod.containing(reportTime("2027-01-04T09:00:00+08:00"), kind: .week, utcOffsetSeconds: beijing)
        #expect(first.label == "2027-W01")
    }

    @Test("month and previous month")
    func month() {
        let december = ReportPeriod.containing(reportTime("2026-12-31T23:59:59+08:00"), kind: .month, utcOffsetSeconds: beijing)
        #expect(december.label == "2026-12")
        #expect(december.start == reportTime("2026-12-01T00:00:00+08:00"))
        #expect(december.end == reportTime("2027-01-01T00:00:00+08:00"))
        #expect(december.previous.label == "2026-11")
        #expect(december.previous.start == reportTime("2026-11-01T00:00:00+08:00"))
        let march = ReportPeriod.containing(reportTime("2028-03-01T00:00:00+08:00"), kind: .month, utcOffsetSeconds: beijing)
        #expect(march.previous.start == reportTime("2028-02-01T00:00:00+08:00"))
        #expect(march.previous.days.last == "2028-02-29")
    }
}

@Suite("Escalation report")
struct EscalationReportTests {
    @Test("week figures")
    func weekFigures() {
        let report = EscalationReport(events: EscalationFixture.events, period: EscalationFixture.week46)
        let figures = report.current
        #expect(figures.opened == 5)
        #expect(figures.reopened == 1)
        #expect(figures.acknowledgedInTime == 4)
        #expect(figures.acknowledgedLate == 1)
        #expect(figures.unacknowledged == 1)
        #expect(figures.acknowledgedInTimeShare == 4.0 / 6.0)
        #expect(figures.medianAcknowledgeMinutes == 20)
        #expect(figures.count(.hotline12315) == 1)
        #expect(figures.count(.marketRegulator) == 1)
        #expect(figures.count(.consumerAssociation) == 1)
        #expect(figures.count(.platform) == 1)
        #expect(figures.count(.recordedPlatform) == 1, "B only: D's escalate command repeats its platform complaint")
        #expect(figures.count(.recordedRegulator) == 1)
        #expect(figures.regulatorEscalations == 4)
        #expect(figures.platformEscalations == 2)
    }

    @Test("previous week figures")
    func previousFigures() {
        let report = EscalationReport(events: EscalationFixture.events, period: EscalationFixture.week46)
        #expect(report.previousPeriod.label == "2026-W45")
        let figures = report.previous
        #expect(figures.opened == 2)
        #expect(figures.reopened == 0)
        #expect(figures.acknowledgedInTime == 1)
        #expect(figures.unacknowledged == 1)
        #expect(figures.acknowledgedInTimeShare == 0.5)
        #expect(figures.medianAcknowledgeMinutes == 5)
        #expect(figures.escalations == [.hotline12315: 1])
        #expect(report.regulatorGrowthWarning, "4 regulator escalations against 1")
    }

    @Test("regulator cases and responsibility")
    func regulatorCases() throws {
        let report = EscalationReport(events: EscalationFixture.events, period: EscalationFixture.week46)
        #expect(report.regulatorCases.map(\.caseId) == ["case-g", "case-a", "case-b", "case-c"])

        let g = report.regulatorCases[0]
        #expect(g.channels == [.consumerAssociation])
        #expect(g.cause == .slowResponse)
        #expect(g.primary == [EscalationFixture.agentG])
        #expect(g.joint == [EscalationFixture.supervisorG])
        #expect(!g.reviewed)
        #expect(g.rectification == .overdue)
        #expect(g.rectificationDueAt == reportTime("2026-11-10T12:00:00+08:00"))

        let a = report.regulatorCases[1]
        #expect(a.vendor == "V1")
        #expect(a.site == "hz")
        #expect(a.team == "T1")
        #expect(a.agent == "A-1")
        #expect(a.reachedAt == reportTime("2026-11-11T10:00:00+08:00"))
        #expect(a.channels == [.hotline12315])
        #expect(a.cause == .unprofessional)
        #expect(a.primary == [EscalationFixture.agentA])
        #expect(a.joint == [EscalationFixture.supervisorA, EscalationFixture.managerA])
        #expect(a.reviewed)
        #expect(a.rectification == .submitted)
        #expect(a.rectificationDueAt == reportTime("2026-11-19T10:00:00+08:00"))

        let b = report.regulatorCases[2]
        #expect(b.channels == [.recordedRegulator])
        #expect(b.cause == nil)
        #expect(b.primary.isEmpty)
        #expect(b.rectification == nil)

        let c = report.regulatorCases[3]
        #expect(c.channels == [.marketRegulator])
        #expect(c.cause == .product)
        #expect(c.rectification == nil, "a product cause requires no rectification")

        #expect(report.rectifications == [.submitted: 1, .overdue: 1])
    }

    @Test("vendor filter")
    func vendorFilter() {
        let report = EscalationReport(events: EscalationFixture.events, period: EscalationFixture.week46, vendor: "V2")
        #expect(report.current.opened == 2)
        #expect(report.current.reopened == 0)
        #expect(report.current.regulatorEscalations == 2)
        #expect(report.regulatorCases.map(\.caseId) == ["case-g", "case-c"])
        #expect(report.previous.opened == 0)
        #expect(report.regulatorGrowthWarning, "0 → 2 warns")
        let none = EscalationReport(events: EscalationFixture.events, period: EscalationFixture.week46, vendor: "V9")
        #expect(none.current == EscalationFigures())
        #expect(none.regulatorCases.isEmpty)
    }

    @Test("day edge at midnight")
    func dayEdge() {
        var late = CaseTimeline("case-late", vendor: "V1", site: "hz", team: "T1", agent: "A-1")
        late.open(at: "2026-11-11T23:59:59+08:00", due: "2026-11-12T00:29:59+08:00")
        late.complain(.hotline12315, at: "2026-11-11T23:59:59+08:00")
        var early = CaseTimeline("case-early", vendor: "V1", site: "hz", team: "T1", agent: "A-1")
        early.open(at: "2026-11-12T00:00:00+08:00", due: "2026-11-12T00:30:00+08:00")
        let events = late.events + early.events

        let eleventh = ReportPeriod.containing(reportTime("2026-11-11T08:00:00+08:00"), kind: .day, utcOffsetSeconds: beijing)
        let twelfth = ReportPeriod.containing(reportTime("2026-11-12T08:00:00+08:00"), kind: .day, utcOffsetSeconds: beijing)
        let first = EscalationReport(events: events, period: eleventh)
        let second = EscalationReport(events: events, period: twelfth)
        #expect(first.current.opened == 1)
        #expect(first.regulatorCases.map(\.caseId) == ["case-late"])
        #expect(second.current.opened == 1)
        #expect(second.previous.opened == 1)
        #expect(second.regulatorCases.isEmpty)

        // Both fall on 11 November in UTC.
        let utc = ReportPeriod.containing(reportTime("2026-11-11T08:00:00Z"), kind: .day, utcOffsetSeconds: 0)
        #expect(EscalationReport(events: events, period: utc).current.opened == 2)
    }

    @Test("acknowledgement at its deadline is late")
    func acknowledgedAtDeadline() {
        var timeline = CaseTimeline("case-due", vendor: "V1", site: "hz", team: "T1", agent: "A-1")
        timeline.open(at: "2026-11-11T09:00:00+08:00", due: "2026-11-11T09:30:00+08:00")
        timeline.acknowledge(at: "2026-11-11T09:30:00+08:00")
        let day = ReportPeriod.containing(reportTime("2026-11-11T09:00:00+08:00"), kind: .day, utcOffsetSeconds: beijing)
        let figures = EscalationReport(events: timeline.events, period: day).current
        #expect(figures.acknowledgedInTime == 0)
        #expect(figures.acknowledgedLate == 1)
        #expect(figures.medianAcknowledgeMinutes == 30)
    }

    @Test("growth warning on and off")
    func growthWarning() {
        #expect(EscalationReport.isRegulatorGrowth(current: 3, previous: 2))
        #expect(!EscalationReport.isRegulatorGrowth(current: 2, previous: 2))
        #expect(!EscalationReport.isRegulatorGrowth(current: 4, previous: 3))
        #expect(EscalationReport.isRegulatorGrowth(current: 2, previous: 0))
        #expect(!EscalationReport.isRegulatorGrowth(current: 1, previous: 0))
        #expect(!EscalationReport.isRegulatorGrowth(current: 0, previous: 0))

        // 11 November: A's 12315 complaint; 10 November: only D's platform complaint.
        let day = ReportPeriod.containing(reportTime("2026-11-11T12:00:00+08:00"), kind: .day, utcOffsetSeconds: beijing)
        let report = EscalationReport(events: EscalationFixture.events, period: day)
        #expect(report.current.regulatorEscalations == 1)
        #expect(report.previous.regulatorEscalations == 0)
        #expect(!report.regulatorGrowthWarning)
        #expect(report.document(in: .chinese).warnings.isEmpty)
    }

    @Test("month compares with previous month")
    func month() {
        let november = ReportPeriod.containing(reportTime("2026-11-20T12:00:00+08:00"), kind: .month, utcOffsetSeconds: beijing)
        let report = EscalationReport(events: EscalationFixture.events, period: november)
        #expect(report.current.opened == 8, "every opened entry of the fixture is in November")
        #expect(report.current.regulatorEscalations == 5)
        #expect(report.previous == EscalationFigures())
        #expect(report.regulatorGrowthWarning)
    }
}

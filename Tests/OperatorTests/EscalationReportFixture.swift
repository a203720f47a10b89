import Testing
import VigilContracts
@testable import Operator

/// Parses a test time; every literal in these tests carries its offset.
func reportTime(_ text: String) -> Timestamp {
    guard let parsed = TimestampFormat.parse(text) else {
        preconditionFailure("invalid test time \(text)")
    }
    return parsed
}

/// Builds one case's timeline entry by entry, with the scope on every entry as the escalation service writes it.
struct CaseTimeline {
    let caseId: String
    let vendor: String
    let site: String
    let team: String
    let agent: String
    private(set) var events: [CaseEvent] = []

    init(_ caseId: String, vendor: String, site: String, team: String, agent: String) {
        self.caseId = caseId
        self.vendor = vendor
        self.site = site
        self.team = team
        self.agent = agent
    }

    /// Appends an entry at `at` (ISO 8601 with offset), letting `fill` set the type's own fields.
    mutating func add(_ type: CaseEventType, at: String, fill: (inout CaseEvent) -> Void = { _ in }) {
        var event = CaseEvent(eventId: "case/\(caseId)/\(type.rawValue)/\(events.count)", caseId: caseId, type: type,
                              shop: "shop-\(caseId)", buyer: "buyer-\(caseId)", conversationId: "conv-\(caseId)",
                              agent: agent, alertId: nil, complaintId: nil, complaintChannel: nil,
                              occurredAt: reportTime(at), text: LocalizedText(chinese: "条目", english: "entry"))
        event.vendor = vendor
        event.site = site
        event.team = team
        fill(&event)
        events.append(event)
    }

    mutating func open(at: String, due: String, reopen: Bool = false) {
        let alertId = "alert/\(caseId)/\(at)"
        add(reopen ? .reopened : .opened, at: at) {
            $0.alertId = alertId
            $0.state = .open
            $0.deadline = .acknowledge
            $0.dueAt = reportTime(due)
        }
    }

    mutating func acknowledge(at: String, by actor: String = "S-01") {
        add(.acknowledged, at: at) {
            $0.actor = actor
            $0.acknowledgedAt = reportTime(at)
            $0.state = .acknowledged
            $0.deadline = .followUp
        }
    }

    mutating func complain(_ channel: ComplaintChannel, at: String) {
        let complaintId = "complaint-\(caseId)-\(channel.rawValue)"
        add(.complaintLinked, at: at) {
            $0.complaintId = complaintId
            $0.complaintChannel = channel
            $0.state = channel.isRegulator ? .escalatedRegulator : .escalatedPlatform
        }
    }

    mutating func escalate(_ target: EscalationTarget, at: String) {
        add(.escalated, at: at) {
            $0.actor = "S-01"
            $0.escalateTo = target
            $0.state = target == .regulator ? .escalatedRegulator : .escalatedPlatform
        }
    }

    mutating func classify(_ cause: CaseCause, at: String, people: [CaseResponsibility] = [], due: String? = nil) {
        add(.classified, at: at) {
            $0.actor = "M-01"
            $0.cause = cause
            if !people.isEmpty {
                $0.responsibilities = people
            }
            if let due {
                $0.deadline = .rectification
                $0.dueAt = reportTime(due)
                $0.rectification = .required
            }
        }
    }
}

/// Cases of ISO weeks 2026-W45 (previous) and W46 (2026-11-09 to 11-15) at +08:00, whose
/// figures the report tests check one by one.
///
/// Week 46: opened A, B, C, E, G (E in its last second); D reopened; F opens in the
/// first second of week 47. Acknowledged in time: A (10 min), C (10), D (20), G (20);
/// late: B (50, after a missed step); not acknowledged: E. Escalations: A 12315,
/// C market regulator, G consumer association, D platform complaint (its later
/// escalate command counts once, as the complaint), B recorded platform and
/// recorded regulator. Week 45: P and D opened, D acknowledged in 5 minutes,
/// P's 12315 complaint.
enum EscalationFixture {
    static let agentA = CaseResponsibility(personId: "A-1", name: "王小林", role: .agent, level: .primary)
    static let supervisorA = CaseResponsibility(personId: "S-01", name: "李主管", role: .supervisor, level: .joint)
    static let managerA = CaseResponsibility(personId: "M-01", name: "张经理", role: .manager, level: .joint)
    static let agentG = CaseResponsibility(personId: "A-4", name: "赵四", role: .agent, level: .primary)
    static let supervisorG = CaseResponsibility(personId: "S-03", name: "钱主管", role: .supervisor, level: .joint)

    static var events: [CaseEvent] {
        var a = CaseTimeline("case-a", vendor: "V1", site: "hz", team: "T1", agent: "A-1")
        a.open(at: "2026-11-10T09:00:00+08:00", due: "2026-11-10T09:30:00+08:00")
        a.acknowledge(at: "2026-11-10T09:10:00+08:00")
        a.complain(.hotline12315, at: "2026-11-11T10:00:00+08:00")
        a.add(.commandRejected, at: "2026-11-11T11:00:00+08:00") {
            $0.action = .escalate
            $0.escalateTo = .regulator
        }
        a.classify(.unprofessional, at: "2026-11-12T10:00:00+08:00", people: [agentA, supervisorA, managerA],
                   due: "2026-11-19T10:00:00+08:00")
        a.add(.reviewed, at: "2026-11-12T11:00:00+08:00") {
            $0.review = CaseReview(summary: "未按话术安抚", steps: ["首次回复超时"], trainingActions: ["话术培训"])
        }
        a.add(.planSubmitted, at: "2026-11-13T10:00:00+08:00") {
            $0.rectification = .submitted
            $0.plan = "全员培训"
            $0.dueAt = reportTime("2026-11-30T18:00:00+08:00")
        }

        var b = CaseTimeline("case-b", vendor: "V1", site: "sh", team: "T2", agent: "A-2")
        b.open(at: "2026-11-11T12:00:00+08:00", due: "2026-11-11T12:30:00+08:00")
        b.add(.deadlineMissed, at: "2026-11-11T12:30:00+08:00") {
            $0.deadline = .acknowledge
            $0.chainStep = 1
            $0.dueAt = reportTime("2026-11-11T12:30:00+08:00")
        }
        b.acknowledge(at: "2026-11-11T12:50:00+08:00")
        b.escalate(.platform, at: "2026-11-12T09:00:00+08:00")
        b.escalate(.regulator, at: "2026-11-13T09:00:00+08:00")

        var c = CaseTimeline("case-c", vendor: "V2", site: "gz", team: "T3", agent: "A-3")
        c.open(at: "2026-11-14T08:00:00+08:00", due: "2026-11-14T08:15:00+08:00")
        c.acknowledge(at: "2026-11-14T08:10:00+08:00")
        c.complain(.marketRegulator, at: "2026-11-14T09:00:00+08:00")
        c.classify(.product, at: "2026-11-14T12:00:00+08:00")

        var d = CaseTimeline("case-d", vendor: "V1", site: "hz", team: "T1", agent: "A-1")
        d.open(at: "2026-11-05T10:00:00+08:00", due: "2026-11-05T10:30:00+08:00")
        d.acknowledge(at: "2026-11-05T10:05:00+08:00")
        d.add(.resolved, at: "2026-11-06T10:00:00+08:00") { $0.state = .resolved }
        d.open(at: "2026-11-10T15:00:00+08:00", due: "2026-11-10T15:30:00+08:00", reopen: true)
        d.complain(.platform, at: "2026-11-10T15:00:00+08:00")
        d.acknowledge(at: "2026-11-10T15:20:00+08:00")
        d.escalate(.platform, at: "2026-11-10T16:00:00+08:00")

        var e = CaseTimeline("case-e", vendor: "V1", site: "hz", team: "T1", agent: "A-1")
        e.open(at: "2026-11-15T23:59:59+08:00", due: "2026-11-16T00:29:59+08:00")

        var f = CaseTimeline("case-f", vendor: "V1", site: "hz", team: "T1", agent: "A-1")
        f.open(at: "2026-11-16T00:00:00+08:00", due: "2026-11-16T00:30:00+08:00")

        var g = CaseTimeline("case-g", vendor: "V2", site: "gz", team: "T3", agent: "A-4")
        g.open(at: "2026-11-09T00:00:00+08:00", due: "2026-11-09T00:30:00+08:00")
        g.acknowledge(at: "2026-11-09T00:20:00+08:00", by: "S-03")
        g.complain(.consumerAssociation, at: "2026-11-09T10:00:00+08:00")
        g.classify(.slowResponse, at: "2026-11-09T12:00:00+08:00", people: [agentG, supervisorG],
                   due: "2026-11-10T12:00:00+08:00")
        g.add(.rectificationOverdue, at: "2026-11-10T12:00:00+08:00") {
            $0.deadline = .rectification
            $0.rectification = .overdue
        }

        var p = CaseTimeline("case-p", vendor: "V1", site: "sh", team: "T2", agent: "A-2")
        p.open(at: "2026-11-03T09:00:00+08:00", due: "2026-11-03T09:30:00+08:00")
        p.complain(.hotline12315, at: "2026-11-03T10:00:00+08:00")

        return [a, b, c, d, e, f, g, p].flatMap(\.events)
    }

    /// The week under test: 2026-W46 at +08:00.
    static var week46: ReportPeriod {
        ReportPeriod.containing(reportTime("2026-11-11T12:00:00+08:00"), kind: .week, utcOffsetSeconds: 8 * 3600)
    }
}

import Testing
import VigilContracts
@testable import Scoring

@Suite("CaseFacts")
struct CaseFactsTests {
    private typealias F = ScoringFixtures

    private func fold(_ entries: [CaseEvent]) throws -> CaseFile {
        try #require(CaseFile.fold(entries).first)
    }

    private func responsibilities() -> [CaseResponsibility] {
        [CaseResponsibility(personId: "A-hz-a01", name: "王芳", role: .agent, level: .primary),
         CaseResponsibility(personId: "S-hz-a", name: "赵敏", role: .supervisor, level: .joint)]
    }

    @Test("opened only")
    func openedOnly() throws {
        let file = try fold([try F.caseEntry(.opened, at: "2026-11-11T09:00:00+08:00") { $0.severity = .high }])

        let fact = CaseFacts.fact(of: file)

        #expect(fact.severity == .high)
        #expect(fact.acknowledgeSeconds == nil)
        #expect(!fact.escalated)
        #expect(!fact.reachedRegulator)
        #expect(fact.cause == nil)
        #expect(fact.responsibilities.isEmpty)
        #expect(fact.rectification == nil)
        #expect(!fact.rectificationOnTime)
    }

    @Test("acknowledgement from first entry")
    func acknowledgementFromFirstEntry() throws {
        let file = try fold([
            try F.caseEntry(.opened, at: "2026-11-11T09:00:00+08:00"),
            try F.caseEntry(.acknowledged, id: "ack-1", at: "2026-11-11T09:07:30.900+08:00") {
                $0.acknowledgedAt = try? F.time("2026-11-11T09:05:10.700+08:00")
            },
            try F.caseEntry(.acknowledged, id: "ack-2", at: "2026-11-11T10:00:00+08:00"),
        ])

        let fact = CaseFacts.fact(of: file)

        #expect(fact.acknowledgeSeconds == 310, "acknowledgedAt of the first entry, rounded down")
    }

    @Test("acknowledgement without acknowledgedAt")
    func acknowledgementFallsBackToOccurredAt() throws {
        let file = try fold([
            try F.caseEntry(.opened, at: "2026-11-11T09:00:00+08:00"),
            try F.caseEntry(.acknowledged, at: "2026-11-11T09:02:00.400+08:00"),
        ])

        #expect(CaseFacts.fact(of: file).acknowledgeSeconds == 120)
    }

    @Test("escalation entry escalates")
    func escalationEntry() throws {
        let file = try fold([
            try F.caseEntry(.opened, at: "2026-11-11T09:00:00+08:00"),
            try F.caseEntry(.escalated, at: "2026-11-11T11:00:00+08:00") { $0.escalateTo = .platform },
        ])

        let fact = CaseFacts.fact(of: file)

        #expect(fact.escalated)
        #expect(!fact.reachedRegulator)
    }

    @Test("regulator complaint escalates")
    func regulatorComplaint() throws {
        let file = try fold([
            try F.caseEntry(.opened, at: "2026-11-11T09:00:00+08:00"),
            try F.caseEntry(.complaintLinked, at: "2026-11-11T12:00:00+08:00") {
                $0.complaintId = "complaint/cp-1"
                $0.complaintChannel = .hotline12315
            },
        ])

        let fact = CaseFacts.fact(of: file)

        #expect(fact.escalated)
        #expect(fact.reachedRegulator)
    }

    @Test("classified with human cause")
    func classifiedHumanCause() throws {
        let people = responsibilities()
        let file = try fold([
            try F.caseEntry(.opened, at: "2026-11-11T09:00:00+08:00"),
            try F.caseEntry(.escalated, at: "2026-11-11T11:00:00+08:00") { $0.escalateTo = .regulator },
            try F.caseEntry(.classified, at: "2026-11-12T09:00:00+08:00") {
                $0.cause = .unprofessional
                $0.responsibilities = people
                $0.rectification = .required
            },
        ])

        let fact = CaseFacts.fact(of: file)

        #expect(fact.reachedRegulator)
        #expect(fact.cause == .unprofessional)
        #expect(fact.cause?.isHumanCause == true)
        #expect(fact.responsibilities == people)
        #expect(fact.rectification == .required)
        #expect(!fact.rectificationOnTime)
    }

    @Test("plan accepted on time")
    func planAcceptedOnTime() throws {
        let file = try fold([
            try F.caseEntry(.opened, at: "2026-11-11T09:00:00+08:00"),
            try F.caseEntry(.classified, at: "2026-11-12T09:00:00+08:00") { $0.rectification = .required },
            try F.caseEntry(.planSubmitted, at: "2026-11-13T09:00:00+08:00") { $0.rectification = .submitted },
            try F.caseEntry(.planAccepted, at: "2026-11-13T10:00:00+08:00") { $0.rectification = .accepted },
        ])

        let fact = CaseFacts.fact(of: file)

        #expect(fact.rectification == .accepted)
        #expect(fact.rectificationOnTime)
    }

    @Test("plan accepted after overdue")
    func planAcceptedOverdue() throws {
        let file = try fold([
            try F.caseEntry(.opened, at: "2026-11-11T09:00:00+08:00"),
            try F.caseEntry(.classified, at: "2026-11-12T09:00:00+08:00") { $0.rectification = .required },
            try F.caseEntry(.rectificationOverdue, at: "2026-11-19T09:00:00+08:00") { $0.rectification = .overdue },
            try F.caseEntry(.planSubmitted, at: "2026-11-20T09:00:00+08:00") { $0.rectification = .submitted },
            try F.caseEntry(.planAccepted, at: "2026-11-20T10:00:00+08:00") { $0.rectification = .accepted },
        ])

        let fact = CaseFacts.fact(of: file)

        #expect(fact.rectification == .accepted)
        #expect(!fact.rectificationOnTime, "the overdue entry stays on the timeline")
    }
}

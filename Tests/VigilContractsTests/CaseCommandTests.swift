import Foundation
import Testing
import VigilContracts

@Suite("CaseCommand")
struct CaseCommandTests {
    @Test("id key and time")
    func idKeyAndTime() {
        let command = SampleEvents.caseCommand()
        #expect(command.eventId == "case-command/cmd-7")
        #expect(command.recordKey == "shop-demo-tmall/buyer-d002")
        #expect(command.thread == ThreadKey(shop: "shop-demo-tmall", buyer: "buyer-d002"))
        #expect(command.eventTime == command.issuedAt)
    }

    @Test("key matches case events")
    func keyMatchesCaseEvents() {
        #expect(SampleEvents.caseCommand().recordKey == SampleEvents.caseEvent().recordKey)
        #expect(SampleEvents.caseCommand().caseId == SampleEvents.caseEvent().caseId)
    }

    @Test("exact bytes")
    func exactBytes() throws {
        let json = String(decoding: try EventCoding.encode(SampleEvents.caseCommand()), as: UTF8.self)
        let expected = #"{"action":"assign","actor":"S-sh-a","assignee":"A-sh-a02","buyer":"buyer-d002","#
            + #""caseId":"case-5f28d56999afd07d","commandId":"cmd-7","eventId":"case-command/cmd-7","#
            + #""issuedAt":"2026-11-11T09:12:00+08:00","schemaVersion":1,"shop":"shop-demo-tmall"}"#
        #expect(json == expected)
    }

    @Test("round trips with every argument")
    func roundTrips() throws {
        var command = SampleEvents.caseCommand()
        command.note = "转给小吴"
        command.escalateTo = .regulator
        command.classification = .slowResponse
        command.plan = "培训"
        command.dueAt = SampleEvents.timestamp("2026-11-20T18:00:00+08:00")
        let bytes = try EventCoding.encode(command)
        let decoded = try EventCoding.decodeEvent(CaseCommand.self, from: bytes)
        #expect(decoded == command)
        #expect(try EventCoding.encode(decoded) == bytes)
        #expect(String(decoding: bytes, as: UTF8.self).contains(#""classification":"slow-response""#))
    }

    @Test("actions use kebab case")
    func actionRawValues() {
        #expect(CaseAction.allCases.map(\.rawValue) == [
            "ack", "assign", "note", "resolve", "escalate", "classify", "review", "rectify", "accept-plan", "reject-plan",
        ])
    }

    @Test("argument error names missing argument", arguments: [
        (CaseAction.ack, nil), (.resolve, nil), (.acceptPlan, nil),
        (.assign, #"case command "assign" needs "assignee""#),
        (.note, #"case command "note" needs "note""#),
        (.review, #"case command "review" needs "note" and "steps""#),
        (.rejectPlan, #"case command "reject-plan" needs "note""#),
        (.escalate, #"case command "escalate" needs "escalateTo""#),
        (.classify, #"case command "classify" needs "classification""#),
        (.rectify, #"case command "rectify" needs "plan" and "dueAt""#),
    ] as [(CaseAction, String?)])
    func argumentErrorWithoutArguments(action: CaseAction, expected: String?) {
        let command = CaseCommand(commandId: "c", caseId: "case-1", shop: "s", buyer: "b", action: action, actor: "S-1",
                                  issuedAt: Timestamp(epochMilliseconds: 0))
        #expect(command.argumentError == expected)
    }

    @Test("argument error nil with arguments", arguments: CaseAction.allCases)
    func argumentErrorWithArguments(action: CaseAction) {
        let command = CaseCommand(commandId: "c", caseId: "case-1", shop: "s", buyer: "b", action: action, actor: "S-1",
                                  issuedAt: Timestamp(epochMilliseconds: 0), note: "n", assignee: "A-1",
                                  escalateTo: .platform, classification: .other, plan: "p",
                                  dueAt: Timestamp(epochMilliseconds: 1), steps: ["s"])
        #expect(command.argumentError == nil)
    }

    @Test("human causes")
    func humanCauses() {
        #expect(CaseCause.allCases.filter(\.isHumanCause) == [.unprofessional, .processNotFollowed, .slowResponse])
    }

    @Test("rejects unknown action")
    func rejectsUnknownAction() throws {
        let json = String(decoding: try EventCoding.encode(SampleEvents.caseCommand()), as: UTF8.self)
            .replacingOccurrences(of: #""action":"assign""#, with: #""action":"delete""#)
        #expect(throws: DecodingError.self) {
            try EventCoding.decodeEvent(CaseCommand.self, from: Array(json.utf8))
        }
    }
}

import Testing
import VigilContracts
import VigilRuntime
@testable import Operator

@Suite("Text table")
struct TextTableTests {
    @Test("CJK counts two columns")
    func cjkWidth() {
        #expect(TextTable.displayWidth("abc") == 3)
        #expect(TextTable.displayWidth("客服") == 4)
        #expect(TextTable.displayWidth("A组") == 3)
        #expect(TextTable.displayWidth("（秒）") == 6)
    }

    @Test("columns line up")
    func columnsLineUp() {
        var table = TextTable(headers: ["客服", "n"], rightAligned: [1])
        table.append(["A-1", "5"])
        table.append(["小林", "12"])
        let lines = table.render().split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        let widths = Set(lines.map { TextTable.displayWidth($0) })
        #expect(widths.count == 1, "every line has the same display width: \(lines)")
        #expect(lines[3].hasSuffix("12"))
        #expect(lines[2].hasSuffix(" 5"))
    }
}

@Suite("Case folding")
struct CaseFoldingTests {
    private func event(_ type: CaseEventType, case caseId: String, at time: String, alert: String? = nil,
                       channel: ComplaintChannel? = nil) throws -> CaseEvent {
        CaseEvent(eventId: "\(caseId)/\(type.rawValue)/\(time)", caseId: caseId, type: type, shop: "s", buyer: "b",
                  conversationId: "c", agent: type == .opened ? "A-1" : nil, alertId: alert,
                  complaintId: channel == nil ? nil : "C-1", complaintChannel: channel,
                  occurredAt: try #require(TimestampFormat.parse(time)), text: LocalizedText(chinese: "", english: ""))
    }

    @Test("timeline folds into one case")
    func foldsTimeline() throws {
        let views = CaseFile.fold([
            try event(.complaintLinked, case: "case-1", at: "2026-11-12T10:00:00+08:00", channel: .hotline12315),
            try event(.opened, case: "case-1", at: "2026-11-11T09:00:00+08:00", alert: "alert/1"),
            try event(.alertLinked, case: "case-1", at: "2026-11-11T09:05:00+08:00", alert: "alert/2"),
        ])
        #expect(views.count == 1)
        let view = try #require(views.first)
        #expect(view.alerts == 2)
        #expect(view.complaints == [.hotline12315])
        #expect(view.agent == "A-1")
        #expect(view.openedAt == TimestampFormat.parse("2026-11-11T09:00:00+08:00"))
    }

    @Test("cases ordered by opening")
    func ordersByOpening() throws {
        let views = CaseFile.fold([
            try event(.opened, case: "case-late", at: "2026-11-11T12:00:00+08:00", alert: "alert/1"),
            try event(.opened, case: "case-early", at: "2026-11-11T08:00:00+08:00", alert: "alert/2"),
        ])
        #expect(views.map(\.caseId) == ["case-early", "case-late"])
    }
}

@Suite("Lag groups")
struct LagGroupTests {
    let catalogue = TopicCatalogue()

    @Test("defaults are the service groups")
    func defaultGroups() throws {
        let groups = try LagCommand.groupTopics([], catalogue: catalogue)
        #expect(groups.map(\.0) == ["vigil-alerting", "vigil-escalation", "vigil-scoring", "vigil-scoring-totals"])
        #expect(groups[1].1 == ["vigil.alerts", "vigil.complaints", "vigil.case.commands", "vigil.chat.messages"])
        #expect(groups[3].1 == ["vigil.scoring.facts"])
    }

    @Test("a service name covers all its stages")
    func serviceStages() throws {
        let groups = try LagCommand.groupTopics(["vigil-scoring"], catalogue: catalogue)
        #expect(groups.map(\.0) == ["vigil-scoring", "vigil-scoring-totals"])
        let alerting = try LagCommand.groupTopics(["vigil-alerting"], catalogue: catalogue)
        #expect(alerting.map(\.0) == ["vigil-alerting"])
    }

    @Test("custom group names its topics")
    func customGroup() throws {
        let groups = try LagCommand.groupTopics(["console=vigil.alerts,vigil.case.events"], catalogue: catalogue)
        #expect(groups.count == 1)
        #expect(groups[0].0 == "console")
        #expect(groups[0].1 == ["vigil.alerts", "vigil.case.events"])
    }

    @Test("unknown group without topics rejected")
    func unknownGroup() {
        #expect(throws: UsageError.self) {
            _ = try LagCommand.groupTopics(["mystery"], catalogue: catalogue)
        }
    }
}

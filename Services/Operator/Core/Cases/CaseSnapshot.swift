import VigilContracts
import VigilRuntime

/// The cases folded from the case topic as it was when a command read it.
struct CaseSnapshot {
    /// Every case, ordered by opening time and then case id.
    var files: [CaseFile]
    /// The latest event time on the topic: the "now" deadlines are measured
    /// against, so a replayed topic shows the time left it had, not the host clock's.
    var latestEventTime: Timestamp?

    init(events: [CaseEvent]) {
        files = CaseFile.fold(events)
        latestEventTime = events.map(\.occurredAt).max()
    }

    /// Returns the case with this id, or nil.
    func file(_ caseId: String) -> CaseFile? {
        files.first { $0.caseId == caseId }
    }
}

extension OperatorContext {
    /// Reads the whole case topic and folds it into cases, with personal
    /// numbers masked in every text, so no view of a case shows one even
    /// when an older version of escalation wrote it.
    func readCases() throws -> CaseSnapshot {
        let masker = PersonalDataMasker()
        return CaseSnapshot(events: try scanner.events(CaseEvent.self, of: catalogue.caseEvents).events
            .map { $0.masked(by: masker) })
    }

    /// Returns the message for a case id not found on the topic.
    func unknownCaseMessage(_ caseId: String) -> String {
        text("没有案件 \(caseId)：案件主题上找不到它。用 `vigil case list` 查看现有案件。",
             "No case \(caseId) on the case topic. Run `vigil case list` to see the cases.")
    }
}

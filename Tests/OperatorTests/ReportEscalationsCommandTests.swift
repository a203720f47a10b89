import Testing
import VigilContracts
import VigilRuntime
@testable import Operator

@Suite("vigil report escalations", .serialized)
struct ReportEscalationsCommandTests {
    @Test("command is registered")
    func registered() {
        #expect(OperatorCommand.subcommands.map { $0.name }.contains("report escalations"))
    }

    @Test("report from the case topic")
    func reportFromTopic() throws {
        let harness = try OperatorHarness()
        // Without case F the latest event is E's, in the last second of 2026-W46.
        let events = EscalationFixture.events.filter { $0.caseId != "case-f" }
        try harness.produce(events, to: harness.catalogue.caseEvents)
        let context = try harness.context(ReportEscalationsCommand.self, language: .english)

        let csv = try ReportEscalationsCommand.report(
            harness.options(ReportEscalationsCommand.self, ["--period", "week", "--format", "csv"]), context: context)
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines.first?.contains("week 2026-W46") == true, "the default --at is the latest event time")
        #expect(lines.contains("cases opened,5,2,+3"))
        #expect(lines.contains("cases reopened,1,0,+1"))
        #expect(lines.contains("escalations to a regulator,4,1,+3"))
        #expect(lines.contains { $0.hasPrefix("case-a,V1,hz,T1,A-1,12315 hotline,unprofessional handling") })

        let vendor = try ReportEscalationsCommand.report(
            harness.options(ReportEscalationsCommand.self,
                            ["--period", "week", "--vendor", "V1", "--format", "markdown", "--at", "2026-11-09T00:00+08:00"]),
            context: context)
        #expect(vendor.contains("Vendor: V1"))
        #expect(vendor.contains("| cases opened | 3 | 2 | +1 |"), "A, B and E this week; D and P the week before")
        #expect(!vendor.contains("case-g"))
    }

    @Test("next week at UTC midnight")
    func nextWeek() throws {
        let harness = try OperatorHarness()
        try harness.produce(EscalationFixture.events.filter { $0.caseId != "case-f" }, to: harness.catalogue.caseEvents)
        let context = try harness.context(ReportEscalationsCommand.self, language: .chinese)
        let text = try ReportEscalationsCommand.report(
            harness.options(ReportEscalationsCommand.self, ["--period", "week", "--at", "2026-11-15T16:00Z"]),
            context: context)
        #expect(text.hasPrefix("升级与问责报告：2026-W47 周"))
        let opened = text.split(separator: "\n").first { $0.hasPrefix("新立案件") }
        #expect(opened?.split(separator: " ") == ["新立案件", "0", "5", "-5"])
    }

    @Test("bad options are usage errors")
    func badOptions() throws {
        let harness = try OperatorHarness()
        let context = try harness.context(ReportEscalationsCommand.self)
        for arguments in [[], ["--period", "year"], ["--period", "day", "--at", "2026-11-11T09:00"],
                          ["--period", "day", "--format", "xlsx"], ["--period", "day", "--zone", "Asia/Shanghai"]] {
            #expect(throws: UsageError.self, "\(arguments)") {
                try ReportEscalationsCommand.report(harness.options(ReportEscalationsCommand.self, arguments),
                                                    context: context)
            }
        }
    }

    @Test("empty topic needs --at")
    func emptyTopic() throws {
        let harness = try OperatorHarness()
        let context = try harness.context(ReportEscalationsCommand.self)
        #expect(throws: UsageError.self) {
            try ReportEscalationsCommand.report(harness.options(ReportEscalationsCommand.self, ["--period", "day"]),
                                                context: context)
        }
        let text = try ReportEscalationsCommand.report(
            harness.options(ReportEscalationsCommand.self, ["--period", "day", "--at", "2026-11-11T09:00+08:00"]),
            context: context)
        #expect(text.contains("cases opened"))
    }
}

import Foundation
import Testing
import VigilContracts
@testable import Escalation

/// Reading `--case-policy FILE`.
@Suite("Case policy")
struct CasePolicyTests {
    @Test("defaults match the spec")
    func defaults() {
        let policy = CasePolicy()

        #expect(policy.acknowledgeLimit(.critical) == .minutes(15))
        #expect(policy.acknowledgeLimit(.low) == .hours(8))
        #expect(policy.followUpLimit(.medium) == .hours(24))
        #expect(policy.followUpLimit(.low) == .hours(72))
        #expect(policy.reopenDays == 7)
        #expect(policy.rectificationDays == 7)
    }

    @Test("valid file overrides some fields")
    func validFile() throws {
        let text = """
            {"acknowledge": {"critical": "5m", "low": "1d"},
             "followUp": {"high": "90s"},
             "reopenDays": 0, "rectificationDays": 14}
            """

        let policy = try CasePolicy.parse(text: text, path: "policy.json")

        #expect(policy.acknowledgeLimit(.critical) == .minutes(5))
        #expect(policy.acknowledgeLimit(.low) == .days(1))
        #expect(policy.acknowledgeLimit(.high) == .minutes(30))
        #expect(policy.followUpLimit(.high) == .seconds(90))
        #expect(policy.reopenDays == 0)
        #expect(policy.rectificationDays == 14)
    }

    @Test("bad duration names its line and column")
    func badDuration() throws {
        let text = """
            {
              "acknowledge": {
                "high": "30 minutes"
              }
            }
            """

        let error = #expect(throws: CasePolicyFileError.self) {
            try CasePolicy.parse(text: text, path: "policy.json")
        }

        #expect(error?.problems.count == 1)
        #expect(error?.description.hasPrefix("policy.json:3:13: acknowledge.high \"30 minutes\" is not a duration") == true)
    }

    @Test("unknown field and syntax errors are reported")
    func unknownFieldAndSyntax() throws {
        let unknown = #expect(throws: CasePolicyFileError.self) {
            try CasePolicy.parse(text: "{\n  \"reopenDay\": 3\n}", path: "p.json")
        }
        #expect(unknown?.description.hasPrefix("p.json:2:3: unknown field \"reopenDay\"") == true)

        let syntax = #expect(throws: CasePolicyFileError.self) {
            try CasePolicy.parse(text: "{\"reopenDays\": }", path: "p.json")
        }
        #expect(syntax?.problems.first?.line == 1)
    }

    @Test("load reads a file")
    func loadsFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("policy-\(UUID().uuidString).json").path
        try Data(#"{"rectificationDays": 3}"#.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }

        #expect(try CasePolicy.load(path: path).rectificationDays == 3)
        #expect(throws: CasePolicyFileError.self) { try CasePolicy.load(path: path + ".missing") }
    }

    @Test("durations parse units and reject others")
    func durations() {
        #expect(PolicyDuration(parsing: "15m") == .minutes(15))
        #expect(PolicyDuration(parsing: "2h")?.milliseconds == 7_200_000)
        #expect(PolicyDuration(parsing: "0m") == nil)
        #expect(PolicyDuration(parsing: "-5m") == nil)
        #expect(PolicyDuration(parsing: "5w") == nil)
        #expect(PolicyDuration(parsing: "400d") == nil)
    }
}

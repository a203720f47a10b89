import Foundation
import Testing
import VigilContracts
@testable import Operator

/// Writes `text` to a new file for one test and returns its path.
private func temporaryFile(_ text: String) throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-rules-\(UUID().uuidString).json").path
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return path
}

/// The path of rules/default.json at the repository root.
private let defaultRulesPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("rules/default.json").path

@Suite("vigil rules check")
struct RulesCommandTests {
    @Test("command is registered")
    func registered() {
        #expect(OperatorCommand.subcommands.map { $0.name }.contains("rules check"))
        #expect(RulesCheckCommand.connectsToCluster == false)
    }

    @Test("default file passes in Chinese")
    func defaultFileChinese() {
        let (status, lines) = RulesCheckCommand.check(path: defaultRulesPath, language: .chinese)
        #expect(status == 0)
        #expect(lines == ["OK：23 条规则，版本 2026.12.4"])
    }

    @Test("default file passes in English")
    func defaultFileEnglish() {
        let (status, lines) = RulesCheckCommand.check(path: defaultRulesPath, language: .english)
        #expect(status == 0)
        #expect(lines == ["OK: 23 rules, version 2026.12.4"])
    }

    @Test("errors print file line and column")
    func errorsWithPositions() throws {
        let path = try temporaryFile("""
        {
          "version": "1",
          "rules": [
            {"id": "a", "category": "regulater", "severity": "high",
             "title": {"zh-CN": "甲", "en": "A"}, "keywords": []}
          ]
        }
        """)

        let (status, lines) = RulesCheckCommand.check(path: path, language: .chinese)

        #expect(status == 1)
        #expect(lines == [
            "\(path):4:29: unknown category \"regulater\" in rule \"a\": expected regulator, legal, media, complaint or escalation",
            "\(path):5:54: \"keywords\" of rule \"a\" is empty: give at least one word",
        ])
    }

    @Test("syntax error prints position")
    func syntaxError() throws {
        let path = try temporaryFile("{\"version\": \"1\" \"rules\": []}")
        let (status, lines) = RulesCheckCommand.check(path: path, language: .english)
        #expect(status == 1)
        #expect(lines == ["\(path):1:17: invalid JSON: expected \",\" or \"}\" after the value of \"version\""])
    }

    @Test("missing file fails")
    func missingFile() {
        let (status, lines) = RulesCheckCommand.check(path: "/nonexistent/rules.json", language: .english)
        #expect(status == 1)
        #expect(lines == ["/nonexistent/rules.json: cannot read the file: check that it exists and is readable"])
    }
}

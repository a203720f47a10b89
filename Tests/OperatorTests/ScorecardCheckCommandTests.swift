import Foundation
import Testing
import VigilContracts
@testable import Operator

/// The path of scorecards/default.json at the repository root.
private let defaultScorecardPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("scorecards/default.json").path

@Suite("vigil scorecard check")
struct ScorecardCheckCommandTests {
    /// Writes `text` to a new file for one test and returns its path.
    private func temporaryFile(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-scorecard-\(UUID().uuidString).json").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("command is registered")
    func registered() {
        #expect(OperatorCommand.subcommands.map { $0.name }.contains("scorecard check"))
        #expect(ScorecardCheckCommand.connectsToCluster == false, "no broker needed")
    }

    @Test("default file passes")
    func defaultFile() {
        let (status, chinese) = ScorecardCheckCommand.check(path: defaultScorecardPath, language: .chinese)
        #expect(status == 0)
        #expect(chinese == ["OK：评分卡 2026.12-1，6 个考核项、1 个一票否决项、1 个大促，时区 +08:00"])
        let (_, english) = ScorecardCheckCommand.check(path: defaultScorecardPath, language: .english)
        #expect(english == ["OK: scorecard 2026.12-1, 6 items, 1 critical item, 1 campaign, zone +08:00"])
    }

    @Test("errors print file line and column")
    func errorsWithPositions() throws {
        let text = try String(contentsOfFile: defaultScorecardPath, encoding: .utf8)
            .replacingOccurrences(of: "\"weight\": 10, \"full\": 0.4", with: "\"weight\": 0, \"full\": 0.4")
            .replacingOccurrences(of: "\"from\": \"2026-10-31T20:00:00+08:00\"", with: "\"from\": \"2026-10-31T20:00:00\"")
        let path = try temporaryFile(text)

        let (status, lines) = ScorecardCheckCommand.check(path: path, language: .chinese)

        #expect(status == 1)
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix("\(path):17:45: \"weight\" of item \"conversion\" must be greater than 0") == true)
        #expect(lines.last?.hasPrefix("\(path):27:14: \"from\" of campaign \"2026-double11\"") == true)
    }

    @Test("directory is named plainly")
    func directory() {
        let folder = FileManager.default.temporaryDirectory.path
        let (status, lines) = ScorecardCheckCommand.check(path: folder, language: .english)
        #expect(status == 1)
        #expect(lines == ["\(folder): the path is a directory, not a file: give the path of the JSON file itself"])
    }
}

import Foundation
import Testing
import VigilContracts
@testable import Operator

/// The repository's root, three folders above this file.
private let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// The Chinese texts users read use one word per concept: 外包商 (vendor),
/// 站点 (site), 班组 (team), 评分卡 (scorecard) and 一票否决项 (critical item).
@Suite("Chinese glossary")
struct ChineseGlossaryTests {
    /// Words the Chinese texts replaced, with the word used instead.
    static let replacedWords = ["供应商": "外包商", "服务商": "外包商", "职场": "站点", "团队": "班组",
                                "评分表": "评分卡", "关键项": "一票否决项"]

    /// Returns one line per replaced word found in `text`, naming `source`.
    private func findings(_ text: String, _ source: String) -> [String] {
        Self.replacedWords.sorted { $0.key < $1.key }.compactMap { old, new in
            text.contains(old) ? "\(source): \"\(old)\" in place of \"\(new)\"" : nil
        }
    }

    @Test("command help uses the glossary")
    func commandHelp() {
        var found: [String] = []
        for command in OperatorCommand.subcommands {
            found += findings(command.summary.chinese, command.name)
            for option in command.options + OperatorCommand.sharedOptions(for: command) {
                found += findings(option.help.chinese, "\(command.name) --\(option.name)")
            }
        }
        #expect(found == [])
    }

    @Test("score reports use the glossary")
    func scoreReports() throws {
        let names = ScoreSubjectNames(people: ScoreReportFixture.roster)
        let week = ScoreReportScope.calendar(.week, containing: reportTime("2026-11-11T09:00:00+08:00"))
        let campaign = try ScoreReportScope.campaign(nil, at: nil, scores: ScoreReportFixture.scores,
                                                     scorecard: ScoreReportFixture.scorecard)
        var found: [String] = []
        for kind in ScoreSubjectKind.allCases {
            for scope in [week, campaign] {
                let report = ScoreReport(snapshot: ScoreTopicSnapshot(scores: ScoreReportFixture.scores), scope: scope,
                                         kind: kind, names: names, scorecard: ScoreReportFixture.scorecard)
                for format in ReportFormat.allCases {
                    found += findings(ReportScoresCommand.render(report, format: format, language: .chinese),
                                      "\(kind.rawValue) \(scope.period.key) \(format.rawValue)")
                }
            }
        }
        #expect(found == [])
        let vendors = ScoreReport(snapshot: ScoreTopicSnapshot(scores: ScoreReportFixture.scores), scope: week, kind: .vendor,
                                  names: names, scorecard: ScoreReportFixture.scorecard)
        #expect(vendors.document(in: .chinese).subtitle.first == "统计维度：外包商，共 2 个")
    }

    @Test("schema reference uses the glossary")
    func schemaReference() throws {
        #expect(findings(try SchemaReference.markdown(in: .chinese), "schema reference") == [])
    }

    @Test("Chinese documents use the glossary")
    func documents() throws {
        let docs = repositoryRoot.appendingPathComponent("docs")
        var paths = try FileManager.default.contentsOfDirectory(atPath: docs.path)
            .filter { $0.hasSuffix(".zh-CN.md") }.map { docs.appendingPathComponent($0) }
        #expect(paths.count >= 8, "the Chinese guides are found")
        paths += [repositoryRoot.appendingPathComponent("README.zh-CN.md"),
                  repositoryRoot.appendingPathComponent("scripts/demo.sh")]
        var found: [String] = []
        for path in paths {
            found += findings(try String(contentsOf: path, encoding: .utf8), path.lastPathComponent)
        }
        #expect(found == [])
    }
}

import Testing
import VigilContracts
@testable import Scoring

/// `vigil-scoring --help` uses the Chinese words of the reports and guides.
@Suite("vigil-scoring help wording")
struct ScoringHelpGlossaryTests {
    /// Words the Chinese texts replaced, with the word used instead.
    static let replacedWords = ["供应商": "外包商", "服务商": "外包商", "职场": "站点", "团队": "班组",
                                "评分表": "评分卡", "关键项": "一票否决项"]

    @Test("help uses the glossary")
    func glossary() {
        let texts = [ScoringStages.summary.chinese] + ScoringStages.options.map(\.help.chinese)
        for text in texts {
            for (old, new) in Self.replacedWords {
                #expect(!text.contains(old), "\"\(old)\" in place of \"\(new)\": \(text)")
            }
        }
        #expect(ScoringStages.summary.chinese.contains("客服、班组、外包商、站点和店铺"))
    }
}

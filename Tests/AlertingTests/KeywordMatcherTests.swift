import Testing
import VigilContracts
@testable import Alerting

@Suite("KeywordMatcher")
struct KeywordMatcherTests {
    let matcher = KeywordMatcher()

    @Test("finds each brand word", arguments: [
        ("工商", RiskCategory.regulator),
        ("12315", RiskCategory.regulator),
        ("消协", RiskCategory.regulator),
        ("投诉", RiskCategory.complaint),
        ("举报", RiskCategory.complaint),
    ])
    func findsEachWord(word: String, category: RiskCategory) throws {
        let text = "你们再不处理我就去\(word)，说到做到"

        let matches = matcher.matches(in: text)

        #expect(matches.count == 1)
        let match = try #require(matches.first)
        #expect(match.term.word == word)
        #expect(match.term.category == category)
        #expect(String(text[match.range]) == word)
        #expect(text.distance(from: text.startIndex, to: match.range.lowerBound) == 9)
    }

    @Test("orders several words by position")
    func ordersSeveralWords() {
        // 举报 is last in the term list but first in the text.
        let text = "我要举报你们，先打12315，再去工商和消协投诉"

        let words = matcher.matches(in: text).map(\.term.word)

        #expect(words == ["举报", "12315", "工商", "消协", "投诉"])
    }

    @Test("finds repeated words")
    func findsRepeatedWords() {
        let text = "投诉投诉！我一定要投诉"

        let matches = matcher.matches(in: text)

        #expect(matches.count == 3)
        #expect(matches.allSatisfy { $0.term.word == "投诉" })
        let offsets = matches.map { text.distance(from: text.startIndex, to: $0.range.lowerBound) }
        #expect(offsets == [0, 2, 9])
    }

    @Test("finds word inside longer number")
    func findsWordInsideNumber() {
        let matches = matcher.matches(in: "电话是0123156")

        #expect(matches.map(\.term.word) == ["12315"])
    }

    @Test("plain text has no matches")
    func plainTextHasNoMatches() {
        #expect(matcher.matches(in: "高兴为您服务美团客服请问有什么可以帮您").isEmpty)
        #expect(matcher.matches(in: "").isEmpty)
        #expect(matcher.matches(in: "1231 5 工 商 投\n诉").isEmpty)
    }

    @Test("ignores full-width digits")
    func ignoresFullWidthDigits() {
        // The matcher compares Unicode scalars literally, so full-width digits do not match.
        #expect(matcher.matches(in: "我要打１２３１５").isEmpty)
    }

    @Test("custom terms replace brand words")
    func customTermsReplaceBrandWords() {
        let custom = KeywordMatcher(terms: [KeywordMatcher.Term(word: "媒体", category: .complaint)])

        let matches = custom.matches(in: "我要找媒体曝光，还要投诉")

        #expect(matches.map(\.term.word) == ["媒体"])
    }
}

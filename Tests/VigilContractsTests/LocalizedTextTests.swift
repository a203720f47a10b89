import Testing
import VigilContracts

@Suite("LocalizedText")
struct LocalizedTextTests {
    @Test("encodes language tags as keys")
    func encodesLanguageTags() throws {
        let text = LocalizedText(chinese: "请跟进", english: "Please follow up")
        let json = String(decoding: try EventCoding.encode(text), as: UTF8.self)
        #expect(json == #"{"en":"Please follow up","zh-CN":"请跟进"}"#)
    }

    @Test("picks text by language")
    func picksText() {
        let text = LocalizedText(chinese: "请跟进", english: "Please follow up")
        #expect(text.text(in: .chinese) == "请跟进")
        #expect(text.text(in: .english) == "Please follow up")
    }

    @Test("reads language tags", arguments: [
        ("zh", Language.chinese), ("zh-CN", .chinese), ("zh_CN.UTF-8", .chinese),
        ("en", .english), ("en-US", .english), ("EN_gb", .english),
    ] as [(String, Language)])
    func readsTag(tag: String, expected: Language) {
        #expect(Language(tag: tag) == expected)
    }

    @Test("rejects other language tags")
    func rejectsOtherTags() {
        #expect(Language(tag: "fr-FR") == nil)
        #expect(Language(tag: "") == nil)
        #expect(Language(tag: "C") == nil)
    }
}

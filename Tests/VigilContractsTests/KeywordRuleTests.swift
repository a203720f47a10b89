import Foundation
import Testing
import VigilContracts

@Suite("KeywordRule")
struct KeywordRuleTests {
    /// The sample rule's canonical encoding without `eventId`, which its id hashes.
    private let contentJSON = #"{"category":"regulator","exclusion":"已经?解决","keywords":["12315","工商"],"#
        + #""negationCues":["没有","不会"],"pattern":"1\\s*2\\s*3\\s*1\\s*5","#
        + #""publishedAt":"2026-11-01T10:00:00+08:00","ruleId":"regulator-12315","ruleSetVersion":"2026.11.1","#
        + #""schemaVersion":1,"severity":"high","speaker":"customer","#
        + #""title":{"en":"Mentions a regulator","zh-CN":"提到监管部门"}}"#

    @Test("event id hashes encoding")
    func eventIdHashesEncoding() {
        // FNV-1a 64 of contentJSON's UTF-8 bytes, computed outside StableHash.
        #expect(SampleEvents.keywordRule().eventId == "keyword-rule/regulator-12315/5764aad82f1df286")
    }

    @Test("exact bytes")
    func exactBytes() throws {
        let json = String(decoding: try EventCoding.encode(SampleEvents.keywordRule()), as: UTF8.self)
        let prefix = #"{"category":"regulator","#
        let expected = prefix + #""eventId":"keyword-rule/regulator-12315/5764aad82f1df286","#
            + String(contentJSON.dropFirst(prefix.count))
        #expect(json == expected)
    }

    @Test("key and time")
    func keyAndTime() {
        let rule = SampleEvents.keywordRule()
        #expect(rule.recordKey == "regulator-12315")
        #expect(rule.eventTime == rule.publishedAt)
        #expect(KeywordRule.schemaName == "keyword-rule")
    }

    @Test("round trips")
    func roundTrips() throws {
        let rule = SampleEvents.keywordRule()
        let bytes = try EventCoding.encode(rule)
        let decoded = try EventCoding.decodeEvent(KeywordRule.self, from: bytes)
        #expect(decoded == rule)
        #expect(try EventCoding.encode(decoded) == bytes)
    }

    @Test("optional fields left out")
    func optionalFieldsLeftOut() throws {
        let rule = KeywordRule(ruleId: "complaint-basic", ruleSetVersion: "1", category: .complaint, severity: .medium,
                               keywords: ["投诉"], speaker: .any, publishedAt: SampleEvents.timestamp("2026-11-01T10:00:00Z"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(EventCoding.encode(rule))) as? [String: Any])
        #expect(Set(object.keys) == ["eventId", "schemaVersion", "ruleId", "ruleSetVersion", "category", "severity",
                                     "keywords", "speaker", "publishedAt"])
        #expect(try EventCoding.decodeEvent(KeywordRule.self, from: EventCoding.encode(rule)) == rule)
    }

    @Test("same content gives same id")
    func sameContentSameId() {
        #expect(SampleEvents.keywordRule().eventId == SampleEvents.keywordRule().eventId)
    }

    @Test("every field changes id", arguments: [
        "ruleSetVersion", "category", "severity", "keywords", "pattern", "exclusion", "speaker", "negationCues",
        "title", "publishedAt", "schemaVersion",
    ])
    func everyFieldChangesId(field: String) {
        let original = SampleEvents.keywordRule()
        var changed = original
        switch field {
        case "ruleSetVersion": changed.ruleSetVersion = "2026.11.2"
        case "category": changed.category = .legal
        case "severity": changed.severity = .low
        case "keywords": changed.keywords = ["工商", "12315"]
        case "pattern": changed.pattern = nil
        case "exclusion": changed.exclusion = "解决了"
        case "speaker": changed.speaker = .any
        case "negationCues": changed.negationCues = []
        case "title": changed.title = LocalizedText(chinese: "监管", english: "Regulator")
        case "publishedAt": changed.publishedAt = SampleEvents.timestamp("2026-11-01T10:00:00.001+08:00")
        default: changed.schemaVersion = 0
        }
        #expect(changed.eventId != original.eventId)
        #expect(changed.eventId.hasPrefix("keyword-rule/regulator-12315/"))
    }

    @Test("decodes without id fields")
    func decodesWithoutIdFields() throws {
        let decoded = try EventCoding.decodeEvent(KeywordRule.self, from: Array(contentJSON.utf8))
        #expect(decoded == SampleEvents.keywordRule())
        let withoutVersion = contentJSON.replacingOccurrences(of: #""schemaVersion":1,"#, with: "")
        #expect(try EventCoding.decodeEvent(KeywordRule.self, from: Array(withoutVersion.utf8)).schemaVersion == 1)
    }

    @Test("rejects unknown category")
    func rejectsUnknownCategory() {
        let json = contentJSON.replacingOccurrences(of: #""category":"regulator""#, with: #""category":"weather""#)
        #expect(throws: DecodingError.self) {
            try EventCoding.decodeEvent(KeywordRule.self, from: Array(json.utf8))
        }
    }
}

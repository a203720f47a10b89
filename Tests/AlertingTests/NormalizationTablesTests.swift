import Testing
@testable import Alerting

@Suite("NormalizationTables")
struct NormalizationTablesTests {
    @Test("standard pairs all parse")
    func standardPairs() {
        let tokens = NormalizationTables.traditionalToSimplifiedPairs.split(whereSeparator: \.isWhitespace)
        #expect(NormalizationTables.standard.traditionalToSimplified.count == tokens.count)
        let numeralTokens = NormalizationTables.chineseNumeralPairs.split(whereSeparator: \.isWhitespace)
        #expect(NormalizationTables.standard.chineseNumerals.count == numeralTokens.count)
    }

    @Test("extended tables apply")
    func extended() throws {
        var tables = NormalizationTables.standard
        tables.pinyinWords["wei quan"] = "维权"
        tables.homophones["维全"] = "维权"
        let normalizer = try TextNormalizer(tables: tables)
        #expect(normalizer.normalize("我要weiquan").string == "我要维权")
        #expect(normalizer.normalize("我要维全").string == "我要维权")
    }

    @Test("invalid pinyin key rejected")
    func invalidPinyin() {
        var tables = NormalizationTables.standard
        tables.pinyinWords["gong-shang"] = "工商"
        #expect(throws: NormalizationTableError.invalidPinyinKey("gong-shang")) {
            try TextNormalizer(tables: tables)
        }
    }

    @Test("invalid numeral digit rejected")
    func invalidNumeral() {
        var tables = NormalizationTables.standard
        tables.chineseNumerals["十"] = "X"
        #expect(throws: NormalizationTableError.invalidNumeralDigit("十")) {
            try TextNormalizer(tables: tables)
        }
    }

    @Test("empty homophone rejected")
    func emptyHomophone() {
        var tables = NormalizationTables.standard
        tables.homophones["投素"] = ""
        #expect(throws: NormalizationTableError.emptyEntry(table: "homophones")) {
            try TextNormalizer(tables: tables)
        }
    }
}

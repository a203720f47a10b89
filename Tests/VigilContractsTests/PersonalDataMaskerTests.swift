import Testing
import VigilContracts

@Suite("PersonalDataMasker")
struct PersonalDataMaskerTests {
    let masker = PersonalDataMasker()

    @Test("mobile numbers keep first three and last four digits", arguments: [
        ("我的电话13812345678，快点", "我的电话138****5678，快点"),
        ("打 138 1234 5678 找我", "打 138 **** 5678 找我"),
        ("号码１３８１２３４５６７８", "号码１３８****５６７８"),
        ("138-1234-5678", "138-****-5678"),
    ])
    func mobile(input: String, expected: String) {
        #expect(masker.mask(input) == expected)
    }

    @Test("ID card numbers keep first three and last four")
    func identity() {
        #expect(masker.mask("身份证110105199003071234") == "身份证110***********1234")
        #expect(masker.mask("身份证11010519900307123X号") == "身份证110***********123X号")
        #expect(masker.mask("旧证110105900307123") == "旧证110********7123")
    }

    @Test("bank card numbers keep last four")
    func bankCard() {
        // 4111 1111 1111 1111 passes the Luhn check; 4111 1111 1111 1112 does not.
        #expect(masker.mask("卡号4111 1111 1111 1111") == "卡号**** **** **** 1111")
        #expect(masker.mask("卡号4111111111111112") == "卡号4111111111111112")
    }

    @Test("landline numbers keep the area code")
    func landline() {
        #expect(masker.mask("座机021-12345678") == "座机021-********")
        #expect(masker.mask("座机0571-8765432") == "座机0571-*******")
    }

    @Test("other numbers stay readable", arguments: [
        "我要打12315投诉", "订单号 SO13812345678", "金额 399 元", "3·15", "订单2026111100012345",
        "12345678901", "会话 demo-c02-3",
    ])
    func untouched(input: String) {
        #expect(masker.mask(input) == input)
    }

    @Test("numbers after country codes are masked", arguments: [
        ("电话+8613812345678", "电话+86138****5678"),
        ("电话+86 138 1234 5678", "电话+86 138 **** 5678"),
        ("电话0086 138 1234 5678", "电话0086 138 **** 5678"),
        ("电话008613812345678", "电话0086138****5678"),
        ("电话86-138-1234-5678", "电话86-138-****-5678"),
        ("电话8613812345678", "电话86138****5678"),
    ])
    func countryPrefix(input: String, expected: String) {
        #expect(masker.mask(input) == expected)
    }

    @Test("numbers inside a longer run are masked", arguments: [
        ("两个号码13812345678 13987654321", "两个号码138****5678 139****4321"),
        ("手机13812345678 2件都坏了", "手机138****5678 2件都坏了"),
        ("2026-11-11 13812345678", "2026-11-11 138****5678"),
        ("138 1234 5678 139 8765 4321", "138 **** 5678 139 **** 4321"),
        ("电话13812345678一定回", "电话138****5678一定回"),
        ("身份证110105199003071234 13812345678", "身份证110***********1234 138****5678"),
    ])
    func longerRun(input: String, expected: String) {
        #expect(masker.mask(input) == expected)
    }

    @Test("other separators and repeated ones are allowed", arguments: [
        ("电话138.1234.5678", "电话138.****.5678"),
        ("电话138_1234_5678", "电话138_****_5678"),
        ("电话138/1234/5678", "电话138/****/5678"),
        ("电话138  1234  5678", "电话138  ****  5678"),
        ("电话138--1234--5678", "电话138--****--5678"),
        ("电话138 - 1234 - 5678", "电话138 - **** - 5678"),
        ("电话１３８．１２３４．５６７８", "电话１３８．****．５６７８"),
    ])
    func separators(input: String, expected: String) {
        #expect(masker.mask(input) == expected)
    }

    @Test("numbers after contact hints are masked", arguments: [
        ("加我vx13812345678", "加我vx138****5678"),
        ("加我VX13812345678", "加我VX138****5678"),
        ("wx:13812345678 或 wx13812345678", "wx:138****5678 或 wx138****5678"),
        ("tel13812345678", "tel138****5678"),
        ("QQ13812345678", "QQ138****5678"),
        ("v13812345678", "v138****5678"),
        ("abc13812345678", "abc138****5678"),
        ("wechat13812345678", "wechat138****5678"),
    ])
    func contactHint(input: String, expected: String) {
        #expect(masker.mask(input) == expected)
    }

    @Test("codes glued to letters stay readable", arguments: [
        ("订单SO13812345678", "订单SO13812345678"),
        ("订单JD2026111100012345", "订单JD2026111100012345"),
        ("订单order13812345678", "订单order13812345678"),
        ("订单x2b13812345678", "订单x2b13812345678"),
        ("vx2026111100012345", "vx2026111100012345"),
        ("JD8613812345678", "JD8613812345678"),
        ("SO13812345678 13987654321", "SO13812345678 139****4321"),
    ])
    func letterCode(input: String, expected: String) {
        #expect(masker.mask(input) == expected)
    }

    @Test("Chinese numerals are masked one star each", arguments: [
        ("电话一三八一二三四五六七八", "电话一三八****五六七八"),
        ("电话幺三八幺二三四五六七八", "电话幺三八****五六七八"),
        ("电话壹叁捌壹贰叁肆伍陆柒捌", "电话壹叁捌****伍陆柒捌"),
        ("电话一三八 一二三四 五六七八", "电话一三八 **** 五六七八"),
        ("电话１３８一二三四5678", "电话１３８****5678"),
        ("电话1三8一2三4五6七8", "电话1三8****五6七8"),
        ("身份证一一〇一〇五一九九〇〇三〇七一二三四", "身份证一一〇***********一二三四"),
    ])
    func chineseNumerals(input: String, expected: String) {
        #expect(masker.mask(input) == expected)
    }

    @Test("Chinese words with numerals stay readable", arguments: [
        "我一一都试过了", "三三两两来了", "二〇二六年十一月十一日", "一二三四五六七八九十",
    ])
    func chineseWords(input: String) {
        #expect(masker.mask(input) == input)
    }

    @Test("mistyped bank cards in groups of four are masked", arguments: [
        // Neither passes the Luhn check.
        ("卡号6222 0212 3456 7890 123", "卡号**** **** **** ***0 123"),
        ("卡号6222-0212-3456-7891", "卡号****-****-****-7891"),
    ])
    func groupedBankCard(input: String, expected: String) {
        #expect(masker.mask(input) == expected)
    }

    @Test("numbers failing Luhn without groups of four stay readable", arguments: [
        "订单6222021234567890123", "订单2026 11 11 0001 2345", "订单 622 20212 3456 7890",
    ])
    func ungroupedNumber(input: String) {
        #expect(masker.mask(input) == input)
    }

    @Test("masking keeps length and is idempotent")
    func generatedTexts() {
        var generator = SplitMix64(seed: 20_261_111)
        for _ in 0..<400 {
            let text = Self.generatedText(using: &generator)
            let masked = masker.mask(text)
            let original = Array(text.unicodeScalars)
            let result = Array(masked.unicodeScalars)
            #expect(result.count == original.count, "length changed: \(text) -> \(masked)")
            #expect(masker.mask(masked) == masked, "second mask changed: \(text) -> \(masked)")
            for (before, after) in zip(original, result) where before != after {
                #expect(after == "*", "\(before) became \(after) in \(text)")
            }
        }
    }

    @Test("length in scalars is kept")
    func lengthKept() {
        let text = "联系我 1 3 8 1234 5678 或 13912345678 😀"
        #expect(masker.mask(text).unicodeScalars.count == text.unicodeScalars.count)
        #expect(masker.mask("13912345678😀") == "139****5678😀")
    }
}

// MARK: - Generated texts

extension PersonalDataMaskerTests {
    /// Pieces that build texts near the edges of the masker's rules.
    private static let pieces: [String] = [
        "13812345678", "139", "1234", "5678", "+86", "0086", "86", "110105199003071234", "11010519900307123",
        "X", "x", "6222 0212 3456 7890 123", "4111 1111 1111 1111", "021-12345678", "0571", "2026",
        "0", "1", "3", "8", "9", "１", "３", "８", "一", "三", "八", "幺", "壹", "〇", "零",
        " ", "  ", "-", ".", "_", "/", "\u{3000}", "·", "*", "vx", "SO", "tel", "abc", "电话", "，", "😀", "e\u{301}",
    ]

    private static func generatedText(using generator: inout SplitMix64) -> String {
        let count = Int.random(in: 0...24, using: &generator)
        var text = ""
        for _ in 0..<count {
            text += pieces.randomElement(using: &generator)!
        }
        return text
    }
}

/// A seeded generator, so a failing generated text comes back on every run.
private struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}

import Testing
@testable import Alerting

@Suite("TextNormalizer")
struct TextNormalizerTests {
    let normalizer = try! TextNormalizer()

    private func normalized(_ text: String) -> String {
        normalizer.normalize(text).string
    }

    // MARK: - Steps

    @Test("full-width digits and letters")
    func fullWidth() {
        #expect(normalized("打１２３１５") == "打12315")
        #expect(normalized("ＡＢＣ客服") == "abc客服")
        #expect(normalized("①②315") == "12315")
        #expect(normalized("打 ⑫ ③ ⑮") == "打12315")
    }

    @Test("case folding")
    func caseFolding() {
        #expect(normalized("GongShang") == "工商")
        #expect(normalized("VIP客户") == "vip客户")
        #expect(normalized("ÀÉ") == "àé")
    }

    @Test("traditional to simplified")
    func traditional() {
        #expect(normalized("我要去消費者協會投訴") == "我要去消费者协会投诉")
        #expect(normalized("舉報你們") == "举报你们")
        #expect(normalized("找律師起訴") == "找律师起诉")
    }

    @Test("separators between Han characters")
    func separators() {
        #expect(normalized("工 商") == "工商")
        #expect(normalized("投.诉") == "投诉")
        #expect(normalized("工❤商") == "工商")
        #expect(normalized("工❤️商") == "工商")
        #expect(normalized("举\u{200B}报") == "举报")
        #expect(normalized("消\u{FEFF}\u{200D}协") == "消协")
        #expect(normalized("投，诉！") == "投诉!")
        #expect(normalized("工😡😡商") == "工商")
        #expect(normalized("工　商") == "工商")
    }

    @Test("separators between digits")
    func digitSeparators() {
        #expect(normalized("12 3 15") == "12315")
        #expect(normalized("1-2-3-1-5") == "12315")
        #expect(normalized("1️⃣2️⃣3️⃣1️⃣5️⃣") == "12315\u{FE0F}\u{20E3}")
    }

    @Test("two numbers side by side stay apart", arguments: [
        ("12315、12345我都打了", "12315 12345我都打了"),
        ("我打了12315 12345", "我打了12315 12345"),
        ("打12315！12345也打", "打12315 12345也打"),
        ("打了12315,110", "打了12315 110"),
        ("打了12315 ， 12345", "打了12315 12345"),
        ("一二三一五，幺二三四五", "12315 12345"),
        ("12315 一二三", "12315 123"),
        ("电话138-1234-5678", "电话138 1234 5678"),
    ])
    func separatedNumbers(text: String, expected: String) {
        #expect(normalized(text) == expected)
    }

    @Test("a number spaced out still joins", arguments: [
        ("1 2 3 1 5", "12315"),
        ("123 15", "12315"),
        ("12 3 15", "12315"),
        ("123 1 5", "12315"),
        ("123 15元", "12315元"),
        ("打123 15ok", "打12315ok"),
        ("12315 12 345", "1231512345"),
        ("１２３１５", "12315"),
        ("一二三一五", "12315"),
        ("一 二 三 一 五", "12315"),
        ("12315 1", "123151"),
    ])
    func spacedNumber(text: String, expected: String) {
        #expect(normalized(text) == expected)
    }

    @Test("separators between Latin words kept")
    func latinSeparators() {
        #expect(normalized("hello, world") == "hello, world")
        #expect(normalized("ok 好的") == "ok 好的")
    }

    @Test("Chinese numerals in runs")
    func numerals() {
        #expect(normalized("一二三一五") == "12315")
        #expect(normalized("打幺二三幺五") == "打12315")
        #expect(normalized("123一五") == "12315")
        #expect(normalized("壹贰叁壹伍") == "12315")
        #expect(normalized("〇零") == "00")
    }

    @Test("single numerals kept")
    func singleNumerals() {
        #expect(normalized("一个") == "一个")
        #expect(normalized("两件衣服") == "两件衣服")
        #expect(normalized("第一次买") == "第一次买")
    }

    @Test("pinyin words")
    func pinyin() {
        #expect(normalized("gong shang") == "工商")
        #expect(normalized("gongshang") == "工商")
        #expect(normalized("gōng shāng") == "工商")
        #expect(normalized("gong1 shang1") == "工商")
        #expect(normalized("gong1shang1") == "工商")
        #expect(normalized("我要tousu你") == "我要投诉你")
        #expect(normalized("去 ju bao") == "去 举报")
        #expect(normalized("xiao'xie") == "消协")
        #expect(normalized("lvshi") == "律师")
        #expect(normalized("lüshī") == "律师")
        #expect(normalized("lushi") == "律师")
        #expect(normalized("Bao Jing") == "报警")
    }

    @Test("pinyin inside longer words kept")
    func pinyinBoundaries() {
        #expect(normalized("gongshangs") == "gongshangs")
        #expect(normalized("xgongshang") == "xgongshang")
        #expect(normalized("tou") == "tou")
    }

    @Test("homophones")
    func homophones() {
        #expect(normalized("我要投素你") == "我要投诉你")
        #expect(normalized("头诉") == "投诉")
        #expect(normalized("去举抱") == "去举报")
        #expect(normalized("公商局") == "工商局")
        #expect(normalized("头 诉") == "投诉")
    }

    // MARK: - Restraint

    @Test("plain text unchanged")
    func plainText() {
        for text in ["你好请问什么时候发货", "个体工商户", "hello", "订单号123456", "一个问题"] {
            #expect(normalized(text) == text)
        }
    }

    @Test("empty input")
    func emptyInput() {
        let result = normalizer.normalize("")
        #expect(result.scalars.isEmpty)
        #expect(result.origins.isEmpty)
        #expect(result.originalScalarRange(of: 0..<0) == 0..<0)
    }

    @Test("emoji-only input kept")
    func emojiOnly() {
        #expect(normalized("😡😡👍") == "😡😡👍")
        #expect(normalized("👨‍👩‍👧") == "👨‍👩‍👧")
    }

    // MARK: - Combinations

    @Test("combined disguises")
    func combinations() {
        #expect(normalized("１２ ３ 一五") == "12315")
        #expect(normalized("我要打１２３幺五，去 gōng shāng 举.抱你們") == "我要打12315去 工商 举报你们")
        #expect(normalized("消 費 者 協 會") == "消费者协会")
        #expect(normalized("投❤素") == "投诉")
    }

    // MARK: - Offsets

    @Test("offsets map to original spans")
    func offsets() {
        let spaced = normalizer.normalize("我去工 商了")
        #expect(spaced.string == "我去工商了")
        #expect(spaced.originalText(of: 2..<4) == "工 商")
        #expect(spaced.originalScalarRange(of: 2..<4) == 2..<5)

        let numerals = normalizer.normalize("打 １２ ３ 一五!")
        #expect(numerals.string == "打12315!")
        #expect(numerals.originalText(of: 1..<6) == "１２ ３ 一五")

        let pinyin = normalizer.normalize("去gong shang吧")
        #expect(pinyin.string == "去工商吧")
        #expect(pinyin.originalText(of: 1..<3) == "gong shang")
        #expect(pinyin.originalText(of: 1..<2) == "gong shang")

        let emoji = normalizer.normalize("😡工❤️商😡")
        #expect(emoji.string == "😡工商😡")
        #expect(emoji.originalText(of: 1..<3) == "工❤️商")

        let homophone = normalizer.normalize("要头诉")
        #expect(homophone.originalText(of: 1..<3) == "头诉")

        let numbers = normalizer.normalize("打12315 ， 12345！")
        #expect(numbers.string == "打12315 12345!")
        #expect(numbers.originalText(of: 1..<6) == "12315")
        #expect(numbers.originalText(of: 6..<7) == " ， ")
        #expect(numbers.originalText(of: 7..<12) == "12345")
        #expect(numbers.originalScalarRange(of: 7..<12) == 9..<14)

        let joined = normalizer.normalize("打123 15，好")
        #expect(joined.string == "打12315好")
        #expect(joined.originalText(of: 1..<6) == "123 15")
    }

    @Test("offsets clamp out-of-range input")
    func offsetClamping() {
        let result = normalizer.normalize("工商")
        #expect(result.originalScalarRange(of: 1..<9) == 1..<2)
        #expect(result.originalScalarRange(of: 2..<2) == 2..<2)
    }

    @Test("origins never decrease")
    func originsMonotonic() {
        let result = normalizer.normalize("我要打１２３幺五，去 gōng shāng 举.抱你們😡工❤️商12315、一二三 4 5 110😡")
        #expect(result.origins.count == result.scalars.count)
        for (previous, next) in zip(result.origins, result.origins.dropFirst()) {
            #expect(previous.lowerBound <= next.lowerBound)
            #expect(previous.upperBound <= next.upperBound)
        }
    }

    // MARK: - Size

    @Test("very long input")
    func longInput() {
        let unit = "您好，工 商１２３一五 gong shang投素😀"
        let text = String(repeating: unit, count: 5_000)
        let result = normalizer.normalize(text)
        // The emoji between 诉 and the next 您 joins them, so only the last one stays.
        let expected = String(repeating: "您好工商12315 工商投诉", count: 5_000) + "😀"
        let matchesExpected = result.string == expected
        #expect(matchesExpected)
        let last = result.scalars.count
        #expect(result.originalScalarRange(of: (last - 1)..<last).upperBound == text.unicodeScalars.count)
    }
}

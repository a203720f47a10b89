/// The data the normalizer applies: character conversions, pinyin spellings
/// and homophones of the rule words.
///
/// Rule authors extend a copy of ``standard`` and hand it to
/// ``TextNormalizer/init(tables:)``, which checks it and throws
/// ``NormalizationTableError`` for an entry it cannot use:
///
/// ```swift
/// var tables = NormalizationTables.standard
/// tables.pinyinWords["wei quan"] = "维权"
/// tables.homophones["维全"] = "维权"
/// let normalizer = try TextNormalizer(tables: tables)
/// ```
public struct NormalizationTables: Sendable, Hashable {
    /// Traditional characters and their Simplified forms, one scalar each.
    public var traditionalToSimplified: [Unicode.Scalar: Unicode.Scalar]

    /// Chinese numeral characters and the ASCII digit each becomes inside a
    /// run of two or more numerals or digits.
    public var chineseNumerals: [Unicode.Scalar: Unicode.Scalar]

    /// Pinyin spellings and the Chinese word each is read as. A key is
    /// lowercase a–z syllables. Spaces and apostrophes in it are ignored, and
    /// ü is written v. Text matches with or without spaces, tone marks or
    /// tone digits.
    public var pinyinWords: [String: String]

    /// Homophones and look-alikes of rule words, in Simplified Chinese, and
    /// the word each is read as.
    public var homophones: [String: String]

    /// Creates tables from the four parts.
    public init(traditionalToSimplified: [Unicode.Scalar: Unicode.Scalar],
                chineseNumerals: [Unicode.Scalar: Unicode.Scalar],
                pinyinWords: [String: String],
                homophones: [String: String]) {
        self.traditionalToSimplified = traditionalToSimplified
        self.chineseNumerals = chineseNumerals
        self.pinyinWords = pinyinWords
        self.homophones = homophones
    }

    /// The tables Vigil ships.
    ///
    /// NOTE: `traditionalToSimplified` covers only the Traditional forms of
    /// characters in risk words and of common chat characters, not a full
    /// OpenCC conversion. Add a character here when a rule word needs it:
    /// DefaultRuleSetTests converts every default rule word to Traditional with
    /// ICU and lists the characters that do not normalize back.
    public static let standard = NormalizationTables(
        traditionalToSimplified: scalarPairs(traditionalToSimplifiedPairs),
        chineseNumerals: scalarPairs(chineseNumeralPairs),
        pinyinWords: standardPinyinWords,
        homophones: standardHomophones)
}

// MARK: - Data

extension NormalizationTables {
    /// Pairs of one Traditional and one Simplified scalar, separated by whitespace.
    static let traditionalToSimplifiedPairs = """
        費费 協协 會会 訴诉 舉举 報报 據据 監监 衛卫 藥药 記记 紅红 書书 貓猫 師师
        訟讼 領领 導导 經经 層层 級级 場场 質质 檢检 驗验 產产 價价 錢钱 賠赔 償偿
        騙骗 詐诈 違违 規规 範范 權权 護护 聯联 絡络 電电 話话 視视 臺台 網网 體体
        總总 門门 問问 題题 務务 負负 責责 單单 號号 錄录 製制 證证 處处 罰罚 關关
        係系 調调 動动 態态 際际 幣币 歸归 還还 買买 賣卖 貨货 發发 實实 傳传 區区
        縣县 長长 屬属 廠厂 條条 頭头 訊讯 聞闻 錯错 誤误 虛虚 維维 說说 們们 對对
        這这 個个 為为 時时 現现 樣样 應应 該该 當当 開开 過过 麼么 來来 沒没 讓让
        給给 從从 與与 請请 謝谢 東东 車车 運运 郵邮 遞递 險险 損损 壞坏 換换 幫帮
        兩两 萬万 億亿 點点 滿满 評评 論论 謊谎 執执 覺觉 糾纠 紛纷 辦办 幹干 鬥斗
        顧顾 戶户 鬧闹 憑凭 氣气 憤愤 騷骚 擾扰 襲袭 嚇吓 殺杀 訂订 購购 團团 隊队
        熱热 討讨 見见 眾众 寶宝 頻频 貼贴 決决 線线 轉转 掛挂 曬晒 營营 業业 銀银 間间
        別别 無无 隨随 種种 聲声 員员 額额 項项 裝装 燈灯 煙烟 霧雾 盜盗 愛爱 薦荐 歷历
        於于 冊册 幾几 徑径 闆板 註注
        """

    /// Pairs of one numeral character and one ASCII digit, separated by whitespace.
    static let chineseNumeralPairs = """
        〇0 零0 一1 幺1 二2 两2 三3 四4 五5 六6 七7 八8 九9
        壹1 贰2 叁3 肆4 伍5 陆6 柒7 捌8 玖9
        """

    static let standardPinyinWords: [String: String] = [
        "gong shang": "工商",
        "gong shang ju": "工商局",
        "tou su": "投诉",
        "ju bao": "举报",
        "xiao xie": "消协",
        "xiao fei zhe xie hui": "消费者协会",
        "bao jing": "报警",
        "lv shi": "律师",
        "lu shi": "律师",
        "qi su": "起诉",
        "shi chang jian guan": "市场监管",
        "jian guan ju": "监管局",
        "ji zhe": "记者",
        "mei ti": "媒体",
        "bao guang": "曝光",
        "wei quan": "维权",
    ]

    static let standardHomophones: [String: String] = [
        "投素": "投诉",
        "头诉": "投诉",
        "投苏": "投诉",
        "举抱": "举报",
        "巨报": "举报",
        "举爆": "举报",
        "公商": "工商",
        "攻商": "工商",
        "消鞋": "消协",
        "消斜": "消协",
        "报井": "报警",
        "暴光": "曝光",
    ]

    /// Reads whitespace-separated two-scalar tokens into a map. A token of
    /// any other length is skipped, and the tables tests check that none is.
    static func scalarPairs(_ text: String) -> [Unicode.Scalar: Unicode.Scalar] {
        var map: [Unicode.Scalar: Unicode.Scalar] = [:]
        for token in text.split(whereSeparator: \.isWhitespace) {
            let scalars = Array(token.unicodeScalars)
            guard scalars.count == 2 else { continue }
            map[scalars[0]] = scalars[1]
        }
        return map
    }
}

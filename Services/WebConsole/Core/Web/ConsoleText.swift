import VigilContracts
import VigilHTML

/// The language and time zone of one page, and the escaping every text on it passes through.
///
/// Texts from the read model go through ``html(_:)``, which masks phone, ID
/// card and bank card numbers with ``PersonalDataMasker`` before escaping,
/// so no page shows such a number even when an older event still carries one.
struct ConsoleText {
    let language: Language
    /// Seconds east of UTC for the times shown.
    let zone: Int32
    private let masker = PersonalDataMasker()

    init(language: Language, zone: Int32) {
        self.language = language
        self.zone = zone
    }

    var isChinese: Bool { language == .chinese }

    /// Returns the Chinese or the English text.
    func pick(_ chinese: String, _ english: String) -> String {
        isChinese ? chinese : english
    }

    /// Returns a localized text in the page's language.
    func pick(_ text: LocalizedText) -> String {
        text.text(in: language)
    }

    /// Returns `inner` in brackets after a word: "（…）" in Chinese, " (…)" in English.
    func bracketed(_ inner: String) -> String {
        isChinese ? "（\(inner)）" : " (\(inner))"
    }

    /// Joins parts of a phrase with the language's comma.
    func list(_ parts: [String]) -> String {
        parts.joined(separator: isChinese ? "，" : ", ")
    }

    // MARK: - Escaping

    /// Masks personal numbers in `text` and escapes it for element content or a quoted attribute.
    func html(_ text: String) -> String {
        HTMLText.escape(masker.mask(text))
    }

    /// Masks personal numbers in `text` without escaping, for JSON that the page's script inserts as text.
    func plain(_ text: String) -> String {
        masker.mask(text)
    }

    /// Escapes a value Vigil made itself, such as a case id in a link, without masking it.
    func attribute(_ text: String) -> String {
        HTMLText.escape(text)
    }

    // MARK: - Times

    /// "2026-11-11 08:05:12" at the page's zone.
    func time(_ timestamp: Timestamp) -> String {
        TimeText.local(timestamp, zone: zone)
    }

    /// "11-11 08:05", for tables.
    func shortTime(_ timestamp: Timestamp) -> String {
        String(time(timestamp).dropFirst(5).prefix(11))
    }

    /// "1小时20分钟" or "1h 20m".
    func duration(seconds: Int64) -> String {
        TimeText.duration(seconds: seconds, language: language)
    }

    /// The zone as "UTC+08:00".
    var zoneName: String {
        let offset = Timestamp(epochMilliseconds: 0, utcOffsetSeconds: zone).iso8601.dropFirst(19)
        return "UTC" + (offset == "Z" ? "+00:00" : offset)
    }
}

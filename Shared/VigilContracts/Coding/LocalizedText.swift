/// A text for people, in Simplified Chinese and in English.
///
/// Alerts, case events and reports carry both, so a consumer picks the
/// language of its reader without calling back into Vigil.
public struct LocalizedText: Codable, Sendable, Hashable {
    /// Simplified Chinese, the default for the people who read alerts and cases.
    public var chinese: String

    /// English.
    public var english: String

    public init(chinese: String, english: String) {
        self.chinese = chinese
        self.english = english
    }

    /// The text in `language`.
    public func text(in language: Language) -> String {
        switch language {
        case .chinese: chinese
        case .english: english
        }
    }

    enum CodingKeys: String, CodingKey {
        case chinese = "zh-CN"
        case english = "en"
    }
}

/// The languages of texts meant for people.
public enum Language: String, Sendable, CaseIterable {
    case chinese = "zh-CN"
    case english = "en"

    /// Reads "zh", "zh-CN", "zh_CN.UTF-8", "en", "en-US" and the like; nil for anything else.
    public init?(tag: String) {
        let lowered = tag.lowercased()
        if lowered.hasPrefix("zh") {
            self = .chinese
        } else if lowered.hasPrefix("en") {
            self = .english
        } else {
            return nil
        }
    }
}

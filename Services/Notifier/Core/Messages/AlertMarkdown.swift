import VigilContracts

/// The markdown text of an alert notification, in one language.
///
/// Customer and agent words are shown as text, never as markup. Markdown
/// and tag characters in them become their full-width forms, and line
/// breaks become spaces. A chat message therefore cannot add links,
/// mentions (WeCom's `<@userid>`) or lines that look like Vigil's own.
enum AlertMarkdown {
    /// WeCom rejects markdown content over 4,096 bytes. DingTalk documents no
    /// lower limit, and the same cut keeps its messages short enough to read.
    static let maxBytes = 4_096

    /// Returns the title line with severity and category, e.g. `【严重】监管投诉风险预警`.
    static func title(for alert: Alert, language: Language) -> String {
        let severity = AlertLabels.severity(alert.severity).text(in: language)
        let category = AlertLabels.category(alert.category).text(in: language)
        switch language {
        case .chinese: return "【\(severity)】\(category)预警"
        case .english: return "[\(severity)] \(category) alert"
        }
    }

    /// Returns the whole message: title, the alert's masked text and snippet, thread,
    /// agent, recipient and time, cut to ``maxBytes``.
    ///
    /// - Parameter lineBreak: DingTalk needs a blank line between lines, but WeCom takes one newline.
    static func text(for alert: Alert, language: Language, lineBreak: String) -> String {
        let chinese = language == .chinese
        func label(_ chineseLabel: String, _ englishLabel: String) -> String {
            chinese ? "**\(chineseLabel)**：" : "**\(englishLabel)**: "
        }

        var head = ["### " + title(for: alert, language: language)]
        head.append(label("级别", "Severity") + AlertLabels.severity(alert.severity).text(in: language))
        head.append(label("类别", "Category") + AlertLabels.category(alert.category).text(in: language))
        head.append(label("状态", "Status") + AlertLabels.action(alert.currentAction).text(in: language))

        var tail: [String] = []
        let thread = chinese
            ? "店铺 \(plain(alert.shop)) · 顾客 \(plain(alert.buyer)) · 会话 \(plain(alert.conversationId))"
            : "shop \(plain(alert.shop)) · buyer \(plain(alert.buyer)) · conversation \(plain(alert.conversationId))"
        tail.append(label("会话", "Thread") + thread)
        var agent = plain(alert.agent)
        if let team = alert.team {
            agent += chinese ? "（班组 \(plain(team))）" : " (team \(plain(team)))"
        }
        tail.append(label("客服", "Agent") + agent)
        tail.append(label("跟进人", "Recipient") + recipient(alert.recipient, language: language))
        tail.append(label("时间", "Time") + alert.raisedAt.iso8601)
        tail.append(label("预警编号", "Alert id") + plain(alert.id))

        // The alert's own text and the snippet can be long, so they share what
        // the other lines leave of the limit: the snippet up to a third of it.
        let textLabel = label("内容", "Text")
        let fixedBytes = (head + tail).joined(separator: lineBreak).utf8.count
        let budget = max(0, maxBytes - fixedBytes - 2 * lineBreak.utf8.count - textLabel.utf8.count - "> ".utf8.count)
        let snippet = truncated(plain(alert.snippet), toBytes: budget / 3)
        var middle = [textLabel + truncated(plain(alert.text.text(in: language)), toBytes: budget - snippet.utf8.count)]
        if !snippet.isEmpty {
            middle.append("> " + snippet)
        }
        return (head + middle + tail).joined(separator: lineBreak)
    }

    private static func recipient(_ recipient: AlertRecipient?, language: Language) -> String {
        guard let recipient else {
            return language == .chinese ? "花名册中找不到跟进人" : "none in the roster"
        }
        let role = AlertLabels.role(recipient.role).text(in: language)
        return language == .chinese
            ? "\(plain(recipient.name))（\(role)，\(plain(recipient.personId))）"
            : "\(plain(recipient.name)) (\(role), \(plain(recipient.personId)))"
    }

    // MARK: - Text

    private static let fullWidth: [Character: Character] = [
        "*": "＊", "_": "＿", "#": "＃", "`": "｀", "[": "［", "]": "］", "<": "＜", ">": "＞", "|": "｜", "~": "～",
        "!": "！", "\\": "＼",
    ]

    /// Returns `text` with markup characters in full-width form and line breaks as spaces.
    static func plain(_ text: String) -> String {
        String(text.map { character -> Character in
            if character.isNewline {
                return " "
            }
            return fullWidth[character] ?? character
        })
    }

    /// Returns `text` cut at a character boundary to at most `limit` UTF-8 bytes, with `…` when cut.
    static func truncated(_ text: String, toBytes limit: Int) -> String {
        guard text.utf8.count > limit else { return text }
        var result = ""
        var bytes = 0
        let ellipsis = "…"
        for character in text {
            let size = character.utf8.count
            guard bytes + size + ellipsis.utf8.count <= limit else { break }
            result.append(character)
            bytes += size
        }
        return result + ellipsis
    }
}

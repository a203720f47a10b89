import Foundation
import VigilContracts

/// The JSON body posted to a robot for one alert, in the robot's markdown format.
///
/// - DingTalk custom robot: `{"msgtype":"markdown","markdown":{"title":…,"text":…}}`.
///   The title shows in the chat list and notifications, the text in the chat.
/// - WeCom group robot: `{"msgtype":"markdown","markdown":{"content":…}}`.
public enum RobotMessage {
    private struct DingTalkBody: Encodable {
        struct Markdown: Encodable {
            var title: String
            var text: String
        }

        var msgtype = "markdown"
        var markdown: Markdown
    }

    private struct WeComBody: Encodable {
        struct Markdown: Encodable {
            var content: String
        }

        var msgtype = "markdown"
        var markdown: Markdown
    }

    /// Returns the request body for `alert` on a robot of `kind`, in `language`.
    public static func body(for alert: Alert, kind: RobotKind, language: Language) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data: Data?
        switch kind {
        case .dingtalk:
            let title = AlertMarkdown.title(for: alert, language: language)
            let text = AlertMarkdown.text(for: alert, language: language, lineBreak: "\n\n")
            data = try? encoder.encode(DingTalkBody(markdown: .init(title: title, text: text)))
        case .wecom:
            let content = AlertMarkdown.text(for: alert, language: language, lineBreak: "\n")
            data = try? encoder.encode(WeComBody(markdown: .init(content: content)))
        }
        // JSONEncoder throws only for values JSON cannot represent, such as
        // non-finite floats. These bodies contain only strings, so the empty
        // fallback is not reached.
        return Array(data ?? Data())
    }
}

import Foundation
import Testing
import VigilContracts
@testable import Notifier

@Suite("DingTalk signature")
struct DingTalkSignatureTests {
    /// Computed outside Vigil with Python's hmac, hashlib and base64 modules.
    @Test("matches an independent computation")
    func matchesReference() {
        let secret = "SEC0123456789abcdef"
        #expect(DingTalkSignature.signature(secret: secret, timestampMilliseconds: 1_800_000_000_000)
            == "XNUHYPYdlmA7kBpr1fKswrcYEvgQL0pVZMlUvJNyNww=")
        #expect(DingTalkSignature.signature(secret: secret, timestampMilliseconds: 1_800_000_000_001)
            == "kd+/9HFTSCSdBAFc/i1z50TGHmU5jmre1cE1hNw1aho=")
    }

    @Test("signed URL percent-encodes the signature")
    func signedURL() throws {
        let url = try WebhookURL(validating: "https://oapi.dingtalk.com/robot/send?access_token=abc")
        let signed = DingTalkSignature.signedURL(url, secret: "SEC0123456789abcdef", timestampMilliseconds: 1_800_000_000_001)
        #expect(signed == "https://oapi.dingtalk.com/robot/send?access_token=abc&timestamp=1800000000001"
            + "&sign=kd%2B%2F9HFTSCSdBAFc%2Fi1z50TGHmU5jmre1cE1hNw1aho%3D")
    }

    @Test("URL without a query gets one")
    func startsQuery() throws {
        let url = try WebhookURL(validating: "http://127.0.0.1:8080/hook")
        #expect(DingTalkSignature.signedURL(url, secret: "s", timestampMilliseconds: 5).hasPrefix("http://127.0.0.1:8080/hook?timestamp=5&sign="))
    }
}

@Suite("Robot message")
struct RobotMessageTests {
    private func object(_ bytes: [UInt8]) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    }

    @Test("DingTalk body has title and text")
    func dingTalkBody() throws {
        let body = try object(RobotMessage.body(for: makeAlert(), kind: .dingtalk, language: .chinese))
        #expect(body["msgtype"] as? String == "markdown")
        let markdown = try #require(body["markdown"] as? [String: Any])
        #expect(Set(markdown.keys) == ["title", "text"])
        #expect(markdown["title"] as? String == "【严重】监管投诉风险预警")
        let text = try #require(markdown["text"] as? String)
        #expect(text.contains("**级别**：严重"))
        #expect(text.contains("**类别**：监管投诉风险"))
        #expect(text.contains("店铺 shop-waimai · 顾客 buyer-1 · 会话 conv-buyer-1"))
        #expect(text.contains("合肥B组主管（主管，S-hf-b）"))
        #expect(text.contains("> 再不退款我就打12315，手机138＊＊＊＊5678"))
        #expect(text.contains("\n\n"), "DingTalk needs blank lines between lines")
    }

    @Test("WeCom body has content only")
    func weComBody() throws {
        let body = try object(RobotMessage.body(for: makeAlert(), kind: .wecom, language: .english))
        #expect(body["msgtype"] as? String == "markdown")
        let markdown = try #require(body["markdown"] as? [String: Any])
        #expect(Set(markdown.keys) == ["content"])
        let content = try #require(markdown["content"] as? String)
        #expect(content.hasPrefix("### [Critical] Regulator alert"))
        #expect(content.contains("**Severity**: Critical"))
        #expect(content.contains("合肥B组主管 (supervisor, S-hf-b)"))
        #expect(!content.contains("\n\n"))
    }

    @Test("chat text cannot inject markup")
    func escapesMarkup() throws {
        var alert = makeAlert()
        alert.snippet = "点这里 [退款](http://evil.example) <@all> **急**\n### 假标题"
        let body = try object(RobotMessage.body(for: alert, kind: .wecom, language: .chinese))
        let content = try #require((body["markdown"] as? [String: Any])?["content"] as? String)
        #expect(!content.contains("[退款]("))
        #expect(!content.contains("<@all>"))
        #expect(!content.contains("\n### 假标题"))
        #expect(content.contains("［退款］(http://evil.example) ＜@all＞ ＊＊急＊＊ ＃＃＃ 假标题"))
    }

    @Test("long text cut to the size limit")
    func cutsLongText() throws {
        let alert = makeAlert(text: String(repeating: "顾客反复要求退款并威胁投诉。", count: 400))
        for kind in RobotKind.allCases {
            let body = try object(RobotMessage.body(for: alert, kind: kind, language: .chinese))
            let markdown = try #require(body["markdown"] as? [String: Any])
            let text = try #require((markdown["text"] ?? markdown["content"]) as? String)
            #expect(text.utf8.count <= AlertMarkdown.maxBytes)
            #expect(text.contains("…"))
            #expect(text.contains("**预警编号**"), "the lines after the text survive the cut")
        }
    }
}

import Alerting
import Foundation
import Testing
@testable import VigilBenchKit

@Suite("Latency messages")
struct LatencyMessagesTests {
    static let lines = [
        #"{"messageId":"m1","site":"hz","shop":"shop-waimai","conversationId":"c1","buyer":"b1","agent":"A-hz-a01","role":"customer","text":"再不处理我就打12315投诉你们","sentAt":"2026-11-11T08:00:00+08:00"}"#,
        #"{"messageId":"m2","site":"hz","shop":"shop-waimai","conversationId":"c1","buyer":"b1","agent":"A-hz-a01","role":"agent","text":"您好，请问有什么可以帮您","sentAt":"2026-11-11T08:00:05+08:00"}"#,
        #"{"messageId":"m3","site":"cd","shop":"shop-jd","conversationId":"c2","buyer":"b2","agent":"A-cd-b01","role":"customer","text":"好的谢谢","sentAt":"2026-11-11T08:01:00+08:00"}"#,
    ]

    static func messages(perThousand: Int) throws -> LatencyMessages {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-bench-latency-\(UUID().uuidString).ndjson")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: file)
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let rules = try RuleSetParser.parse(bytes: Array(try Data(contentsOf: root.appendingPathComponent("rules/default.json"))))
        return try LatencyMessages(files: [file.path], rules: try CompiledRuleSet(rules, normalizer: try TextNormalizer()),
                                   alertsPerThousand: perThousand)
    }

    @Test("sites need texts of both kinds")
    func sites() throws {
        let messages = try Self.messages(perThousand: 50)

        // cd has no text the rules alert on, so it cannot send the share.
        #expect(messages.sites == ["hz"])
        #expect(messages.templateCounts.alerting == 1)
    }

    @Test("the share of alerting messages is exact", arguments: [1, 50, 333, 1_000])
    func share(perThousand: Int) throws {
        let messages = try Self.messages(perThousand: perThousand)

        let alerting = (0..<3_000).filter(messages.isAlerting).count

        #expect(alerting == 3 * perThousand)
    }

    @Test("an alerting message opens its own thread and carries its event id")
    func message() throws {
        let messages = try Self.messages(perThousand: 1_000)

        let message = messages.message(7, site: "hz", run: "lat", sentAt: "2026-12-05T08:00:00+08:00")

        let object = try #require(try JSONSerialization.jsonObject(with: Data(message.line.utf8)) as? [String: Any])
        #expect(message.alerting)
        #expect(message.eventId == "message/hz/lat-7")
        #expect(object["buyer"] as? String == "lat-a7")
        #expect(object["text"] as? String == "再不处理我就打12315投诉你们")
        #expect(object["sentAt"] as? String == "2026-12-05T08:00:00+08:00")
    }

    @Test("alert ids name the message that raised them")
    func alertIds() {
        #expect(AlertWatcher.messageEventId(inAlert: "alert/regulator/message/hz/lat-7") == "message/hz/lat-7")
        #expect(AlertWatcher.messageEventId(inAlert: "alert/regulator/message/hz/lat-1/repeated/message/hz/lat-9")
            == "message/hz/lat-9")
        #expect(AlertWatcher.messageEventId(inAlert: "alert/reply_timeout/wait/hz") == nil)
    }
}

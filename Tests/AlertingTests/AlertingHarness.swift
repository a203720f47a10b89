import Foundation
import Testing
import VigilContracts
import VigilKafka
import VigilRuntime
import VigilStore
@testable import Alerting

/// An alerting processor on its own SQLite file in a fresh temporary folder,
/// with a small rules file written for the tests.
final class AlertingHarness {
    let catalogue = TopicCatalogue()
    let processor: AlertingProcessor
    let store: ServiceStore
    let context: ProcessingContext
    private let directory: URL
    private var nextOffset: Int64 = 0

    /// Regulator (critical), complaint (medium) and a high-severity complaint
    /// word, a legal rule for agents only, an escalation rule, and an
    /// escalation rule that needs a regulator hit within two messages.
    static let rulesText = """
        {
          "version": "test-1",
          "rules": [
            {"id": "regulator", "category": "regulator", "severity": "critical",
             "title": {"zh-CN": "监管", "en": "Regulator"}, "keywords": ["工商", "12315"],
             "exclusion": ["个体工商户"]},
            {"id": "complaint", "category": "complaint", "severity": "medium",
             "title": {"zh-CN": "投诉", "en": "Complaint"}, "keywords": ["投诉"],
             "negation": {"cues": ["不是要"], "scope": 2}},
            {"id": "complaint-report", "category": "complaint", "severity": "high",
             "title": {"zh-CN": "举报", "en": "Report"}, "keywords": ["举报"]},
            {"id": "agent-legal", "category": "legal", "severity": "high", "speaker": "agent",
             "title": {"zh-CN": "客服提到律师", "en": "Agent mentions a lawyer"}, "keywords": ["律师"]},
            {"id": "escalation", "category": "escalation", "severity": "low",
             "title": {"zh-CN": "找领导", "en": "Manager demanded"}, "keywords": ["领导"]},
            {"id": "escalation-near-regulator", "category": "escalation", "severity": "low",
             "title": {"zh-CN": "监管附近的反映", "en": "Report near a regulator"}, "keywords": ["反映"],
             "window": {"rule": "regulator", "messages": 2}}
          ]
        }
        """

    /// The Hangzhou chain: brand manager, manager, team A's supervisor and one
    /// of its agents, plus an agent who reports straight to the manager.
    static let roster = [
        RosterPerson(id: "B-001", name: "品牌客服经理", role: .brandManager, reportsTo: nil,
                     vendor: nil, site: nil, team: nil),
        RosterPerson(id: "M-hz", name: "杭州项目经理", role: .manager, reportsTo: "B-001",
                     vendor: "V-BAIXING", site: "hz", team: nil),
        RosterPerson(id: "S-hz-a", name: "杭州A组主管", role: .supervisor, reportsTo: "M-hz",
                     vendor: "V-BAIXING", site: "hz", team: "T-hz-a"),
        RosterPerson(id: "A-hz-a01", name: "王小明", role: .agent, reportsTo: "S-hz-a",
                     vendor: "V-BAIXING", site: "hz", team: "T-hz-a"),
        RosterPerson(id: "A-hz-x09", name: "李四", role: .agent, reportsTo: "M-hz",
                     vendor: "V-BAIXING", site: "hz", team: "T-hz-x"),
    ]

    /// A reply limit long enough that no test about rules meets a reply timeout.
    static let patientLimits = ReplyLimits(defaultSeconds: ReplyLimits.allowedSeconds.upperBound)

    init(policy: AlertPolicy = AlertPolicy(), replyLimits: ReplyLimits = AlertingHarness.patientLimits,
         roster: [RosterPerson] = AlertingHarness.roster, pinsRules: Bool = false) throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("vigil-alerting-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let normalizer = try TextNormalizer()
        let rules = try ActiveRules.compile(text: Self.rulesText, normalizer: normalizer, releaseId: nil)
        processor = AlertingProcessor(catalogue: catalogue, rules: rules, normalizer: normalizer, policy: policy,
                                      replyLimits: replyLimits, pinsRules: pinsRules)
        store = try ServiceStore(path: directory.appendingPathComponent("alerting.sqlite").path,
                                 registerMigrations: processor.registerMigrations)
        context = ProcessingContext(store: store, catalogue: catalogue)
        for person in roster {
            processor.applyRoster(person)
        }
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    // MARK: - Input

    static func time(_ text: String) throws -> Timestamp {
        try #require(TimestampFormat.parse(text))
    }

    /// Returns a message of buyer-1's thread in shop-waimai, conversation c-1, at `time` (+08:00 on 11 November).
    static func message(_ id: String, _ text: String, role: ChatRole = .customer, agent: String = "A-hz-a01",
                        buyer: String = "buyer-1", at time: String = "09:00:00") throws -> ChatMessage {
        ChatMessage(messageId: id, site: "hz", shop: "shop-waimai", conversationId: "c-\(buyer)", buyer: buyer,
                    agent: agent, role: role, text: text, sentAt: try Self.time("2026-11-11T\(time)+08:00"))
    }

    /// Processes `message` as the next record of partition 0 and returns the alert events it caused.
    @discardableResult
    func send(_ message: ChatMessage) throws -> [Alert] {
        let before = try entries().count
        let record = KafkaRecord(topic: catalogue.chatMessages.name, partition: 0, offset: nextOffset, key: nil,
                                 value: try EventCoding.encode(message), timestampMilliseconds: nil)
        nextOffset += 1
        try store.database.transaction {
            try processor.process(record, context: context)
        }
        return try Array(alerts().dropFirst(before))
    }

    /// Advances event time on partition 0 and returns the alert events that fell due.
    @discardableResult
    func watermark(_ time: String) throws -> [Alert] {
        let before = try entries().count
        let watermark = Watermark(source: "test", topic: catalogue.chatMessages.name, partition: 0,
                                  time: try Self.time(time))
        try store.database.transaction {
            try processor.advanceWatermark(watermark, context: context)
        }
        return try Array(alerts().dropFirst(before))
    }

    /// Applies a rules release as the rules topic would deliver it.
    func release(_ text: String, version: String) throws {
        let release = RuleSetRelease(version: version, rules: text, ruleCount: 1,
                                     publishedAt: try Self.time("2026-11-11T08:00:00+08:00"))
        let record = KafkaRecord(topic: catalogue.rules.name, partition: 0, offset: 0,
                                 key: Array(RuleSetRelease.key.utf8), value: try EventCoding.encode(release),
                                 timestampMilliseconds: nil)
        try processor.applyTableRecord(record)
    }

    // MARK: - Output

    /// Returns every record in the outbox, forwarded watermarks included, oldest first.
    func outbox() throws -> [Outbox.Entry] {
        try store.outbox.pending(limit: 10_000)
    }

    /// Returns the alert records in the outbox, leaving out forwarded watermarks.
    func entries() throws -> [Outbox.Entry] {
        try outbox().filter { !Self.isWatermark($0) }
    }

    static func isWatermark(_ entry: Outbox.Entry) -> Bool {
        entry.record.headers.contains { $0.name == EventHeaders.schema && $0.value == Array("watermark/1".utf8) }
    }

    /// Returns every alert event in the outbox, oldest first.
    func alerts() throws -> [Alert] {
        try entries().map { try EventCoding.decode(Alert.self, from: $0.record.value) }
    }
}

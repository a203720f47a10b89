import Alerting
import Foundation
import VigilContracts

/// The real chat data beside the repository (../shared/data), which tests read but never copy.
enum SharedData {
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static var folder: URL {
        if let override = ProcessInfo.processInfo.environment["VIGIL_SHARED_DATA"] {
            return URL(fileURLWithPath: override)
        }
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared/data")
    }

    static func file(_ name: String) -> URL { folder.appendingPathComponent(name) }

    static let chatFiles = ["chats-waimai.ndjson", "chats-jd.ndjson"]
    static let otherFiles = ["complaints-waimai.ndjson", "orders-jd.ndjson"]

    static var isAvailable: Bool {
        FileManager.default.fileExists(atPath: file("roster.ndjson").path)
            && chatFiles.allSatisfy { FileManager.default.fileExists(atPath: file($0).path) }
    }

    /// True under CI, where missing data must fail the tests instead of skipping them.
    static var isRequired: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    struct Missing: Error, CustomStringConvertible {
        var description: String {
            "the chat data is missing at \(SharedData.folder.path); CI needs ../shared/data beside the repository"
        }
    }

    static func requireAvailable() throws {
        guard isAvailable else { throw Missing() }
    }
}

/// The keyword alerts the default rules should raise on the files, computed
/// in memory: the rules library matches the messages in file order, and the
/// grouping rule is applied here on its own. An alert opens on a thread and
/// category's first hit, and again on a hit that comes a grouping window or
/// more after that thread and category's last hit.
struct ExpectedAlerts {
    /// One alert's raising, with what scoring attributes it by.
    struct Raised {
        var thread: String
        var category: String
        var raisedAt: Timestamp
        var shop: String
        var site: String
        var agent: String
    }

    var messages = 0
    var raised = 0
    var alertedThreads: Set<String> = []
    /// Every raising, in file order.
    var raisings: [Raised] = []

    static func read(groupWindowSeconds: Int) throws -> ExpectedAlerts {
        let rulesText = try String(contentsOf: SharedData.packageRoot.appendingPathComponent("rules/default.json"),
                                   encoding: .utf8)
        let ruleSet = try CompiledRuleSet(RuleSetParser.parse(text: rulesText), normalizer: TextNormalizer())
        let matcher = ConversationMatcher(ruleSet: ruleSet)
        var lastHit: [String: Int64] = [:]
        var expected = ExpectedAlerts()
        for name in SharedData.chatFiles {
            let text = try String(contentsOf: SharedData.file(name), encoding: .utf8)
            for line in text.split(separator: "\n") where !line.isEmpty {
                let message = try JSONDecoder().decode(ChatMessage.self, from: Data(line.utf8))
                expected.messages += 1
                let categories = Set(matcher.observe(message: message).map(\.hit.category.riskCategory))
                let thread = "\(message.shop)/\(message.buyer)"
                let time = message.sentAt.epochMilliseconds
                for category in categories {
                    let key = "\(thread)|\(category.rawValue)"
                    if let last = lastHit[key], time - last < Int64(groupWindowSeconds) * 1_000 {
                        lastHit[key] = max(last, time)
                        continue
                    }
                    expected.raised += 1
                    expected.alertedThreads.insert(thread)
                    expected.raisings.append(Raised(thread: thread, category: category.rawValue,
                                                    raisedAt: message.sentAt, shop: message.shop,
                                                    site: message.site, agent: message.agent))
                    lastHit[key] = time
                }
            }
        }
        return expected
    }
}

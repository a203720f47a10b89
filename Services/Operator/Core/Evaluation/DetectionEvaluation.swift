import Alerting
import Foundation
import VigilContracts

/// Detection measured on the shared chat data: the labelled waimai chats for
/// precision and recall, the unlabelled and agent messages for stray alerts,
/// and the JD chats for the false-alert rate on ordinary traffic.
///
/// Every message goes through one ``ConversationMatcher`` in file order,
/// exactly as a live feed would deliver it, so window rules see their
/// conversations. A message's predicted risk is the most severe category
/// among its hits.
struct DetectionEvaluation: Codable, Sendable {
    /// A message that alerted or should have, for review.
    struct Example: Codable, Sendable, Equatable {
        var messageId: String
        var role: ChatRole
        /// The labelled risk, when the message is labelled.
        var labelled: EvaluationLabel.Risk?
        var predicted: RuleCategory?
        var ruleIds: [String]
        /// The message text with personal numbers masked, as an alert would show it.
        var text: String
    }

    /// Masks the texts of the examples, which the report and its JSON list.
    private static let masker = PersonalDataMasker()

    /// Alerts on traffic that should raise almost none.
    struct Background: Codable, Sendable, Equatable {
        var customerMessages: Int
        var alertedCustomerMessages: Int
        var conversations: Int
        var alertedConversations: Int
        var examples: [Example]

        var alertsPerThousandMessages: Double {
            customerMessages == 0 ? 0 : Double(alertedCustomerMessages) * 1_000 / Double(customerMessages)
        }

        var alertedConversationShare: Double {
            conversations == 0 ? 0 : Double(alertedConversations) / Double(conversations)
        }
    }

    /// The file names in the data folder.
    static let labelledChats = "chats-waimai.ndjson"
    static let labels = "labels-waimai.ndjson"
    static let backgroundChats = "chats-jd.ndjson"

    var ruleSetVersion: String
    var metrics: DetectionMetrics
    /// Labelled messages whose prediction differs from the label.
    var mismatches: [Example]
    /// Customer messages without a label that alerted.
    var unlabelledCustomerAlerts: [Example]
    /// Agent and system messages that alerted.
    var agentAlerts: [Example]
    var background: Background

    // MARK: - Targets

    /// The minimum recall and precision of the four risk categories.
    static let targetRecall = 0.95
    static let targetPrecision = 0.90
    static let targetCategories: [RuleCategory] = [.regulator, .legal, .media, .complaint]

    /// The targets the rule set misses, empty when it meets them all.
    var unmetTargets: [String] {
        var unmet: [String] = []
        for category in Self.targetCategories {
            let score = metrics.score(category)
            if (score.recall ?? 0) < Self.targetRecall {
                unmet.append("\(category.rawValue) recall below \(Int(Self.targetRecall * 100))%")
            }
            if (score.precision ?? 0) < Self.targetPrecision {
                unmet.append("\(category.rawValue) precision below \(Int(Self.targetPrecision * 100))%")
            }
        }
        if !agentAlerts.isEmpty {
            unmet.append("\(agentAlerts.count) alerts on agent or system messages")
        }
        return unmet
    }

    // MARK: - Running

    /// Reads the three files from `folder` and evaluates `ruleSet` on them.
    static func run(ruleSet: CompiledRuleSet, folder: URL) throws -> DetectionEvaluation {
        let labels = try NDJSONFile.read(EvaluationLabel.self, from: folder.appendingPathComponent(Self.labels))
        let chats = try NDJSONFile.read(ChatMessage.self, from: folder.appendingPathComponent(Self.labelledChats))
        let jd = try NDJSONFile.read(ChatMessage.self, from: folder.appendingPathComponent(Self.backgroundChats))
        return evaluate(ruleSet: ruleSet, chats: chats, labels: labels, background: jd)
    }

    /// Evaluates `ruleSet` on messages already read.
    static func evaluate(ruleSet: CompiledRuleSet, chats: [ChatMessage], labels: [EvaluationLabel],
                         background: [ChatMessage]) -> DetectionEvaluation {
        let hits = detect(chats, ruleSet: ruleSet)
        let predictions = hits.compactMapValues { DetectionMetrics.mostSevere($0.map(\.category)) }
        let labelById = Dictionary(labels.map { ($0.messageId, $0) }, uniquingKeysWith: { first, _ in first })

        func example(_ message: ChatMessage) -> Example {
            Example(messageId: message.messageId, role: message.role, labelled: labelById[message.messageId]?.risk,
                    predicted: predictions[message.messageId], ruleIds: (hits[message.messageId] ?? []).map(\.ruleId),
                    text: Self.masker.mask(message.text))
        }

        var mismatches: [Example] = []
        var unlabelled: [Example] = []
        var agents: [Example] = []
        for message in chats {
            let predicted = predictions[message.messageId]
            if message.role != .customer {
                if predicted != nil {
                    agents.append(example(message))
                }
            } else if let label = labelById[message.messageId] {
                if label.risk.category != predicted {
                    mismatches.append(example(message))
                }
            } else if predicted != nil {
                unlabelled.append(example(message))
            }
        }

        return DetectionEvaluation(
            ruleSetVersion: ruleSet.version,
            metrics: DetectionMetrics(labels: labels, predictions: predictions),
            mismatches: mismatches, unlabelledCustomerAlerts: unlabelled, agentAlerts: agents,
            background: measureBackground(background, ruleSet: ruleSet))
    }

    /// Runs every message through one matcher and collects the hits per message id.
    private static func detect(_ messages: [ChatMessage], ruleSet: CompiledRuleSet) -> [String: [RuleHit]] {
        let matcher = ConversationMatcher(ruleSet: ruleSet)
        var hits: [String: [RuleHit]] = [:]
        for message in messages {
            for detected in matcher.observe(message: message) {
                hits[detected.messageId, default: []].append(detected.hit)
            }
        }
        return hits
    }

    private static func measureBackground(_ messages: [ChatMessage], ruleSet: CompiledRuleSet) -> Background {
        let hits = detect(messages, ruleSet: ruleSet)
        var background = Background(customerMessages: 0, alertedCustomerMessages: 0, conversations: 0,
                                    alertedConversations: 0, examples: [])
        var conversations: Set<String> = []
        var alerted: Set<String> = []
        for message in messages {
            let conversation = "\(message.shop)/\(message.conversationId)"
            conversations.insert(conversation)
            guard let messageHits = hits[message.messageId], !messageHits.isEmpty else { continue }
            alerted.insert(conversation)
            if message.role == .customer {
                background.alertedCustomerMessages += 1
            }
            background.examples.append(Example(
                messageId: message.messageId, role: message.role, labelled: nil,
                predicted: DetectionMetrics.mostSevere(messageHits.map(\.category)),
                ruleIds: messageHits.map(\.ruleId), text: Self.masker.mask(message.text)))
        }
        background.customerMessages = messages.count { $0.role == .customer }
        background.conversations = conversations.count
        background.alertedConversations = alerted.count
        return background
    }
}

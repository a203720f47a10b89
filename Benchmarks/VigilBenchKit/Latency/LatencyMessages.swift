import Alerting
import Foundation
import VigilContracts

/// The messages the latency benchmark sends: real chat texts of each site,
/// a fixed share of them ones that the rules in force alert on.
///
/// An alerting message opens a thread of its own, so it raises a new alert
/// rather than repeating one, and the alert's id names the message. The
/// other messages are texts on which no rule fires, spread over a pool of
/// threads per site as ongoing conversations.
public struct LatencyMessages: Sendable {
    /// A real message to send again under a new id: who wrote it where, and its text as a JSON string literal.
    public struct Template: Sendable {
        public var shop: String
        public var agent: String
        public var role: String
        public var quotedText: String
    }

    /// The sites, in a fixed order, each with its templates.
    public private(set) var sites: [String] = []
    private var alerting: [String: [Template]] = [:]
    private var quiet: [String: [Template]] = [:]
    /// Alerting messages per thousand.
    public var alertsPerThousand: Int
    /// Threads per site that carry the quiet messages.
    public var quietThreads = 2_000

    /// Sorts the messages of the chat files into those the rules alert on
    /// (customer messages with a hit) and those they do not.
    /// Throws ``BenchmarkInputError`` for a file that is missing or a line that is no chat message.
    public init(files: [String], rules: CompiledRuleSet, alertsPerThousand: Int) throws {
        self.alertsPerThousand = alertsPerThousand
        for path in files {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw BenchmarkInputError.unreadableChats(path: path)
            }
            var lineNumber = 0
            for line in data.split(separator: UInt8(ascii: "\n")) {
                lineNumber += 1
                guard let message = try? JSONDecoder().decode(Line.self, from: Data(line)) else {
                    throw BenchmarkInputError.invalidChatLine(path: path, line: lineNumber)
                }
                let speaker: RuleSpeaker = switch message.role {
                case "customer": .customer
                case "agent": .agent
                default: .any
                }
                let template = Template(shop: message.shop, agent: message.agent, role: message.role,
                                        quotedText: RuleSetJSON.string(message.text))
                if !sites.contains(message.site) {
                    sites.append(message.site)
                }
                if rules.match(text: message.text, speaker: speaker).isEmpty {
                    quiet[message.site, default: []].append(template)
                } else if speaker == .customer {
                    alerting[message.site, default: []].append(template)
                }
            }
        }
        sites.sort()
        sites.removeAll { alerting[$0, default: []].isEmpty || quiet[$0, default: []].isEmpty }
    }

    /// True when message `index` of a sender is one the rules alert on:
    /// exactly `alertsPerThousand` of every 1,000 consecutive messages, evenly spread.
    public func isAlerting(_ index: Int) -> Bool {
        (index + 1) * alertsPerThousand / 1_000 > index * alertsPerThousand / 1_000
    }

    /// One message as an NDJSON line, its chat-message event id, and whether the rules alert on it.
    public struct Message: Sendable {
        public var line: String
        public var eventId: String
        public var alerting: Bool
    }

    /// Returns message `index` of `site` in run `run`, sent at `sentAt` (ISO 8601).
    public func message(_ index: Int, site: String, run: String, sentAt: String) -> Message {
        let alerts = isAlerting(index)
        let pool = (alerts ? alerting[site] : quiet[site]) ?? []
        let template = pool[index % pool.count]
        let thread = alerts ? "\(run)-a\(index)" : "\(run)-q\(index % quietThreads)"
        let messageId = "\(run)-\(index)"
        let line = "{\"messageId\":\"\(messageId)\",\"site\":\"\(site)\",\"shop\":\"\(template.shop)\","
            + "\"conversationId\":\"\(thread)\",\"buyer\":\"\(thread)\",\"agent\":\"\(template.agent)\","
            + "\"role\":\"\(template.role)\",\"text\":\(template.quotedText),\"sentAt\":\"\(sentAt)\"}"
        return Message(line: line, eventId: "message/\(site)/\(messageId)", alerting: alerts)
    }

    /// The number of texts each site has of each kind, for the report.
    public var templateCounts: (alerting: Int, quiet: Int) {
        (sites.reduce(0) { $0 + (alerting[$1]?.count ?? 0) }, sites.reduce(0) { $0 + (quiet[$1]?.count ?? 0) })
    }

    private struct Line: Decodable {
        var site: String
        var shop: String
        var agent: String
        var role: String
        var text: String
    }
}

import Alerting
import Foundation
import VigilContracts

/// Chat message texts and their speakers, read from NDJSON chat exports
/// before any timing starts.
public struct ChatCorpus: Sendable {
    /// One message: its text and whose rules read it.
    public struct Message: Sendable {
        public var text: String
        public var speaker: RuleSpeaker
    }

    public private(set) var messages: [Message] = []
    /// The UTF-8 size of all texts, without the JSON around them.
    public private(set) var textBytes = 0

    /// Reads every line of the files, in order. A system message reads as
    /// speaker `any`, as the matcher treats an unknown author.
    /// Throws ``BenchmarkInputError`` for a file that is missing or a line that is no chat message.
    public init(files: [String]) throws {
        for path in files {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw BenchmarkInputError.unreadableChats(path: path)
            }
            var lineNumber = 0
            for line in data.split(separator: UInt8(ascii: "\n")) {
                lineNumber += 1
                guard let record = try? JSONDecoder().decode(ChatLine.self, from: Data(line)) else {
                    throw BenchmarkInputError.invalidChatLine(path: path, line: lineNumber)
                }
                let speaker: RuleSpeaker = switch record.role {
                case "customer": .customer
                case "agent": .agent
                default: .any
                }
                messages.append(Message(text: record.text, speaker: speaker))
                textBytes += record.text.utf8.count
            }
        }
    }

    private struct ChatLine: Decodable {
        var text: String
        var role: String
    }
}

/// An input file the benchmark cannot use.
public enum BenchmarkInputError: Error, CustomStringConvertible {
    case unreadableChats(path: String)
    case invalidChatLine(path: String, line: Int)
    case unreadableRules(path: String)
    /// A rules file that ``RuleSetParser`` rejects, with its errors as `LINE:COLUMN: message` lines.
    case invalidRules(path: String, errors: String)
    /// A line of the shared data that cannot be copied with fresh ids, with its start.
    case invalidRecord(line: String)
    /// The embedded broker dropped the oldest records of a partition, because the copies exceed its 5 MiB per partition.
    case brokerDroppedRecords(copies: Int)
    /// No site of the chats has both texts that the rules alert on and texts they do not, which the latency runs send.
    case noLatencyTexts(rules: String)

    public var description: String {
        switch self {
        case .unreadableChats(let path):
            "cannot read \(path): \(PathCheck.dataAdvice)"
        case .invalidChatLine(let path, let line):
            "\(path):\(line): not a chat message with text and role"
        case .unreadableRules(let path):
            "cannot read \(path): pass the default rules file with --rules"
        case .invalidRules(let path, let errors):
            "invalid rules file \(path):\n\(errors)"
        case .invalidRecord(let line):
            "cannot copy the record \(line): its time is not ISO 8601 (YYYY-MM-DDThh:mm:ss+hh:mm)"
        case .brokerDroppedRecords(let copies):
            "the embedded broker keeps about 5 MiB per partition and dropped records of "
                + "\(English.count(copies, "copy", plural: "copies")); "
                + "give a smaller --copies"
        case .noLatencyTexts(let rules):
            "no site of the chats has both customer texts that \(rules) alerts on and texts it does not; "
                + "the latency runs need both: pass other rules with --rules or other chats with --data"
        }
    }
}

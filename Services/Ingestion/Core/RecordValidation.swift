import Foundation
import VigilContracts
import VigilRuntime

/// The checks beyond the schema that every accepted record must pass.
///
/// Limits keep every event far below a Kafka record's size limit, and the
/// time range keeps Kafka timestamps positive and plausible.
enum RecordValidation {
    /// The maximum id length accepted, in UTF-8 bytes.
    static let maxIdentifierBytes = 200
    /// The maximum length of a chat text or complaint summary, in UTF-8 bytes.
    static let maxTextBytes = ChatMessage.maxTextBytes
    /// The largest order amount accepted.
    static let maxAmount = Decimal(1_000_000_000)

    static func validate(_ record: InterchangeRecord) throws {
        switch record {
        case .message(let message):
            try identifiers(["messageId": message.messageId, "conversationId": message.conversationId,
                             "buyer": message.buyer, "agent": message.agent])
            try identifier("site", message.site, allowSlash: false)
            try identifier("shop", message.shop, allowSlash: false)
            try text("text", message.text)
            try eventTime("sentAt", message.sentAt)
        case .person(let person):
            try identifiers(["id": person.id, "name": person.name])
            try optionalIdentifiers(["reportsTo": person.reportsTo, "vendor": person.vendor, "site": person.site,
                                     "team": person.team])
            if person.role != .brandManager, person.reportsTo == nil {
                throw RecordRejection(.invalidField, "missing field \"reportsTo\": only the brand manager reports to no one")
            }
            if person.role == .agent || person.role == .supervisor, person.team == nil {
                throw RecordRejection(.invalidField, "missing field \"team\": every \(person.role.rawValue) belongs to a team")
            }
        case .complaint(let complaint):
            try identifiers(["complaintId": complaint.complaintId, "buyer": complaint.buyer])
            try identifier("shop", complaint.shop, allowSlash: false)
            try optionalIdentifiers(["conversationId": complaint.conversationId])
            try text("summary", complaint.summary)
            try eventTime("filedAt", complaint.filedAt)
        case .order(let order):
            try identifiers(["orderId": order.orderId, "buyer": order.buyer])
            try identifier("shop", order.shop, allowSlash: false)
            try optionalIdentifiers(["conversationId": order.conversationId, "agent": order.agent,
                                     "campaign": order.campaign])
            try eventTime("paidAt", order.paidAt)
            guard order.amount >= 0 else {
                throw RecordRejection(.invalidField, "invalid field \"amount\": negative")
            }
            guard order.amount <= maxAmount else {
                throw RecordRejection(.invalidField, "invalid field \"amount\": larger than \(maxAmount)")
            }
            guard order.currency.count == 3, order.currency.allSatisfy({ $0.isASCII && $0.isUppercase }) else {
                throw RecordRejection(.invalidField, "invalid field \"currency\": expected an ISO 4217 code such as CNY")
            }
        }
    }

    // MARK: - Fields

    private static func identifiers(_ fields: KeyValuePairs<String, String>) throws {
        for (name, value) in fields {
            try identifier(name, value, allowSlash: true)
        }
    }

    private static func optionalIdentifiers(_ fields: KeyValuePairs<String, String?>) throws {
        for (name, value) in fields {
            if let value {
                try identifier(name, value, allowSlash: true)
            }
        }
    }

    private static func identifier(_ name: String, _ value: String, allowSlash: Bool) throws {
        guard !value.isEmpty else {
            throw RecordRejection(.invalidField, "invalid field \"\(name)\": empty")
        }
        guard value.utf8.count <= maxIdentifierBytes else {
            throw RecordRejection(.invalidField, "invalid field \"\(name)\": longer than \(maxIdentifierBytes) bytes")
        }
        guard !value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw RecordRejection(.invalidField, "invalid field \"\(name)\": contains control characters")
        }
        // Thread keys read shop/buyer and message ids message/<site>/<id>, so these two may not contain "/".
        guard allowSlash || !value.contains("/") else {
            throw RecordRejection(.invalidField, "invalid field \"\(name)\": contains \"/\"")
        }
    }

    private static func text(_ name: String, _ value: String) throws {
        guard value.utf8.count <= maxTextBytes else {
            throw RecordRejection(.invalidField, "invalid field \"\(name)\": longer than \(maxTextBytes) bytes")
        }
    }

    private static func eventTime(_ name: String, _ value: Timestamp) throws {
        guard value.isAcceptedEventTime else {
            throw RecordRejection(.invalidTime,
                                  "invalid field \"\(name)\": \(value.iso8601) is outside 2000-01-01 to 2099-12-31")
        }
    }
}

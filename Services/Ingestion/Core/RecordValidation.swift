import Foundation
import VigilContracts
import VigilRuntime

/// The checks beyond the schema that every accepted record must pass.
enum RecordValidation {
    /// The longest id accepted, in UTF-8 bytes.
    static let maxIdentifierBytes = 200
    /// The longest chat text accepted, in UTF-8 bytes.
    static let maxTextBytes = 20_000

    static func validate(_ record: InterchangeRecord) throws {
        switch record {
        case .message(let message):
            try identifiers(["messageId": message.messageId, "site": message.site, "conversationId": message.conversationId,
                             "buyer": message.buyer, "agent": message.agent])
            try shop(message.shop)
            guard message.text.utf8.count <= maxTextBytes else {
                throw RecordRejection(.invalidField, "invalid field \"text\": longer than \(maxTextBytes) bytes")
            }
        case .person(let person):
            try identifiers(["id": person.id])
            guard !person.name.isEmpty else {
                throw RecordRejection(.invalidField, "invalid field \"name\": empty")
            }
            if person.role != .brandManager, person.reportsTo == nil {
                throw RecordRejection(.invalidField, "missing field \"reportsTo\": only the brand manager reports to no one")
            }
            if person.role == .agent || person.role == .supervisor, person.team == nil {
                throw RecordRejection(.invalidField, "missing field \"team\": every \(person.role.rawValue) belongs to a team")
            }
        case .complaint(let complaint):
            try identifiers(["complaintId": complaint.complaintId, "buyer": complaint.buyer])
            try shop(complaint.shop)
        case .order(let order):
            try identifiers(["orderId": order.orderId, "buyer": order.buyer])
            try shop(order.shop)
            guard order.amount >= 0 else {
                throw RecordRejection(.invalidField, "invalid field \"amount\": negative")
            }
            guard order.currency.count == 3, order.currency.allSatisfy({ $0.isASCII && $0.isUppercase }) else {
                throw RecordRejection(.invalidField, "invalid field \"currency\": expected an ISO 4217 code such as CNY")
            }
        }
    }

    private static func identifiers(_ fields: KeyValuePairs<String, String>) throws {
        for (name, value) in fields {
            guard !value.isEmpty else {
                throw RecordRejection(.invalidField, "invalid field \"\(name)\": empty")
            }
            guard value.utf8.count <= maxIdentifierBytes else {
                throw RecordRejection(.invalidField, "invalid field \"\(name)\": longer than \(maxIdentifierBytes) bytes")
            }
            guard !value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
                throw RecordRejection(.invalidField, "invalid field \"\(name)\": contains control characters")
            }
        }
    }

    private static func shop(_ value: String) throws {
        try identifiers(["shop": value])
        // The thread key is "shop/buyer", so a slash would make keys ambiguous.
        guard !value.contains("/") else {
            throw RecordRejection(.invalidField, "invalid field \"shop\": contains \"/\"")
        }
    }
}

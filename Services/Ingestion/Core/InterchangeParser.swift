import Foundation
import VigilContracts
import VigilRuntime

/// One accepted interchange record.
public enum InterchangeRecord: Sendable, Equatable {
    case message(ChatMessage)
    case person(RosterPerson)
    case complaint(Complaint)
    case order(Order)

    public var kind: RecordKind {
        switch self {
        case .message: .message
        case .person: .roster
        case .complaint: .complaint
        case .order: .order
        }
    }

    public var eventId: String {
        switch self {
        case .message(let message): message.eventId
        case .person(let person): person.eventId
        case .complaint(let complaint): complaint.eventId
        case .order(let order): order.eventId
        }
    }
}

/// Parses and validates one NDJSON line of the interchange format.
///
/// Without a fixed kind, the record's kind is recognised by its id field:
/// `messageId` with `text` for a chat message, `complaintId`, `orderId`, or
/// `id` with `role` for a roster person.
public struct InterchangeParser: Sendable {
    /// The kind every record must have, or nil to recognise each record's kind.
    public var fixedKind: RecordKind?

    public init(fixedKind: RecordKind? = nil) {
        self.fixedKind = fixedKind
    }

    /// Parses a line, or throws a ``RecordRejection`` that describes what is wrong with it.
    public func parse(_ line: ArraySlice<UInt8>) throws -> InterchangeRecord {
        let bytes = Array(line)
        let kind = try fixedKind ?? recognise(bytes)
        let record: InterchangeRecord
        switch kind {
        case .message: record = .message(try RecordDecoding.decode(ChatMessage.self, from: bytes))
        case .roster: record = .person(try RecordDecoding.decode(RosterPerson.self, from: bytes))
        case .complaint: record = .complaint(try RecordDecoding.decode(Complaint.self, from: bytes))
        case .order: record = .order(try RecordDecoding.decode(Order.self, from: bytes))
        }
        try RecordValidation.validate(record)
        return record
    }

    private struct Shape: Decodable {
        var messageId: String?
        var text: String?
        var complaintId: String?
        var orderId: String?
        var id: String?
        var role: String?
    }

    private func recognise(_ bytes: [UInt8]) throws -> RecordKind {
        let shape: Shape
        do {
            shape = try JSONDecoder().decode(Shape.self, from: Data(bytes))
        } catch let error as DecodingError {
            throw RecordDecoding.rejection(for: error)
        }
        if shape.messageId != nil, shape.text != nil {
            return .message
        }
        if shape.complaintId != nil {
            return .complaint
        }
        if shape.orderId != nil {
            return .order
        }
        if shape.id != nil, shape.role != nil {
            return .roster
        }
        throw RecordRejection(.unknownRecord, """
            not a chat message, complaint, order or roster person: \
            expected messageId and text, complaintId, orderId, or id and role
            """)
    }
}

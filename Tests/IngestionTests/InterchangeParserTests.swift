import Foundation
import Testing
import VigilContracts
import VigilRuntime
@testable import Ingestion

/// Builders of valid interchange records, one per kind, with realistic ids and times.
enum InterchangeLines {
    static func message(_ changes: [String: Any] = [:]) -> [String: Any] {
        merge([
            "messageId": "mt-dev-90077871-0", "site": "hf", "shop": "shop-waimai",
            "conversationId": "mt-dev-90077871", "buyer": "buyer-66494408", "agent": "A-hf-b03",
            "role": "customer", "text": "我要打12315投诉你们", "sentAt": "2026-11-11T08:01:51+08:00",
        ], changes)
    }

    static func person(_ changes: [String: Any] = [:]) -> [String: Any] {
        merge([
            "id": "A-hz-a01", "name": "杭州客服01", "role": "agent", "reportsTo": "S-hz-a",
            "vendor": "V-BAIXING", "site": "hz", "team": "T-hz-a",
        ], changes)
    }

    static func complaint(_ changes: [String: Any] = [:]) -> [String: Any] {
        merge([
            "complaintId": "C-dev-796984", "channel": "12315", "shop": "shop-waimai", "buyer": "buyer-92796984",
            "conversationId": "mt-dev-90077031", "filedAt": "2026-11-13T11:13:19+08:00",
            "summary": "顾客就该会话涉及的问题提起投诉", "synthetic": true,
        ], changes)
    }

    static func order(_ changes: [String: Any] = [:]) -> [String: Any] {
        merge([
            "orderId": "O-537203294", "shop": "shop-jd-3c", "buyer": "buyer-10480447",
            "conversationId": "jd-0000b82c62117aa4", "agent": "A-cd-b05", "amount": 1245.15, "currency": "CNY",
            "campaign": "2026-double11", "paidAt": "2026-11-11T23:08:51+08:00", "synthetic": true,
        ], changes)
    }

    /// Encodes the fields as one JSON line, without the newline.
    static func line(_ fields: [String: Any]) throws -> ArraySlice<UInt8> {
        ArraySlice(try JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys]))
    }

    private static func merge(_ base: [String: Any], _ changes: [String: Any]) -> [String: Any] {
        base.merging(changes) { _, new in new }
    }
}

@Suite("InterchangeParser")
struct InterchangeParserTests {
    let parser = InterchangeParser()

    private func parse(_ fields: [String: Any], as kind: RecordKind? = nil) throws -> InterchangeRecord {
        try InterchangeParser(fixedKind: kind).parse(InterchangeLines.line(fields))
    }

    private func parse(text: String) throws -> InterchangeRecord {
        try parser.parse(ArraySlice(text.utf8))
    }

    // MARK: - Recognition

    @Test("recognises chat message")
    func recognisesMessage() throws {
        let record = try parse(InterchangeLines.message())

        guard case .message(let message) = record else {
            Issue.record("expected a chat message, got \(record)")
            return
        }
        #expect(record.kind == .message)
        #expect(message.messageId == "mt-dev-90077871-0")
        #expect(message.site == "hf")
        #expect(message.role == .customer)
        #expect(message.text == "我要打12315投诉你们")
        #expect(message.sentAt.iso8601 == "2026-11-11T08:01:51+08:00")
        #expect(record.eventId == "message/hf/mt-dev-90077871-0")
    }

    @Test("recognises roster person")
    func recognisesPerson() throws {
        let record = try parse(InterchangeLines.person())

        guard case .person(let person) = record else {
            Issue.record("expected a roster person, got \(record)")
            return
        }
        #expect(record.kind == .roster)
        #expect(person.id == "A-hz-a01")
        #expect(person.role == .agent)
        #expect(person.reportsTo == "S-hz-a")
        #expect(person.team == "T-hz-a")
    }

    @Test("recognises complaint")
    func recognisesComplaint() throws {
        let record = try parse(InterchangeLines.complaint())

        guard case .complaint(let complaint) = record else {
            Issue.record("expected a complaint, got \(record)")
            return
        }
        #expect(record.kind == .complaint)
        #expect(complaint.complaintId == "C-dev-796984")
        #expect(complaint.channel == .hotline12315)
        #expect(complaint.conversationId == "mt-dev-90077031")
        #expect(complaint.synthetic == true)
        #expect(record.eventId == "complaint/C-dev-796984")
    }

    @Test("recognises order")
    func recognisesOrder() throws {
        let record = try parse(InterchangeLines.order())

        guard case .order(let order) = record else {
            Issue.record("expected an order, got \(record)")
            return
        }
        #expect(record.kind == .order)
        #expect(order.orderId == "O-537203294")
        #expect(order.amount == Decimal(string: "1245.15"))
        #expect(order.currency == "CNY")
        #expect(record.eventId == "order/shop-jd-3c/O-537203294")
    }

    @Test("recognises brand manager without superior")
    func recognisesBrandManager() throws {
        let fields: [String: Any] = [
            "id": "B-001", "name": "品牌客服经理", "role": "brand_manager", "reportsTo": NSNull(),
            "vendor": NSNull(), "site": NSNull(), "team": NSNull(),
        ]

        let record = try parse(fields)

        guard case .person(let person) = record else {
            Issue.record("expected a roster person, got \(record)")
            return
        }
        #expect(person.role == .brandManager)
        #expect(person.reportsTo == nil)
        #expect(person.team == nil)
    }

    @Test("fixed kind parses matching records")
    func fixedKindParsesMatchingRecords() throws {
        #expect(try parse(InterchangeLines.message(), as: .message).kind == .message)
        #expect(try parse(InterchangeLines.person(), as: .roster).kind == .roster)
        #expect(try parse(InterchangeLines.complaint(), as: .complaint).kind == .complaint)
        #expect(try parse(InterchangeLines.order(), as: .order).kind == .order)
    }

    @Test("fixed kind rejects other kinds")
    func fixedKindRejectsOtherKinds() throws {
        let rejection = #expect(throws: RecordRejection.self) {
            try parse(InterchangeLines.complaint(), as: .message)
        }

        #expect(rejection?.reason == .invalidField)
        #expect(rejection?.message.contains("\"messageId\"") == true)
    }

    // MARK: - Rejections

    @Test("rejects invalid JSON")
    func rejectsInvalidJSON() throws {
        for text in ["{\"messageId\": ", "not json", ""] {
            let rejection = #expect(throws: RecordRejection.self, "line \(text.debugDescription)") {
                try parse(text: text)
            }
            #expect(rejection?.reason == .invalidJSON, "line \(text.debugDescription)")
        }
    }

    @Test("fixed kind rejects invalid JSON")
    func fixedKindRejectsInvalidJSON() throws {
        let rejection = #expect(throws: RecordRejection.self) {
            try InterchangeParser(fixedKind: .order).parse(ArraySlice("{oops".utf8))
        }

        #expect(rejection?.reason == .invalidJSON)
    }

    @Test("rejects JSON that is not an object")
    func rejectsNonObjectJSON() throws {
        for text in ["[1,2]", "null", "42", "\"text\""] {
            let recognised = #expect(throws: RecordRejection.self, "line \(text)") {
                try parse(text: text)
            }
            #expect(recognised?.reason == .invalidJSON, "line \(text)")
            let fixed = #expect(throws: RecordRejection.self, "line \(text) as message") {
                try InterchangeParser(fixedKind: .message).parse(ArraySlice(text.utf8))
            }
            #expect(fixed?.reason == .invalidJSON, "line \(text) as message")
        }
    }

    @Test("rejects slash in site")
    func rejectsSlashInSite() throws {
        let rejection = #expect(throws: RecordRejection.self) {
            try parse(InterchangeLines.message(["site": "a/b"]))
        }
        #expect(rejection?.reason == .invalidField)
        #expect(rejection?.message.contains("\"site\"") == true)
    }

    @Test("rejects event time out of range", arguments: ["1969-12-31T23:59:59Z", "2100-01-01T00:00:00Z"])
    func rejectsTimeOutOfRange(sentAt: String) throws {
        let rejection = #expect(throws: RecordRejection.self) {
            try parse(InterchangeLines.message(["sentAt": sentAt]))
        }
        #expect(rejection?.reason == .invalidTime)
        #expect(rejection?.message.contains("\"sentAt\"") == true)
    }

    @Test("rejects over-long complaint summary")
    func rejectsLongSummary() throws {
        let rejection = #expect(throws: RecordRejection.self) {
            try parse(InterchangeLines.complaint(["summary": String(repeating: "诉", count: 7_000)]))
        }
        #expect(rejection?.message.contains("\"summary\"") == true)
    }

    @Test("rejects huge order amount")
    func rejectsHugeAmount() throws {
        let rejection = #expect(throws: RecordRejection.self) {
            try parse(InterchangeLines.order(["amount": 1e15]))
        }
        #expect(rejection?.message.contains("\"amount\"") == true)
    }

    @Test("names type of mistyped field")
    func namesMistypedField() throws {
        let rejection = #expect(throws: RecordRejection.self) {
            try parse(InterchangeLines.order(["amount": "12.5"]))
        }
        #expect(rejection?.reason == .invalidField)
        #expect(rejection?.message.hasSuffix("\"amount\": ") == false, "the reason says what was expected")
    }

    @Test("rejects unknown record shape")
    func rejectsUnknownShape() throws {
        let shapes: [[String: Any]] = [
            ["name": "张三"],
            ["messageId": "m-1", "site": "hf"],
            ["id": "A-1", "name": "张三"],
        ]
        for fields in shapes {
            let rejection = #expect(throws: RecordRejection.self, "fields \(fields.keys.sorted())") {
                try parse(fields)
            }
            #expect(rejection?.reason == .unknownRecord, "fields \(fields.keys.sorted())")
        }
    }

    @Test("rejects missing field by name")
    func rejectsMissingField() throws {
        var fields = InterchangeLines.message()
        fields["sentAt"] = nil

        let rejection = #expect(throws: RecordRejection.self) {
            try parse(fields)
        }

        #expect(rejection?.reason == .invalidField)
        #expect(rejection?.message.contains("\"sentAt\"") == true)
    }

    @Test("rejects mistyped field by name")
    func rejectsMistypedField() throws {
        let rejection = #expect(throws: RecordRejection.self) {
            try parse(InterchangeLines.order(["amount": "1245.15"]))
        }

        #expect(rejection?.reason == .invalidField)
        #expect(rejection?.message.contains("\"amount\"") == true)
    }

    @Test("rejects mistyped id while recognising")
    func rejectsMistypedIdWhileRecognising() throws {
        let rejection = #expect(throws: RecordRejection.self) {
            try parse(InterchangeLines.message(["messageId": 42]))
        }

        #expect(rejection?.reason == .invalidField)
        #expect(rejection?.message.contains("\"messageId\"") == true)
    }

    @Test("rejects unknown role value")
    func rejectsUnknownRole() throws {
        let rejection = #expect(throws: RecordRejection.self) {
            try parse(InterchangeLines.message(["role": "bot"]))
        }

        #expect(rejection?.reason == .invalidField)
        #expect(rejection?.message.contains("\"role\"") == true)
    }

    @Test("rejects timestamp without offset")
    func rejectsTimestampWithoutOffset() throws {
        let rejection = #expect(throws: RecordRejection.self) {
            try parse(InterchangeLines.message(["sentAt": "2026-11-11T08:01:51"]))
        }

        #expect(rejection?.reason == .invalidTime)
        #expect(rejection?.message.contains("\"sentAt\"") == true)
    }

    @Test("accepts timestamp in UTC")
    func acceptsTimestampInUTC() throws {
        let record = try parse(InterchangeLines.message(["sentAt": "2026-11-11T00:01:51Z"]))

        guard case .message(let message) = record else {
            Issue.record("expected a chat message, got \(record)")
            return
        }
        // 2026-11-11T00:01:51Z is 1 794 355 311 s after the epoch.
        #expect(message.sentAt.epochMilliseconds == 1_794_355_311_000)
    }

    @Test("rejects shop containing slash")
    func rejectsShopWithSlash() throws {
        let cases: [(String, [String: Any])] = [
            ("message", InterchangeLines.message(["shop": "shop/waimai"])),
            ("complaint", InterchangeLines.complaint(["shop": "shop/waimai"])),
            ("order", InterchangeLines.order(["shop": "shop/jd"])),
        ]
        for (kind, fields) in cases {
            let rejection = #expect(throws: RecordRejection.self, "\(kind)") {
                try parse(fields)
            }
            #expect(rejection?.reason == .invalidField, "\(kind)")
            #expect(rejection?.message.contains("\"shop\"") == true, "\(kind)")
        }
    }

    @Test("rejects empty ids by name")
    func rejectsEmptyIds() throws {
        let cases: [(String, [String: Any])] = [
            ("messageId", InterchangeLines.message(["messageId": ""])),
            ("conversationId", InterchangeLines.message(["conversationId": ""])),
            ("buyer", InterchangeLines.message(["buyer": ""])),
            ("agent", InterchangeLines.message(["agent": ""])),
            ("id", InterchangeLines.person(["id": ""])),
            ("complaintId", InterchangeLines.complaint(["complaintId": ""])),
            ("orderId", InterchangeLines.order(["orderId": ""])),
            ("shop", InterchangeLines.order(["shop": ""])),
        ]
        for (field, fields) in cases {
            let rejection = #expect(throws: RecordRejection.self, "field \(field)") {
                try parse(fields)
            }
            #expect(rejection?.reason == .invalidField, "field \(field)")
            #expect(rejection?.message.contains("\"\(field)\"") == true, "field \(field)")
        }
    }

    @Test("rejects id longer than 200 bytes")
    func rejectsLongId() throws {
        let rejection = #expect(throws: RecordRejection.self) {
            try parse(InterchangeLines.message(["buyer": String(repeating: "b", count: 201)]))
        }

        #expect(rejection?.reason == .invalidField)
        #expect(rejection?.message.contains("\"buyer\"") == true)
    }

    @Test("accepts text of 20000 bytes")
    func acceptsTextAtLimit() throws {
        // 6 666 three-byte characters and two ASCII digits: 20 000 bytes.
        let text = String(repeating: "投", count: 6_666) + "12"

        let record = try parse(InterchangeLines.message(["text": text]))

        #expect(record.kind == .message)
    }

    @Test("rejects text over 20000 bytes")
    func rejectsOverlongText() throws {
        // 6 667 three-byte characters: 20 001 bytes.
        let text = String(repeating: "投", count: 6_667)

        let rejection = #expect(throws: RecordRejection.self) {
            try parse(InterchangeLines.message(["text": text]))
        }

        #expect(rejection?.reason == .invalidField)
        #expect(rejection?.message.contains("\"text\"") == true)
    }

    @Test("rejects non-brand-manager without superior")
    func rejectsMissingReportsTo() throws {
        let people: [(String, [String: Any])] = [
            ("agent", InterchangeLines.person(["reportsTo": NSNull()])),
            ("supervisor", InterchangeLines.person(["id": "S-hz-a", "role": "supervisor", "reportsTo": NSNull()])),
            ("manager", InterchangeLines.person(["id": "M-hz", "role": "manager", "reportsTo": NSNull(),
                                                 "team": NSNull()])),
        ]
        for (role, fields) in people {
            let rejection = #expect(throws: RecordRejection.self, "role \(role)") {
                try parse(fields)
            }
            #expect(rejection?.reason == .invalidField, "role \(role)")
            #expect(rejection?.message.contains("\"reportsTo\"") == true, "role \(role)")
        }
    }

    @Test("rejects agent without team")
    func rejectsAgentWithoutTeam() throws {
        let rejection = #expect(throws: RecordRejection.self) {
            try parse(InterchangeLines.person(["team": NSNull()]))
        }

        #expect(rejection?.reason == .invalidField)
        #expect(rejection?.message.contains("\"team\"") == true)
    }

    @Test("accepts manager without team")
    func acceptsManagerWithoutTeam() throws {
        let record = try parse(InterchangeLines.person(["id": "M-hz", "role": "manager", "reportsTo": "B-001",
                                                        "team": NSNull()]))

        #expect(record.kind == .roster)
    }

    @Test("rejects empty person name")
    func rejectsEmptyName() throws {
        let rejection = #expect(throws: RecordRejection.self) {
            try parse(InterchangeLines.person(["name": ""]))
        }

        #expect(rejection?.reason == .invalidField)
        #expect(rejection?.message.contains("\"name\"") == true)
    }

    @Test("rejects negative order amount")
    func rejectsNegativeAmount() throws {
        let rejection = #expect(throws: RecordRejection.self) {
            try parse(InterchangeLines.order(["amount": -0.01]))
        }

        #expect(rejection?.reason == .invalidField)
        #expect(rejection?.message.contains("\"amount\"") == true)
    }

    @Test("accepts zero order amount")
    func acceptsZeroAmount() throws {
        let record = try parse(InterchangeLines.order(["amount": 0]))

        #expect(record.kind == .order)
    }

    @Test("rejects bad currency codes")
    func rejectsBadCurrency() throws {
        for currency in ["cny", "RMB1", "CN", "", "ＣＮＹ"] {
            let rejection = #expect(throws: RecordRejection.self, "currency \(currency.debugDescription)") {
                try parse(InterchangeLines.order(["currency": currency]))
            }
            #expect(rejection?.reason == .invalidField, "currency \(currency.debugDescription)")
            #expect(rejection?.message.contains("\"currency\"") == true, "currency \(currency.debugDescription)")
        }
    }
}

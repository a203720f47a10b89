import Foundation
import Testing
import VigilContracts

/// Encodes `event`, decodes it with the schema check and encodes the result again.
///
/// The second encoding must match the first byte for byte, which also catches a
/// lost UTC offset: `Timestamp` equality compares instants only.
private func expectRoundTrip<Event: VigilEvent>(_ event: Event, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let bytes = try EventCoding.encode(event)
    let decoded = try EventCoding.decodeEvent(Event.self, from: bytes)
    #expect(decoded == event, sourceLocation: sourceLocation)
    #expect(decoded.eventId == event.eventId, sourceLocation: sourceLocation)
    #expect(try EventCoding.encode(decoded) == bytes, sourceLocation: sourceLocation)
}

private func jsonObject(_ bytes: [UInt8]) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
}

@Suite("EventCoding round trips")
struct EventRoundTripTests {
    @Test("chat message round trips")
    func chatMessage() throws {
        try expectRoundTrip(SampleEvents.chatMessage())
    }

    @Test("roster person round trips")
    func rosterPerson() throws {
        try expectRoundTrip(SampleEvents.rosterPerson())
        try expectRoundTrip(RosterPerson(id: "B-001", name: "周敏", role: .brandManager, reportsTo: nil,
                                         vendor: nil, site: nil, team: nil))
    }

    @Test("complaint round trips")
    func complaint() throws {
        try expectRoundTrip(SampleEvents.complaint())
        try expectRoundTrip(Complaint(complaintId: "DC-0003", channel: .consumerAssociation, shop: "shop-demo-jd",
                                      buyer: "buyer-d010", conversationId: nil,
                                      filedAt: SampleEvents.timestamp("2026-11-13T09:00:00+08:00"),
                                      summary: "商品与描述不符", synthetic: nil))
    }

    @Test("order round trips")
    func order() throws {
        try expectRoundTrip(SampleEvents.order())
    }

    @Test("alert round trips")
    func alert() throws {
        try expectRoundTrip(SampleEvents.alert())
        var unaddressed = SampleEvents.alert()
        unaddressed.team = nil
        unaddressed.recipient = nil
        try expectRoundTrip(unaddressed)
    }

    @Test("case event round trips")
    func caseEvent() throws {
        try expectRoundTrip(SampleEvents.caseEvent())
        let thread = ThreadKey(shop: SampleEvents.shop, buyer: SampleEvents.buyer)
        try expectRoundTrip(CaseEvent(eventId: "case-event/complaint/DC-0001", caseId: CaseEvent.caseId(for: thread),
                                      type: .complaintLinked, shop: thread.shop, buyer: thread.buyer,
                                      conversationId: nil, agent: nil, alertId: nil, complaintId: "DC-0001",
                                      complaintChannel: .marketRegulator,
                                      occurredAt: SampleEvents.timestamp("2026-11-12T10:20:00+08:00"),
                                      text: LocalizedText(chinese: "投诉已关联", english: "Complaint linked")))
    }

    @Test("score round trips")
    func score() throws {
        try expectRoundTrip(SampleEvents.score())
        try expectRoundTrip(Score.example)
    }

    @Test("scoring fact round trips")
    func scoringFact() throws {
        try expectRoundTrip(SampleEvents.scoringFact())
        try expectRoundTrip(ScoringFact.example)
    }

    @Test("dead letter round trips")
    func deadLetter() throws {
        try expectRoundTrip(SampleEvents.deadLetterFromTopic())
        try expectRoundTrip(SampleEvents.deadLetterFromFile())
    }

    @Test("dead letter id names position")
    func deadLetterPosition() {
        let fromTopic = SampleEvents.deadLetterFromTopic()
        let fromFile = SampleEvents.deadLetterFromFile()
        // The last part is FNV-1a 64 of the payload bytes, computed outside Vigil.
        #expect(fromTopic.eventId == "dead-letter/vigil-alerting/vigil.chat.messages/3/42/04f5d529803d6648")
        #expect(fromFile.eventId == "dead-letter/vigil-ingest/samples/chats-malformed.ndjson:2/c9b6cda82a92bafc")
        #expect(fromFile.recordKey == nil)
    }
}

@Suite("EventCoding canonical bytes")
struct CanonicalEncodingTests {
    @Test("encoding is deterministic")
    func deterministic() throws {
        #expect(try EventCoding.encode(SampleEvents.chatMessage()) == EventCoding.encode(SampleEvents.chatMessage()))
        #expect(try EventCoding.encode(SampleEvents.alert()) == EventCoding.encode(SampleEvents.alert()))
        #expect(try EventCoding.encode(SampleEvents.score()) == EventCoding.encode(SampleEvents.score()))
        #expect(try EventCoding.encode(SampleEvents.order()) == EventCoding.encode(SampleEvents.order()))
    }

    @Test("chat message exact bytes")
    func chatMessageBytes() throws {
        let json = String(decoding: try EventCoding.encode(SampleEvents.chatMessage()), as: UTF8.self)
        let expected = #"{"agent":"A-sh-a01","buyer":"buyer-d002","conversationId":"demo-c02","#
            + #""eventId":"message/sh/demo-c02-3","messageId":"demo-c02-3","role":"customer","schemaVersion":1,"#
            + #""sentAt":"2026-11-11T09:10:05.250+08:00","shop":"shop-demo-tmall","site":"sh","#
            + #""text":"再不处理我就去 12315 投诉"}"#
        #expect(json == expected)
    }

    @Test("nested keys are sorted")
    func nestedKeysSorted() throws {
        let json = String(decoding: try EventCoding.encode(SampleEvents.score()), as: UTF8.self)
        let expected = #"{"asOf":"2026-11-11T23:59:00-05:30","#
            + #""eventId":"score/agent/A-sh-a01/day/2026-11-11/0b628e10e344fc43","#
            + #""figures":{"acknowledgedCases":0,"alerts":1,"alertsByCategory":{},"cases":1,"complaints":0,"#
            + #""conversations":12,"convertedConversations":0,"currency":"CNY","escalations":0,"#
            + #""firstResponseSecondsTotal":305,"firstResponses":10,"jointResponsibilities":0,"orders":0,"#
            + #""primaryResponsibilities":0,"rectificationsDue":0,"rectificationsOnTime":0,"regulatorComplaints":0,"#
            + #""regulatorHumanCauseCases":0,"repliesWithinLimit":0,"replyTimeouts":0,"#
            + #""responseTimeBuckets":[0,0,0,0,0,0,0,0],"rounds":0,"sales":0,"slowReplies":0,"unansweredRounds":0},"#
            + #""period":{"kind":"day","start":"2026-11-11"},"schemaVersion":2,"#
            + #""subject":{"id":"A-sh-a01","kind":"agent"}}"#
        #expect(json == expected)
    }

    @Test("slashes stay unescaped")
    func slashesUnescaped() throws {
        let json = String(decoding: try EventCoding.encode(SampleEvents.alert()), as: UTF8.self)
        #expect(json.contains(#""eventId":"alert/message/sh/demo-c02-3""#))
        #expect(!json.contains(#"\/"#))
    }
}

@Suite("EventCoding interchange input")
struct InterchangeInputTests {
    @Test("chat message without id fields")
    func chatMessageWithoutIdFields() throws {
        let line = #"{"messageId":"demo-c01-0","site":"sh","shop":"shop-demo-tmall","conversationId":"demo-c01","#
            + #""buyer":"buyer-d001","agent":"A-sh-a01","role":"customer","text":"你好","#
            + #""sentAt":"2026-11-11T09:00:05+08:00"}"#
        let message = try EventCoding.decodeEvent(ChatMessage.self, from: Array(line.utf8))
        #expect(message.schemaVersion == 1)
        #expect(message.eventId == "message/sh/demo-c01-0")
        #expect(message.sentAt.iso8601 == "2026-11-11T09:00:05+08:00")
        #expect(message.recordKey == "shop-demo-tmall/buyer-d001")

        let encoded = try jsonObject(EventCoding.encode(message))
        #expect(encoded["eventId"] as? String == "message/sh/demo-c01-0")
        #expect(encoded["schemaVersion"] as? Int == 1)
    }

    @Test("roster person without id fields")
    func rosterPersonWithoutIdFields() throws {
        let line = #"{"id":"B-001","name":"品牌客服经理 周敏","role":"brand_manager","reportsTo":null,"#
            + #""vendor":null,"site":null,"team":null}"#
        let person = try EventCoding.decodeEvent(RosterPerson.self, from: Array(line.utf8))
        #expect(person.schemaVersion == 1)
        #expect(person.role == .brandManager)
        #expect(person.reportsTo == nil)
        // FNV-1a 64 of the fields joined by 0x1F, with "" for each nil field.
        #expect(person.eventId == "roster/B-001/d798686d209cbb07")

        let encoded = try jsonObject(EventCoding.encode(person))
        #expect(encoded["eventId"] as? String == "roster/B-001/d798686d209cbb07")
        #expect(encoded["schemaVersion"] as? Int == 1)
        #expect(encoded["reportsTo"] is NSNull)
    }

    @Test("roster id changes with fields")
    func rosterIdFollowsFields() {
        let person = SampleEvents.rosterPerson()
        var moved = person
        moved.team = "T-sh-b"
        #expect(moved.eventId != person.eventId)
        #expect(moved.eventId.hasPrefix("roster/S-sh-a/"))
        #expect(moved.recordKey == person.recordKey)
    }

    @Test("complaint without id fields")
    func complaintWithoutIdFields() throws {
        let line = #"{"complaintId":"DC-0003","channel":"consumer_association","shop":"shop-demo-jd","#
            + #""buyer":"buyer-d010","conversationId":null,"filedAt":"2026-11-13T09:00:00+08:00","#
            + #""summary":"顾客称收到的商品与描述不符"}"#
        let complaint = try EventCoding.decodeEvent(Complaint.self, from: Array(line.utf8))
        #expect(complaint.schemaVersion == 1)
        #expect(complaint.eventId == "complaint/DC-0003")
        #expect(complaint.channel == .consumerAssociation)
        #expect(complaint.conversationId == nil)
        #expect(complaint.synthetic == nil)

        let encoded = try jsonObject(EventCoding.encode(complaint))
        #expect(encoded["eventId"] as? String == "complaint/DC-0003")
        #expect(encoded["schemaVersion"] as? Int == 1)
        #expect(encoded["synthetic"] == nil)
    }

    @Test("order without id fields")
    func orderWithoutIdFields() throws {
        let line = #"{"orderId":"DO-1002","shop":"shop-demo-tmall","buyer":"buyer-d008","conversationId":"demo-c09","#
            + #""agent":"A-sh-a02","amount":1299.5,"currency":"CNY","campaign":"2026-double11","#
            + #""paidAt":"2026-11-11T10:48:00+08:00","synthetic":true}"#
        let order = try EventCoding.decodeEvent(Order.self, from: Array(line.utf8))
        #expect(order.schemaVersion == 1)
        #expect(order.eventId == "order/shop-demo-tmall/DO-1002")
        #expect(order.amount == Decimal(string: "1299.5"))
        #expect(order.synthetic == true)

        let encoded = try jsonObject(EventCoding.encode(order))
        #expect(encoded["eventId"] as? String == "order/shop-demo-tmall/DO-1002")
        #expect(encoded["schemaVersion"] as? Int == 1)
    }

    @Test("input rejects schema version below 1", arguments: [0, -7])
    func rejectsVersionBelowOne(version: Int) throws {
        let line = #"{"schemaVersion":"# + String(version) + #","complaintId":"DC-9","channel":"platform","shop":"s","#
            + #""buyer":"b","filedAt":"2026-11-13T09:00:00Z","summary":"x"}"#
        #expect(throws: EventDecodingError.invalidSchemaVersion(schema: "complaint", found: version)) {
            try EventCoding.decodeEvent(Complaint.self, from: Array(line.utf8))
        }
    }
}

@Suite("Order amounts")
struct OrderAmountTests {
    @Test("decimal amounts round trip exactly", arguments: ["1245.15", "0.1", "0.01", "99999999.99", "399"])
    func amountRoundTrips(text: String) throws {
        let amount = try #require(Decimal(string: text))
        let bytes = try EventCoding.encode(SampleEvents.order(amount: amount))
        let decoded = try EventCoding.decodeEvent(Order.self, from: bytes)
        #expect(decoded.amount == amount)
        #expect(String(decoding: bytes, as: UTF8.self).contains(#""amount":\#(text),"#))
    }

    @Test("amounts parse from input text", arguments: ["1245.15", "0.1", "19.99"])
    func amountParsesExactly(text: String) throws {
        let line = #"{"orderId":"O-1","shop":"s","buyer":"b","amount":\#(text),"currency":"CNY","#
            + #""paidAt":"2026-11-11T10:48:00+08:00"}"#
        let order = try EventCoding.decodeEvent(Order.self, from: Array(line.utf8))
        #expect(order.amount == Decimal(string: text))
    }
}

@Suite("EventCoding schema versions")
struct SchemaVersionTests {
    @Test("rejects newer input version")
    func rejectsNewerInput() throws {
        let line = #"{"schemaVersion":2,"messageId":"m-1","site":"sh","shop":"s","conversationId":"c","#
            + #""buyer":"b","agent":"a","role":"agent","text":"t","sentAt":"2026-11-11T09:00:05+08:00"}"#
        #expect(throws: EventDecodingError.unsupportedSchemaVersion(schema: "chat-message", found: 2, supported: 1)) {
            try EventCoding.decodeEvent(ChatMessage.self, from: Array(line.utf8))
        }
    }

    @Test("rejects newer derived version")
    func rejectsNewerDerivedEvent() throws {
        var alert = SampleEvents.alert()
        alert.schemaVersion = 3
        let bytes = try EventCoding.encode(alert)
        #expect(throws: EventDecodingError.unsupportedSchemaVersion(schema: "alert", found: 3, supported: 1)) {
            try EventCoding.decodeEvent(Alert.self, from: bytes)
        }
    }

    @Test("plain decode skips version check")
    func plainDecodeSkipsCheck() throws {
        var score = SampleEvents.score()
        score.schemaVersion = Score.schemaVersion + 1
        let decoded = try EventCoding.decode(Score.self, from: EventCoding.encode(score))
        #expect(decoded.schemaVersion == Score.schemaVersion + 1)
    }

    @Test("error names both versions")
    func errorDescription() {
        let error = EventDecodingError.unsupportedSchemaVersion(schema: "alert", found: 3, supported: 1)
        #expect(error.description == "alert schema version 3 is newer than the supported version 1")
    }
}

@Suite("EventCoding.describe")
struct DescribeErrorTests {
    private let validChatFields = #""messageId":"m-1","site":"sh","shop":"s","conversationId":"c","#
        + #""buyer":"b","agent":"a","role":"agent","text":"t""#

    private func decodingError<Event: VigilEvent>(_ type: Event.Type, _ json: String) -> (any Error)? {
        #expect(throws: (any Error).self) {
            try EventCoding.decodeEvent(type, from: Array(json.utf8))
        }
    }

    @Test("names missing field")
    func missingField() throws {
        let error = try #require(decodingError(ChatMessage.self, "{\(validChatFields)}"))
        #expect(EventCoding.describe(error) == #"missing field "sentAt""#)
    }

    @Test("names missing nested field")
    func missingNestedField() throws {
        var object = try jsonObject(EventCoding.encode(SampleEvents.alert()))
        object["recipient"] = ["personId": "S-sh-a", "role": "supervisor"]
        let json = String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
        let error = try #require(decodingError(Alert.self, json))
        #expect(EventCoding.describe(error) == #"missing field "recipient.name""#)
    }

    @Test("names field with invalid timestamp")
    func invalidTimestamp() throws {
        let error = try #require(decodingError(ChatMessage.self, #"{\#(validChatFields),"sentAt":"2026-11-11T12:00:00"}"#))
        let description = EventCoding.describe(error)
        #expect(description.hasPrefix(#"invalid field "sentAt": "#))
        #expect(description.contains("2026-11-11T12:00:00"))
    }

    @Test("names field with wrong type")
    func wrongType() throws {
        let json = #"{"messageId":7,"site":"sh","shop":"s","conversationId":"c","buyer":"b","agent":"a","#
            + #""role":"agent","text":"t","sentAt":"2026-11-11T12:00:00Z"}"#
        let error = try #require(decodingError(ChatMessage.self, json))
        #expect(EventCoding.describe(error).hasPrefix(#"invalid field "messageId": "#))
    }

    @Test("names field with unknown value")
    func unknownEnumValue() throws {
        let json = #"{"messageId":"m","site":"sh","shop":"s","conversationId":"c","buyer":"b","agent":"a","#
            + #""role":"robot","text":"t","sentAt":"2026-11-11T12:00:00Z"}"#
        let error = try #require(decodingError(ChatMessage.self, json))
        #expect(EventCoding.describe(error).hasPrefix(#"invalid field "role": "#))
    }

    @Test("reports truncated JSON")
    func truncatedJSON() throws {
        let error = try #require(decodingError(ChatMessage.self, #"{"messageId":"m","text":"这一行被截断了"#))
        #expect(EventCoding.describe(error).hasPrefix("invalid JSON: "))
    }

    @Test("describes other errors")
    func otherErrors() {
        let error = EventDecodingError.unsupportedSchemaVersion(schema: "order", found: 2, supported: 1)
        #expect(EventCoding.describe(error) == "order schema version 2 is newer than the supported version 1")
    }
}

@Suite("Dead letter payload")
struct DeadLetterPayloadTests {
    private func letter(_ payload: [UInt8]) -> DeadLetter {
        DeadLetter(service: "vigil-test", source: DeadLetterSource(file: "-", line: 1), key: nil,
                   reasonCode: .invalidJSON, reason: "test", payload: payload,
                   recordedAt: Timestamp(epochMilliseconds: 0))
    }

    @Test("small payload kept whole")
    func smallPayloadKept() {
        let letter = letter(Array("{}".utf8))
        #expect(letter.payload == "{}")
        #expect(letter.payloadBytes == 2)
        #expect(!letter.payloadTruncated)
    }

    @Test("large payload cut to limit")
    func largePayloadCut() throws {
        let letter = letter(Array(repeating: 0x01, count: 500_000))
        #expect(letter.payloadTruncated)
        #expect(letter.payloadBytes == 500_000)
        #expect(letter.payload.utf8.count == DeadLetter.maxPayloadBytes)
        #expect(try EventCoding.encode(letter).count < 200_000, "control bytes grow sixfold in JSON and still fit")
    }

    @Test("cut never splits a character")
    func cutKeepsCharacters() {
        // "诉" is three UTF-8 bytes; 16,384 is not a multiple of three.
        let letter = letter(Array(String(repeating: "诉", count: 10_000).utf8))
        #expect(letter.payload.utf8.count == 16_383)
        #expect(!letter.payload.contains("\u{FFFD}"))
    }

    @Test("different payloads at one position differ")
    func idsDifferByPayload() {
        #expect(letter(Array("a".utf8)).eventId != letter(Array("b".utf8)).eventId)
        #expect(letter(Array("a".utf8)).eventId == letter(Array("a".utf8)).eventId)
    }
}

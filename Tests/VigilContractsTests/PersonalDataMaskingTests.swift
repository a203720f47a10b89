import Testing
import VigilContracts

/// The events' `masked(by:)` and the dead letter's masking, with numbers written for these tests.
@Suite("Personal data in events")
struct PersonalDataMaskingTests {
    let masker = PersonalDataMasker()

    @Test("alert texts are masked, ids are not")
    func alert() {
        var alert = SampleEvents.alert()
        alert.snippet = "打12315，电话15167328840"
        alert.text = LocalizedText(chinese: "顾客说：电话15167328840", english: "Customer: phone 15167328840")
        alert.matchedTerms = ["12315", "15167328840"]
        alert.evidence?[0].original = "１５１６７３２８８４０"
        alert.evidence?[0].normalized = "15167328840"
        alert.context?[0].text = "身份证 32010619851123017X"
        let masked = alert.masked(by: masker)

        #expect(masked.snippet == "打12315，电话151****8840")
        #expect(masked.text.chinese == "顾客说：电话151****8840")
        #expect(masked.text.english == "Customer: phone 151****8840")
        #expect(masked.matchedTerms == ["12315", "151****8840"])
        #expect(masked.evidence?[0].original == "１５１****８８４０")
        #expect(masked.evidence?[0].normalized == "151****8840")
        #expect(masked.context?[0].text == "身份证 320***********017X")
        #expect(masked.eventId == alert.eventId)
        #expect(masked.conversationId == alert.conversationId)
    }

    @Test("case command texts are masked")
    func caseCommand() {
        var command = SampleEvents.caseCommand()
        command.note = "已回电 +86 151-6732-8840"
        command.plan = "退款到卡 6217 0012 3456 7890 122"
        command.steps = ["核对身份证32010619851123017X"]
        command.trainingActions = ["不要在聊天里索要卡号6258073012345677"]
        let masked = command.masked(by: masker)

        #expect(masked.note == "已回电 +86 151-****-8840")
        #expect(masked.plan == "退款到卡 **** **** **** ***0 122")
        #expect(masked.steps == ["核对身份证320***********017X"])
        #expect(masked.trainingActions == ["不要在聊天里索要卡号************5677"])
        #expect(masked.commandId == command.commandId)
        #expect(masked.assignee == command.assignee)
    }

    @Test("case event texts, plan and review are masked")
    func caseEvent() {
        var event = SampleEvents.caseEvent()
        event.text = LocalizedText(chinese: "备注：15167328840", english: "noted: 15167328840")
        event.plan = "回访 15167328840"
        event.review = CaseReview(summary: "客户 15167328840", steps: ["卡 6258073012345677"],
                                  trainingActions: ["证件 32010619851123017X"])
        let masked = event.masked(by: masker)

        #expect(masked.text == LocalizedText(chinese: "备注：151****8840", english: "noted: 151****8840"))
        #expect(masked.plan == "回访 151****8840")
        #expect(masked.review == CaseReview(summary: "客户 151****8840", steps: ["卡 ************5677"],
                                            trainingActions: ["证件 320***********017X"]))
        #expect(masked.caseId == event.caseId)
    }

    @Test("complaint summaries are masked")
    func complaint() {
        var complaint = SampleEvents.complaint()
        complaint.summary = "顾客来电15167328840"
        #expect(complaint.masked(by: masker).summary == "顾客来电151****8840")
    }

    @Test("dead letters mask the payload and the reason, and hash the original")
    func deadLetter() {
        let payload = Array(#"{"text":"电话15167328840","sentAt":"15167328840"}"#.utf8)
        let letter = DeadLetter(service: "vigil-test", source: DeadLetterSource(file: "in.ndjson", line: 3), key: nil,
                                reasonCode: .invalidTime, reason: #"invalid time "15167328840""#, payload: payload,
                                recordedAt: Timestamp(epochMilliseconds: 0))
        let other = DeadLetter(service: "vigil-test", source: DeadLetterSource(file: "in.ndjson", line: 3), key: nil,
                               reasonCode: .invalidTime, reason: "x",
                               payload: Array(#"{"text":"电话15167329999","sentAt":"15167329999"}"#.utf8),
                               recordedAt: Timestamp(epochMilliseconds: 0))

        #expect(letter.payload == #"{"text":"电话151****8840","sentAt":"151****8840"}"#)
        #expect(letter.reason == #"invalid time "151****8840""#)
        #expect(letter.payloadBytes == payload.count)
        #expect(!letter.payloadTruncated)
        #expect(letter.eventId != other.eventId, "two records that differ only in a number keep their own ids")
    }

    @Test("a number across the payload cut is masked")
    func numberAcrossCut() {
        let prefix = String(repeating: "a", count: DeadLetter.maxPayloadBytes - 5)
        let letter = DeadLetter(service: "vigil-test", source: DeadLetterSource(file: "in.ndjson", line: 1), key: nil,
                                reasonCode: .tooLarge, reason: "too large",
                                payload: Array((prefix + " 15167328840 and more").utf8),
                                recordedAt: Timestamp(epochMilliseconds: 0))
        #expect(letter.payloadTruncated)
        #expect(letter.payload.hasSuffix(" 151*"))
        #expect(letter.payload.utf8.count == DeadLetter.maxPayloadBytes)
    }

    @Test("a number across the reason cut is masked")
    func reasonAcrossCut() {
        let prefix = String(repeating: "a", count: DeadLetter.maxReasonCharacters - 10)
        let letter = DeadLetter(service: "vigil-test", source: DeadLetterSource(file: "in.ndjson", line: 1), key: nil,
                                reasonCode: .invalidField, reason: prefix + " 13812345678 and more",
                                payload: Array("{}".utf8), recordedAt: Timestamp(epochMilliseconds: 0))
        #expect(letter.reason.count == DeadLetter.maxReasonCharacters)
        #expect(letter.reason.hasSuffix(" 138****56"))
    }
}

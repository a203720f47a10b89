import Foundation
import Testing
import VigilContracts
@testable import Escalation

/// Numbers in the texts escalation reads never reach its case events or its store.
@Suite("Personal data in cases")
struct PersonalDataTests {
    typealias F = EscalationFixtures
    static let caseId = CaseOpeningTests.caseBuyer1
    /// Written for this test: a mobile number, an ID card number with an X check digit and a bank card number.
    static let numbers = ["15167328840", "32010619851123017X", "6217001234567890122"]

    @Test("case texts masked in events and store")
    func textsMasked() throws {
        let harness = try EscalationHarness()
        var alert = try F.alert("m-1", terms: ["投诉", "15167328840"], at: "2026-11-11T08:00:00+08:00")
        alert.snippet = "我要投诉，电话15167328840"
        try harness.process(alert, on: harness.catalogue.alerts)
        var complaint = try F.complaint("C-1", at: "2026-11-11T08:10:00+08:00")
        complaint.summary = "顾客来电15167328840，身份证 32010619851123017X"
        try harness.process(complaint, on: harness.catalogue.complaints)
        // Both wait for their watermark round in the store.
        #expect(try harness.count("pending_inputs") == 2)
        try expectNoNumbers(in: "pending_inputs", of: harness)
        try harness.advance(to: "2026-11-11T08:10:00+08:00")

        try harness.command(try F.command(.note, caseId: Self.caseId, id: "k-1", at: "2026-11-11T08:20:00+08:00",
                                          note: "已回电 +86 151-6732-8840"))
        try harness.command(try F.command(.classify, caseId: Self.caseId, actor: "M-hf", id: "k-2",
                                          at: "2026-11-11T09:00:00+08:00", classification: .unprofessional))
        var rectify = try F.command(.rectify, caseId: Self.caseId, actor: "M-hf", id: "k-3",
                                    at: "2026-11-11T10:00:00+08:00")
        rectify.plan = "退款到卡 6217 0012 3456 7890 122，回访 15167328840"
        rectify.dueAt = try F.time("2026-11-20T18:00:00+08:00")
        try harness.command(rectify)
        var review = try F.command(.review, caseId: Self.caseId, actor: "B-1", id: "k-4",
                                   at: "2026-11-11T11:00:00+08:00", note: "客户 15167328840 两次来电未回")
        review.steps = ["核对身份证32010619851123017X"]
        review.trainingActions = ["不要在聊天里索要卡号6217001234567890122"]
        try harness.command(review)

        let events = try harness.caseEvents()
        let types = events.map(\.type)
        #expect(types.contains(.noted))
        #expect(types.contains(.planSubmitted))
        #expect(types.contains(.reviewed))
        #expect(!types.contains(.commandRejected), "\(events.map(\.text.english))")
        for event in events {
            let text = String(decoding: try EventCoding.encode(event), as: UTF8.self)
            for number in Self.numbers {
                let leaked = text.contains(number)
                #expect(!leaked, "\(event.type): \(text)")
            }
        }
        let noted = try #require(events.first { $0.type == .noted })
        #expect(noted.text.chinese.hasSuffix("备注：已回电 +86 151-****-8840"))
        let planned = try #require(events.first { $0.type == .planSubmitted })
        #expect(planned.plan == "退款到卡 **** **** **** ***0 122，回访 151****8840")
        let reviewed = try #require(events.first { $0.type == .reviewed })
        #expect(reviewed.review?.steps == ["核对身份证320***********017X"])

        try expectNoNumbers(in: "case_records", of: harness)
    }

    /// Expects no row of `table` to hold one of ``numbers`` in a text or a blob.
    private func expectNoNumbers(in table: String, of harness: EscalationHarness) throws {
        let rows = try harness.store.database.query("SELECT * FROM \(table)")
        let text = rows.flatMap(\.values).map { value -> String in
            switch value {
            case .text(let text): text
            case .blob(let bytes): String(decoding: bytes, as: UTF8.self)
            default: ""
            }
        }.joined(separator: "\n")
        #expect(!rows.isEmpty, "\(table) is empty, so it proves nothing")
        for number in Self.numbers {
            let leaked = text.contains(number)
            #expect(!leaked, "\(table) contains \(number)")
        }
    }
}

import Testing
@testable import Ingestion

@Suite("RecordKind option")
struct RecordKindTests {
    @Test("accepts singular names")
    func acceptsSingular() {
        #expect(RecordKind(option: "message") == .message)
        #expect(RecordKind(option: "roster") == .roster)
        #expect(RecordKind(option: "complaint") == .complaint)
        #expect(RecordKind(option: "order") == .order)
    }

    @Test("accepts plural names")
    func acceptsPlural() {
        #expect(RecordKind(option: "messages") == .message)
        #expect(RecordKind(option: "rosters") == .roster)
        #expect(RecordKind(option: "complaints") == .complaint)
        #expect(RecordKind(option: "orders") == .order)
    }

    @Test("auto names no kind")
    func autoNamesNoKind() {
        #expect(RecordKind(option: "auto") == nil)
    }

    @Test("rejects unknown names")
    func rejectsUnknownNames() {
        #expect(RecordKind(option: "alerts") == nil)
        #expect(RecordKind(option: "s") == nil)
        #expect(RecordKind(option: "") == nil)
        #expect(RecordKind(option: "messagess") == nil)
    }
}

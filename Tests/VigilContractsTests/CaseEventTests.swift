import Testing
import VigilContracts

@Suite("CaseEvent.caseId")
struct CaseIdTests {
    @Test("hashes shop and buyer")
    func knownValue() {
        // FNV-1a 64 of "shop-1", 0x1F, "buyer-1", computed outside StableHash.
        #expect(CaseEvent.caseId(for: ThreadKey(shop: "shop-1", buyer: "buyer-1")) == "case-0f06f6230d492435")
    }

    @Test("same thread gives same case")
    func sameThreadSameCase() {
        let alert = SampleEvents.alert()
        let complaint = SampleEvents.complaint()
        #expect(alert.thread == complaint.thread)
        #expect(alert.conversationId != complaint.conversationId)
        #expect(CaseEvent.caseId(for: alert.thread) == CaseEvent.caseId(for: complaint.thread))
    }

    @Test("different threads give different cases")
    func differentThreadsDiffer() {
        let base = CaseEvent.caseId(for: ThreadKey(shop: "shop-1", buyer: "buyer-1"))
        #expect(CaseEvent.caseId(for: ThreadKey(shop: "shop-1", buyer: "buyer-2")) != base)
        #expect(CaseEvent.caseId(for: ThreadKey(shop: "shop-2", buyer: "buyer-1")) != base)
        #expect(CaseEvent.caseId(for: ThreadKey(shop: "ab", buyer: "c"))
            != CaseEvent.caseId(for: ThreadKey(shop: "a", buyer: "bc")))
    }

    @Test("event thread matches its fields")
    func eventThread() {
        let event = SampleEvents.caseEvent()
        #expect(event.thread == ThreadKey(shop: event.shop, buyer: event.buyer))
        #expect(event.recordKey == "\(event.shop)/\(event.buyer)")
        #expect(event.eventTime == event.occurredAt)
    }
}

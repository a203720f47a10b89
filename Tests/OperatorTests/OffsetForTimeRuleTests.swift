import Testing
@testable import Operator

@Suite("offset for time rule")
struct OffsetForTimeRuleTests {
    // MARK: - Probe

    @Test("probe only when every offset is -1")
    func needsProbe() {
        #expect(OffsetForTimeRule.needsProbe(offsets: [nil, nil]), "all -1: support unknown")
        #expect(!OffsetForTimeRule.needsProbe(offsets: [nil, 7]), "one offset shows support")
        #expect(!OffsetForTimeRule.needsProbe(offsets: [3, 7]), "no -1 to interpret")
        #expect(!OffsetForTimeRule.needsProbe(offsets: []), "no partition with records")
    }

    @Test("support from offsets or probe")
    func support() {
        #expect(OffsetForTimeRule.brokerLooksUpTimestamps(offsets: [nil, 5], probeOffset: nil))
        #expect(OffsetForTimeRule.brokerLooksUpTimestamps(offsets: [nil, nil], probeOffset: 0),
                "Apache Kafka returns the first record for time 0")
        #expect(!OffsetForTimeRule.brokerLooksUpTimestamps(offsets: [nil, nil], probeOffset: nil),
                "the mock cluster returns -1 for the probe too")
        #expect(!OffsetForTimeRule.brokerLooksUpTimestamps(offsets: [], probeOffset: nil))
    }

    // MARK: - Decision

    @Test("empty partition moves to end")
    func emptyPartition() {
        for supported in [true, false] {
            let decision = OffsetForTimeRule.decide(low: 9, high: 9, offset: nil, brokerLooksUpTimestamps: supported)
            #expect(decision == .offset(9, .empty), "supported: \(supported)")
        }
    }

    @Test("broker offset clamped to watermarks")
    func brokerOffset() {
        let inside = OffsetForTimeRule.decide(low: 2, high: 10, offset: 6, brokerLooksUpTimestamps: true)
        #expect(inside == .offset(6, .broker))

        let belowLow = OffsetForTimeRule.decide(low: 2, high: 10, offset: 0, brokerLooksUpTimestamps: true)
        #expect(belowLow == .offset(2, .broker), "retention removed records after the lookup")

        let aboveHigh = OffsetForTimeRule.decide(low: 2, high: 10, offset: 12, brokerLooksUpTimestamps: true)
        #expect(aboveHigh == .offset(10, .broker), "records arrived after the watermarks were read")
    }

    @Test("-1 with support moves to end")
    func trustedNone() {
        let decision = OffsetForTimeRule.decide(low: 2, high: 10, offset: nil, brokerLooksUpTimestamps: true)
        #expect(decision == .offset(10, .noRecordThatRecent))
    }

    @Test("-1 without support scans")
    func untrustedNone() {
        let decision = OffsetForTimeRule.decide(low: 2, high: 10, offset: nil, brokerLooksUpTimestamps: false)
        #expect(decision == .scan)
    }
}

import Testing
import VigilContracts

@Suite("Clock")
struct ClockTests {
    @Test("id names source partition and time")
    func eventId() {
        // 2026-11-11T01:15:00.500Z in epoch milliseconds.
        #expect(SampleEvents.clock().eventId == "clock/vigil-ingest/hz/vigil.chat.messages/7/1794359700500")
    }

    @Test("unkeyed with event time")
    func unkeyed() {
        let clock = SampleEvents.clock()
        #expect(clock.recordKey == nil)
        #expect(clock.eventTime == clock.time)
        #expect(Clock.schemaName == "clock")
    }

    @Test("exact bytes")
    func exactBytes() throws {
        let json = String(decoding: try EventCoding.encode(SampleEvents.clock()), as: UTF8.self)
        let expected = #"{"eventId":"clock/vigil-ingest/hz/vigil.chat.messages/7/1794359700500","partition":7,"#
            + #""schemaVersion":1,"source":"vigil-ingest/hz","time":"2026-11-11T09:15:00.500+08:00","#
            + #""topic":"vigil.chat.messages"}"#
        #expect(json == expected)
    }

    @Test("round trips")
    func roundTrips() throws {
        let bytes = try EventCoding.encode(SampleEvents.clock())
        let decoded = try EventCoding.decodeEvent(Clock.self, from: bytes)
        #expect(decoded == SampleEvents.clock())
        #expect(try EventCoding.encode(decoded) == bytes)
    }

    @Test("instants differ in id")
    func instantsDiffer() {
        var later = SampleEvents.clock()
        later.time = Timestamp(epochMilliseconds: later.time.epochMilliseconds + 1, utcOffsetSeconds: 8 * 3600)
        #expect(later.eventId != SampleEvents.clock().eventId)
        var otherPartition = SampleEvents.clock()
        otherPartition.partition = 8
        #expect(otherPartition.eventId != SampleEvents.clock().eventId)
    }

    @Test("rejects time without offset")
    func rejectsTimeWithoutOffset() {
        let json = #"{"source":"s","topic":"t","partition":0,"time":"2026-11-11T09:15:00"}"#
        #expect(throws: DecodingError.self) {
            try EventCoding.decodeEvent(Clock.self, from: Array(json.utf8))
        }
    }
}

import Testing
import VigilContracts

@Suite("Watermark")
struct ClockTests {
    @Test("id names source partition and time")
    func eventId() {
        // 2026-11-11T01:15:00.500Z in epoch milliseconds.
        #expect(SampleEvents.watermark().eventId == "watermark/vigil-ingest/hz/vigil.chat.messages/7/1794359700500")
    }

    @Test("unkeyed with event time")
    func unkeyed() {
        let clock = SampleEvents.watermark()
        #expect(clock.recordKey == nil)
        #expect(clock.eventTime == clock.time)
        #expect(Watermark.schemaName == "watermark")
    }

    @Test("exact bytes")
    func exactBytes() throws {
        let json = String(decoding: try EventCoding.encode(SampleEvents.watermark()), as: UTF8.self)
        let expected = #"{"eventId":"watermark/vigil-ingest/hz/vigil.chat.messages/7/1794359700500","partition":7,"#
            + #""schemaVersion":1,"source":"vigil-ingest/hz","time":"2026-11-11T09:15:00.500+08:00","#
            + #""topic":"vigil.chat.messages"}"#
        #expect(json == expected)
    }

    @Test("round trips")
    func roundTrips() throws {
        let bytes = try EventCoding.encode(SampleEvents.watermark())
        let decoded = try EventCoding.decodeEvent(Watermark.self, from: bytes)
        #expect(decoded == SampleEvents.watermark())
        #expect(try EventCoding.encode(decoded) == bytes)
    }

    @Test("instants differ in id")
    func instantsDiffer() {
        var later = SampleEvents.watermark()
        later.time = Timestamp(epochMilliseconds: later.time.epochMilliseconds + 1, utcOffsetSeconds: 8 * 3600)
        #expect(later.eventId != SampleEvents.watermark().eventId)
        var otherPartition = SampleEvents.watermark()
        otherPartition.partition = 8
        #expect(otherPartition.eventId != SampleEvents.watermark().eventId)
    }

    @Test("rejects time without offset")
    func rejectsTimeWithoutOffset() {
        let json = #"{"source":"s","topic":"t","partition":0,"time":"2026-11-11T09:15:00"}"#
        #expect(throws: DecodingError.self) {
            try EventCoding.decodeEvent(Watermark.self, from: Array(json.utf8))
        }
    }
}

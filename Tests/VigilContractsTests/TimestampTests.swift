import Testing
import VigilContracts

// Expected epoch milliseconds were computed with Python's datetime.fromisoformat,
// independently of TimestampFormat.

/// 2026-11-11T00:01:51Z, the instant of the +08:00, Z and -05:30 samples below.
private let sampleEpochMilliseconds: Int64 = 1_794_355_311_000

@Suite("TimestampFormat parsing")
struct TimestampParsingTests {
    @Test("parses plus eight hours")
    func parsesPositiveOffset() throws {
        let timestamp = try #require(TimestampFormat.parse("2026-11-11T08:01:51+08:00"))
        #expect(timestamp.epochMilliseconds == sampleEpochMilliseconds)
        #expect(timestamp.utcOffsetSeconds == 8 * 3600)
    }

    @Test("parses Z as UTC")
    func parsesZulu() throws {
        let timestamp = try #require(TimestampFormat.parse("2026-11-11T00:01:51Z"))
        #expect(timestamp.epochMilliseconds == sampleEpochMilliseconds)
        #expect(timestamp.utcOffsetSeconds == 0)
    }

    @Test("parses negative half-hour offset")
    func parsesNegativeHalfHourOffset() throws {
        let timestamp = try #require(TimestampFormat.parse("2026-11-10T18:31:51-05:30"))
        #expect(timestamp.epochMilliseconds == sampleEpochMilliseconds)
        #expect(timestamp.utcOffsetSeconds == -(5 * 3600 + 30 * 60))
    }

    @Test("parses offset without colon")
    func parsesCompactOffset() throws {
        let timestamp = try #require(TimestampFormat.parse("2026-11-11T08:01:51+0800"))
        #expect(timestamp.epochMilliseconds == sampleEpochMilliseconds)
        #expect(timestamp.utcOffsetSeconds == 8 * 3600)
    }

    @Test("parses time without seconds")
    func parsesWithoutSeconds() throws {
        let timestamp = try #require(TimestampFormat.parse("2026-11-11T08:01+08:00"))
        #expect(timestamp.epochMilliseconds == sampleEpochMilliseconds - 51_000)
    }

    @Test("parses lowercase and space separators")
    func parsesOtherSeparators() throws {
        let lowercase = try #require(TimestampFormat.parse("2026-11-11t00:01:51z"))
        let space = try #require(TimestampFormat.parse("2026-11-11 00:01:51Z"))
        #expect(lowercase.epochMilliseconds == sampleEpochMilliseconds)
        #expect(space.epochMilliseconds == sampleEpochMilliseconds)
    }

    /// Fractions of one to nine digits. The first three digits give milliseconds and later digits are truncated.
    @Test("parses fraction digits", arguments: [
        ("1", 100), ("12", 120), ("123", 123), ("1234", 123), ("12345", 123),
        ("123456", 123), ("1234567", 123), ("12345678", 123), ("999999999", 999),
    ] as [(String, Int64)])
    func parsesFraction(digits: String, milliseconds: Int64) throws {
        let timestamp = try #require(TimestampFormat.parse("2026-11-11T00:01:51.\(digits)Z"))
        #expect(timestamp.epochMilliseconds == sampleEpochMilliseconds + milliseconds)
    }

    @Test("parses comma as decimal sign")
    func parsesCommaFraction() throws {
        let timestamp = try #require(TimestampFormat.parse("2026-11-11T00:01:51,250Z"))
        #expect(timestamp.epochMilliseconds == sampleEpochMilliseconds + 250)
    }

    @Test("parses fraction with negative offset")
    func parsesFractionWithNegativeOffset() throws {
        let timestamp = try #require(TimestampFormat.parse("2026-11-10T18:31:51.5-05:30"))
        #expect(timestamp.epochMilliseconds == sampleEpochMilliseconds + 500)
    }

    @Test("parses leap day")
    func parsesLeapDay() throws {
        let timestamp = try #require(TimestampFormat.parse("2024-02-29T23:59:59.999+00:00"))
        #expect(timestamp.epochMilliseconds == 1_709_251_199_999)
    }

    @Test("rejects text without offset")
    func rejectsMissingOffset() {
        #expect(TimestampFormat.parse("2026-11-11T12:00:00") == nil)
        #expect(TimestampFormat.parse("2026-11-11T12:00:00.123") == nil)
        #expect(TimestampFormat.parse("2026-11-11T12:00") == nil)
    }

    @Test("rejects invalid calendar values", arguments: [
        "2026-02-30T00:00:00Z",
        "2023-02-29T00:00:00Z",
        "2026-04-31T00:00:00Z",
        "2026-13-01T00:00:00Z",
        "2026-00-10T00:00:00Z",
        "2026-11-00T00:00:00Z",
        "2026-11-11T24:00:00Z",
        "2026-11-11T12:60:00Z",
        "2026-11-11T12:00:60Z",
    ])
    func rejectsInvalidCalendarValue(text: String) {
        #expect(TimestampFormat.parse(text) == nil)
    }

    @Test("rejects malformed text", arguments: [
        "",
        "2026-11-11",
        "2026-11-11T08:01:51+24:00",
        "2026-11-11T08:01:51+08:60",
        "2026-11-11T08:01:51+8:00",
        "2026-11-11T08:01:51+08",
        "2026-11-11T08:01:51.Z",
        "2026-11-11T08:01:51.1234567890Z",
        "2026-11-11T08:01:51Z ",
        "2026-11-11T08:01:51+08:00x",
        "26-11-11T08:01:51Z",
        "2026/11/11T08:01:51Z",
        "2026-11-11T8:01:51Z",
    ])
    func rejectsMalformedText(text: String) {
        #expect(TimestampFormat.parse(text) == nil)
    }
}

@Suite("TimestampFormat formatting")
struct TimestampFormattingTests {
    @Test("round trips canonical text", arguments: [
        "2026-11-11T08:01:51+08:00",
        "2026-11-11T00:01:51Z",
        "2026-11-10T18:31:51-05:30",
        "2026-11-11T08:01:51.007+08:00",
        "2026-11-11T08:01:51.120+08:00",
        "2024-02-29T23:59:59.999Z",
        "1969-12-31T23:59:59.500Z",
    ])
    func roundTripsText(text: String) throws {
        let timestamp = try #require(TimestampFormat.parse(text))
        #expect(timestamp.iso8601 == text)
    }

    @Test("normalises accepted variants", arguments: [
        ("2026-11-11T08:01:51+0800", "2026-11-11T08:01:51+08:00"),
        ("2026-11-11T08:01+08:00", "2026-11-11T08:01:00+08:00"),
        ("2026-11-11T08:01:51.000+08:00", "2026-11-11T08:01:51+08:00"),
        ("2026-11-11T08:01:51.123456789+08:00", "2026-11-11T08:01:51.123+08:00"),
        ("2026-11-11T00:01:51+00:00", "2026-11-11T00:01:51Z"),
    ])
    func normalisesVariant(input: String, expected: String) throws {
        let timestamp = try #require(TimestampFormat.parse(input))
        #expect(timestamp.iso8601 == expected)
    }

    @Test("formats instant before epoch")
    func formatsBeforeEpoch() {
        let timestamp = Timestamp(epochMilliseconds: -500)
        #expect(timestamp.iso8601 == "1969-12-31T23:59:59.500Z")
    }

    @Test("formats at stored offset")
    func formatsAtStoredOffset() {
        let utc = Timestamp(epochMilliseconds: sampleEpochMilliseconds)
        let shanghai = Timestamp(epochMilliseconds: sampleEpochMilliseconds, utcOffsetSeconds: 8 * 3600)
        let newfoundland = Timestamp(epochMilliseconds: sampleEpochMilliseconds, utcOffsetSeconds: -(3 * 3600 + 30 * 60))
        #expect(utc.iso8601 == "2026-11-11T00:01:51Z")
        #expect(shanghai.iso8601 == "2026-11-11T08:01:51+08:00")
        #expect(newfoundland.iso8601 == "2026-11-10T20:31:51-03:30")
        #expect(shanghai.description == shanghai.iso8601)
    }
}

@Suite("Timestamp")
struct TimestampTests {
    @Test("equal across offsets")
    func equalAcrossOffsets() throws {
        let shanghai = try #require(TimestampFormat.parse("2026-11-11T08:01:51+08:00"))
        let utc = try #require(TimestampFormat.parse("2026-11-11T00:01:51Z"))
        let newYork = try #require(TimestampFormat.parse("2026-11-10T19:01:51-05:00"))
        #expect(shanghai == utc)
        #expect(utc == newYork)
        #expect(Set([shanghai, utc, newYork]).count == 1)
        #expect(shanghai.utcOffsetSeconds != utc.utcOffsetSeconds)
    }

    @Test("orders by instant")
    func ordersByInstant() throws {
        let earlier = try #require(TimestampFormat.parse("2026-11-11T08:00:00+08:00"))
        let later = try #require(TimestampFormat.parse("2026-11-11T00:00:01Z"))
        #expect(earlier < later)
        #expect(!(later < earlier))
    }

    @Test("day crosses midnight by offset")
    func dayAcrossMidnight() {
        // 2026-11-10T16:00:00Z is midnight of 2026-11-11 in Shanghai.
        let midnightInShanghai = Timestamp(epochMilliseconds: 1_794_326_400_000)
        let justBefore = Timestamp(epochMilliseconds: 1_794_326_399_999)
        #expect(midnightInShanghai.day(atUTCOffset: 8 * 3600) == "2026-11-11")
        #expect(justBefore.day(atUTCOffset: 8 * 3600) == "2026-11-10")
        #expect(midnightInShanghai.day(atUTCOffset: 0) == "2026-11-10")
        #expect(midnightInShanghai.day(atUTCOffset: -(5 * 3600)) == "2026-11-10")
    }

    @Test("day ignores stored offset")
    func dayIgnoresStoredOffset() throws {
        let timestamp = try #require(TimestampFormat.parse("2026-11-11T07:59:59+08:00"))
        #expect(timestamp.day(atUTCOffset: 0) == "2026-11-10")
        #expect(timestamp.day(atUTCOffset: 8 * 3600) == "2026-11-11")
    }

    @Test("day before epoch")
    func dayBeforeEpoch() {
        let timestamp = Timestamp(epochMilliseconds: -1)
        #expect(timestamp.day(atUTCOffset: 0) == "1969-12-31")
        #expect(timestamp.day(atUTCOffset: 3600) == "1970-01-01")
    }

    @Test("seconds until later rounds down")
    func secondsUntilLater() {
        let start = Timestamp(epochMilliseconds: sampleEpochMilliseconds)
        #expect(start.seconds(until: start) == 0)
        #expect(start.seconds(until: Timestamp(epochMilliseconds: sampleEpochMilliseconds + 999)) == 0)
        #expect(start.seconds(until: Timestamp(epochMilliseconds: sampleEpochMilliseconds + 1_500)) == 1)
        #expect(start.seconds(until: Timestamp(epochMilliseconds: sampleEpochMilliseconds + 86_400_000)) == 86_400)
    }

    @Test("seconds until earlier rounds down")
    func secondsUntilEarlier() {
        let start = Timestamp(epochMilliseconds: 10_000)
        #expect(start.seconds(until: Timestamp(epochMilliseconds: 8_500)) == -2)
        #expect(start.seconds(until: Timestamp(epochMilliseconds: 9_000)) == -1)
        #expect(start.seconds(until: Timestamp(epochMilliseconds: 9_999)) == -1)
    }

    @Test("offset cut to whole minutes")
    func offsetWholeMinutes() throws {
        let timestamp = Timestamp(epochMilliseconds: 0, utcOffsetSeconds: 30)
        #expect(timestamp.utcOffsetSeconds == 0)
        #expect(timestamp.iso8601 == "1970-01-01T00:00:00Z")
        let parsed = try #require(TimestampFormat.parse(timestamp.iso8601))
        #expect(parsed.epochMilliseconds == 0)
    }

    @Test("seconds until ignores offsets")
    func secondsUntilIgnoresOffsets() throws {
        let sent = try #require(TimestampFormat.parse("2026-11-11T08:00:00+08:00"))
        let answered = try #require(TimestampFormat.parse("2026-11-11T00:00:45Z"))
        #expect(sent.seconds(until: answered) == 45)
    }
}

@Suite("TimestampFormat.parseUTCOffset")
struct UTCOffsetParsingTests {
    @Test("parses valid offsets", arguments: [
        ("+08:00", 28_800), ("+0800", 28_800), ("-05:30", -19_800), ("-0530", -19_800),
        ("Z", 0), ("z", 0), ("+00:00", 0), ("-00:00", 0), ("+23:59", 86_340),
    ] as [(String, Int32)])
    func parsesOffset(text: String, seconds: Int32) {
        #expect(TimestampFormat.parseUTCOffset(text) == seconds)
    }

    @Test("rejects invalid offsets", arguments: [
        "", "08:00", "+8:00", "+08", "+08:0", "+24:00", "+08:60", "+08:00 ", "UTC", "+08:00Z",
    ])
    func rejectsOffset(text: String) {
        #expect(TimestampFormat.parseUTCOffset(text) == nil)
    }
}

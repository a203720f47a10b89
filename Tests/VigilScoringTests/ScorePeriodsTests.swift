import Testing
import VigilContracts
@testable import VigilScoring

@Suite("Score periods")
struct ScorePeriodsTests {
    static let zone: Int32 = 8 * 3600

    static func keys(at text: String, zone: Int32 = zone) throws -> [String] {
        ScorePeriods.periods(containing: try ScoringFixtures.time(text), zoneOffsetSeconds: zone, campaigns: [])
            .map(\.key)
    }

    static func bounds(_ kind: ScorePeriodKind, _ start: String, zone: Int32 = zone) -> Range<Int64>? {
        ScorePeriods.bounds(of: ScorePeriod(kind: kind, start: start), zoneOffsetSeconds: zone, campaigns: [])
    }

    static func range(_ from: String, _ to: String) throws -> Range<Int64> {
        try ScoringFixtures.time(from).epochMilliseconds..<ScoringFixtures.time(to).epochMilliseconds
    }

    @Test("day, week and month of a Wednesday")
    func wednesday() throws {
        #expect(try Self.keys(at: "2026-11-11T09:30:00+08:00") == ["day/2026-11-11", "week/2026-11-09", "month/2026-11-01"])
    }

    @Test("midnight belongs to the new day")
    func midnight() throws {
        #expect(try Self.keys(at: "2026-11-10T15:59:59.999Z").first == "day/2026-11-10")
        #expect(try Self.keys(at: "2026-11-10T16:00:00Z").first == "day/2026-11-11")
    }

    @Test("Sunday night and Monday morning are different weeks")
    func weekEdge() throws {
        #expect(try Self.keys(at: "2026-11-15T23:59:59.999+08:00")[1] == "week/2026-11-09")
        #expect(try Self.keys(at: "2026-11-16T00:00:00+08:00")[1] == "week/2026-11-16")
    }

    @Test("ISO week across a year end")
    func weekAcrossYearEnd() throws {
        // 2027-01-01 is a Friday in ISO week 53 of 2026, which starts on Monday 2026-12-28.
        #expect(try Self.keys(at: "2027-01-01T10:00:00+08:00") == ["day/2027-01-01", "week/2026-12-28", "month/2027-01-01"])
        #expect(try Self.keys(at: "2027-01-03T23:59:59+08:00")[1] == "week/2026-12-28")
        #expect(try Self.keys(at: "2027-01-04T00:00:00+08:00")[1] == "week/2027-01-04")
        #expect(Self.bounds(.week, "2026-12-28") == (try Self.range("2026-12-28T00:00:00+08:00", "2027-01-04T00:00:00+08:00")))
    }

    @Test("day bounds in +08:00")
    func dayBounds() throws {
        #expect(Self.bounds(.day, "2026-11-11") == (try Self.range("2026-11-10T16:00:00Z", "2026-11-11T16:00:00Z")))
    }

    @Test("month bounds, December and a leap February")
    func monthBounds() throws {
        #expect(Self.bounds(.month, "2026-11-01") == (try Self.range("2026-11-01T00:00:00+08:00", "2026-12-01T00:00:00+08:00")))
        #expect(Self.bounds(.month, "2026-12-01") == (try Self.range("2026-12-01T00:00:00+08:00", "2027-01-01T00:00:00+08:00")))
        let february = try #require(Self.bounds(.month, "2028-02-01"))
        #expect((february.upperBound - february.lowerBound) / 86_400_000 == 29)
    }

    @Test("other zones shift the bounds")
    func otherZone() throws {
        #expect(Self.bounds(.day, "2026-11-11", zone: 0) == (try Self.range("2026-11-11T00:00:00Z", "2026-11-12T00:00:00Z")))
        #expect(try Self.keys(at: "2026-11-11T02:00:00Z", zone: -5 * 3600).first == "day/2026-11-10")
    }

    @Test("malformed starts have no bounds")
    func malformedStarts() {
        #expect(Self.bounds(.week, "2026-11-11") == nil, "a week must start on a Monday")
        #expect(Self.bounds(.month, "2026-11-02") == nil, "a month must start on the 1st")
        #expect(Self.bounds(.day, "2026-02-30") == nil)
        #expect(Self.bounds(.day, "2026-13-01") == nil)
        #expect(Self.bounds(.day, "20261111") == nil)
        #expect(Self.bounds(.day, "2026-11-1") == nil)
        #expect(Self.bounds(.day, "") == nil)
    }

    @Test("every period's bounds contain the time")
    func boundsContainTime() throws {
        let times = ["2026-01-01T00:00:00+08:00", "2026-03-01T07:59:59Z", "2026-06-15T12:34:56.789-03:00",
                     "2026-12-31T23:59:59.999+08:00", "2028-02-29T10:00:00+08:00", "1999-12-31T16:00:00Z"]
        for text in times {
            let time = try ScoringFixtures.time(text)
            for period in ScorePeriods.periods(containing: time, zoneOffsetSeconds: Self.zone, campaigns: []) {
                let range = try #require(ScorePeriods.bounds(of: period, zoneOffsetSeconds: Self.zone, campaigns: []))
                #expect(range.contains(time.epochMilliseconds), "\(text) in \(period.key)")
            }
        }
    }
}

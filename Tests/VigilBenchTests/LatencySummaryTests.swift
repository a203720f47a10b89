import Testing
@testable import VigilBenchKit

@Suite("Latency summary")
struct LatencySummaryTests {
    @Test("nearest rank of 1 to 100")
    func hundredSamples() throws {
        let samples = (1...100).reversed().map(Double.init)

        let summary = try #require(LatencySummary(milliseconds: samples))

        #expect(summary.count == 100)
        #expect(summary.p50 == 50)
        #expect(summary.p99 == 99)
        #expect(summary.max == 100)
    }

    @Test("a rank between two samples rounds up")
    func rankRoundsUp() {
        let sorted: [Double] = [10, 20, 30]

        #expect(LatencySummary.percentile(50, ofSorted: sorted) == 20)
        #expect(LatencySummary.percentile(99, ofSorted: sorted) == 30)
        #expect(LatencySummary.percentile(1, ofSorted: sorted) == 10)
    }

    @Test("p99 of 1,000 samples is the 990th")
    func thousandSamples() throws {
        let samples = (0..<1_000).map { Double($0 * 7 % 1_000) }

        let summary = try #require(LatencySummary(milliseconds: samples))

        #expect(summary.p99 == 989)
        #expect(summary.p50 == 499)
    }

    @Test("one sample is every percentile")
    func oneSample() throws {
        let summary = try #require(LatencySummary(milliseconds: [4.5]))

        #expect(summary.p50 == 4.5)
        #expect(summary.p99 == 4.5)
        #expect(summary.max == 4.5)
    }

    @Test("no samples, no summary")
    func empty() {
        #expect(LatencySummary(milliseconds: []) == nil)
    }

    @Test("missing alerts count as lower bounds")
    func lowerBounds() throws {
        // 95 alerts arrived in 1 to 95 ms, and 5 never did after waits of 10,000 ms or more.
        let arrived = (1...95).map(Double.init)
        let missing: [Double] = [10_000, 10_010, 10_020, 10_030, 10_040]

        let summary = try #require(LatencySummary(milliseconds: arrived, lowerBounds: missing))

        #expect(summary.count == 100)
        #expect(summary.lowerBoundCount == 5)
        #expect(summary.p50 == 50)
        #expect(!summary.p50IsLowerBound)
        #expect(summary.p99 == 10_030)
        #expect(summary.p99IsLowerBound)
        #expect(summary.maxIsLowerBound)
    }

    @Test("without missing alerts every figure is exact")
    func noLowerBounds() throws {
        let summary = try #require(LatencySummary(milliseconds: [1, 2, 3]))

        #expect(!summary.p50IsLowerBound)
        #expect(!summary.p99IsLowerBound)
        #expect(!summary.maxIsLowerBound)
    }
}

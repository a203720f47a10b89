import Testing
@testable import VigilScoring

@Suite("Percentiles")
struct PercentilesTests {
    @Test("median of an odd count")
    func medianOdd() {
        #expect(Percentiles.median([1, 2, 9]) == 2)
        #expect(Percentiles.median([3, 5, 8, 13, 21]) == 8)
    }

    @Test("median of an even count")
    func medianEven() {
        #expect(Percentiles.median([1, 2, 4, 9]) == 3)
        #expect(Percentiles.median([10, 15]) == 12.5)
    }

    @Test("one value is its own median and p90")
    func singleValue() {
        #expect(Percentiles.median([7]) == 7)
        #expect(Percentiles.p90([7]) == 7)
    }

    @Test("empty input has no value")
    func empty() {
        #expect(Percentiles.median([]) == nil)
        #expect(Percentiles.p90([]) == nil)
    }

    @Test("p90 takes the nearest rank")
    func p90NearestRank() {
        // Ranks ⌈0.9·n⌉: n = 2 → 2, 5 → 5, 10 → 9, 11 → 10, 20 → 18, 21 → 19.
        let cases: [(count: Int, rank: Int)] = [(2, 2), (5, 5), (10, 9), (11, 10), (20, 18), (21, 19)]
        for (count, rank) in cases {
            let values = (1...count).map { $0 * 10 }
            #expect(Percentiles.p90(values) == Double(rank * 10), "n = \(count)")
        }
    }
}

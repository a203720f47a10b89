import Testing
@testable import VigilBenchKit

@Suite("Paced schedule")
struct PacedScheduleTests {
    @Test("senders together keep the rate", arguments: [(2_000, 25, 3), (10_000, 25, 3), (7, 10, 2), (1_000, 1_000, 1)])
    func keepsRate(rate: Int, interval: Int, senders: Int) {
        let schedule = PacedSchedule(messagesPerSecond: rate, intervalMilliseconds: interval, senders: senders)
        let batchesPerSender = 30_000 / interval

        let sent = (0..<senders).reduce(0) { total, sender in
            total + (0..<batchesPerSender).reduce(0) { $0 + schedule.batch($1, sender: sender).messages }
        }

        // 30 s of batches: each sender is at most one whole message behind its exact share.
        #expect(sent <= rate * 30)
        #expect(sent > rate * 30 - senders)
    }

    @Test("batch sizes differ by at most one")
    func evenBatches() {
        let schedule = PacedSchedule(messagesPerSecond: 2_000, intervalMilliseconds: 25, senders: 3)

        let sizes = Set((0..<400).map { schedule.batch($0, sender: 1).messages })

        #expect(sizes == [16, 17])
    }

    @Test("senders take turns within each interval")
    func staggered() {
        let schedule = PacedSchedule(messagesPerSecond: 3_000, intervalMilliseconds: 30, senders: 3)

        let offsets = (0..<2).flatMap { index in (0..<3).map { schedule.batch(index, sender: $0).offsetNanoseconds } }

        #expect(offsets == [0, 10_000_000, 20_000_000, 30_000_000, 40_000_000, 50_000_000])
    }

    @Test("a low rate leaves some turns empty")
    func lowRate() {
        let schedule = PacedSchedule(messagesPerSecond: 10, intervalMilliseconds: 25, senders: 1)

        let sizes = (0..<40).map { schedule.batch($0, sender: 0).messages }

        #expect(sizes.reduce(0, +) == 10)
        #expect(sizes.filter { $0 == 0 }.count == 30)
    }
}

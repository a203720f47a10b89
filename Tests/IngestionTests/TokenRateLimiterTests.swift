import Synchronization
import Testing
@testable import Ingestion

/// A clock the test moves by hand.
private final class ManualClock: Sendable {
    private let seconds = Mutex<Double>(0)

    func advance(_ delta: Double) {
        seconds.withLock { $0 += delta }
    }

    var now: @Sendable () -> Double {
        { [self] in seconds.withLock { $0 } }
    }
}

@Suite("Token rate limiter")
struct TokenRateLimiterTests {
    @Test("a burst goes through, then the token waits")
    func burstThenWait() {
        let clock = ManualClock()
        let limiter = TokenRateLimiter(requestsPerSecond: 2, burst: 4, now: clock.now)

        for _ in 0..<4 {
            #expect(limiter.admit(token: "a") == nil)
        }
        #expect(limiter.admit(token: "a") == 1, "the fifth request waits for the refill")

        clock.advance(0.5)
        #expect(limiter.admit(token: "a") == nil, "half a second refills one request at 2 per second")
        #expect(limiter.admit(token: "a") == 1)
    }

    @Test("tokens have buckets of their own")
    func separateTokens() {
        let clock = ManualClock()
        let limiter = TokenRateLimiter(requestsPerSecond: 1, burst: 1, now: clock.now)

        #expect(limiter.admit(token: "sh") == nil)
        #expect(limiter.admit(token: "sh") == 1)
        #expect(limiter.admit(token: "hz") == nil, "one site's burst leaves the other alone")
    }

    @Test("the wait grows with a slow rate, and zero turns the limit off")
    func waitsAndOff() {
        let clock = ManualClock()
        let slow = TokenRateLimiter(requestsPerSecond: 0.1, burst: 1, now: clock.now)
        #expect(slow.admit(token: "a") == nil)
        #expect(slow.admit(token: "a") == 10)

        let off = TokenRateLimiter(requestsPerSecond: 0, burst: 1, now: clock.now)
        for _ in 0..<100 {
            #expect(off.admit(token: "a") == nil)
        }
    }
}

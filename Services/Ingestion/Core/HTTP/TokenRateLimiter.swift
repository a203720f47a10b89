import Synchronization

/// A limit on the requests of each site token: a token bucket per token
/// digest that refills at `requestsPerSecond` and keeps at most `burst` requests.
///
/// One site's runaway client then gets 429 instead of crowding out the
/// other sites. The server's threads share one limiter.
public final class TokenRateLimiter: Sendable {
    /// Requests per second each token may make on average; 0 turns the limit off.
    public let requestsPerSecond: Double
    /// Requests a token may make at once after a quiet spell.
    public let burst: Double
    private let now: @Sendable () -> Double
    private let buckets = Mutex<[String: (tokens: Double, at: Double)]>([:])

    /// Creates a limiter; `now` returns seconds on a monotonic clock.
    public init(requestsPerSecond: Double, burst: Double, now: @escaping @Sendable () -> Double = TokenRateLimiter.uptime) {
        self.requestsPerSecond = requestsPerSecond
        self.burst = max(burst, 1)
        self.now = now
    }

    /// Takes one request from the token's bucket. Returns nil when it may go
    /// ahead, or the whole seconds until the bucket has a request again.
    public func admit(token digest: String) -> Int? {
        guard requestsPerSecond > 0 else { return nil }
        let time = now()
        return buckets.withLock { buckets in
            var bucket = buckets[digest] ?? (tokens: burst, at: time)
            bucket.tokens = min(burst, bucket.tokens + (time - bucket.at) * requestsPerSecond)
            bucket.at = time
            defer { buckets[digest] = bucket }
            guard bucket.tokens >= 1 else {
                let wait = (1 - bucket.tokens) / requestsPerSecond
                return max(1, Int(wait.rounded(.up)))
            }
            bucket.tokens -= 1
            return nil
        }
    }

    /// Returns the seconds since an arbitrary fixed point of the continuous clock.
    public static func uptime() -> Double {
        let elapsed = ContinuousClock.now - ContinuousClock.Instant.reference
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}

private extension ContinuousClock.Instant {
    /// A fixed instant, taken once, that uptimes are measured from.
    static let reference = ContinuousClock.now
}

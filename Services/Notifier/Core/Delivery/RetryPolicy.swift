/// The sender's request timeouts and retry schedule: exponential backoff on
/// a fixed schedule (no jitter), bounded by attempts and by age.
///
/// With the defaults, retries wait 1, 2, 4 … 256 s, so ten attempts span
/// about 8.5 minutes, well inside the one-hour maximum age. The schedule is
/// deterministic so that delivery records can be checked against it.
public struct RetryPolicy: Sendable, Equatable {
    /// The wait before the first retry.
    public var initialDelayMilliseconds: Int64
    /// The maximum wait between two attempts.
    public var maxDelayMilliseconds: Int64
    /// The max number of attempts, the first included. The delivery fails after the last.
    public var maxAttempts: Int
    /// No retry is scheduled later than this after the delivery was recorded.
    /// A delivery recorded earlier (after an outage) still gets its first attempt.
    public var maxAgeMilliseconds: Int64
    /// The limit for connecting to the robot, TLS included.
    public var connectTimeoutMilliseconds: Int
    /// The limit for a whole request, connect included.
    public var requestTimeoutMilliseconds: Int

    public init(initialDelayMilliseconds: Int64 = 1_000, maxDelayMilliseconds: Int64 = 300_000, maxAttempts: Int = 10,
                maxAgeMilliseconds: Int64 = 3_600_000, connectTimeoutMilliseconds: Int = 5_000,
                requestTimeoutMilliseconds: Int = 10_000) {
        self.initialDelayMilliseconds = initialDelayMilliseconds
        self.maxDelayMilliseconds = maxDelayMilliseconds
        self.maxAttempts = maxAttempts
        self.maxAgeMilliseconds = maxAgeMilliseconds
        self.connectTimeoutMilliseconds = connectTimeoutMilliseconds
        self.requestTimeoutMilliseconds = requestTimeoutMilliseconds
    }

    /// Returns the wait after failed attempt number `attempt` (counted from 1):
    /// the initial delay, doubled per earlier failure, capped at the maximum.
    public func delay(afterAttempt attempt: Int) -> Int64 {
        var delay = initialDelayMilliseconds
        for _ in 1..<max(1, attempt) {
            guard delay < maxDelayMilliseconds else { break }
            delay *= 2
        }
        return min(delay, maxDelayMilliseconds)
    }

    /// Returns when to try again after failed attempt number `attempt`, or nil to give up.
    public func nextAttempt(afterAttempt attempt: Int, failedAt now: Int64, createdAt: Int64) -> Int64? {
        guard attempt < maxAttempts else { return nil }
        let next = now + delay(afterAttempt: attempt)
        guard next - createdAt <= maxAgeMilliseconds else { return nil }
        return next
    }
}

/// The state of a delivery.
public enum DeliveryStatus: String, Sendable, CaseIterable {
    /// Waiting for its first attempt or its next retry.
    case pending
    /// The robot accepted it (HTTP 2xx with `errcode` 0).
    case sent
    /// Given up: a permanent error, the last attempt, or the maximum age.
    case failed
}

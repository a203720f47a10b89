import VigilContracts

/// One wanted delivery of an alert event to a robot, as the store keeps it.
///
/// The target is the masked webhook URL, so the store never contains a token or secret.
public struct DeliveryRecord: Sendable, Equatable {
    public var alertEventId: String
    public var routeId: String
    public var alertId: String
    public var kind: String
    public var target: String
    public var severity: String
    public var status: DeliveryStatus
    public var attempts: Int
    /// When the delivery was recorded (wall clock).
    public var createdAt: Timestamp
    /// The time it was sent or given up, or nil while pending.
    public var finishedAt: Timestamp?
    /// The error of the latest failed attempt, or why the delivery was given up.
    public var lastError: String?
}

/// One attempt to post a delivery.
public struct DeliveryAttempt: Sendable, Equatable {
    /// Counted from 1.
    public var number: Int
    public var attemptedAt: Timestamp
    public var durationMilliseconds: Int64
    /// Nil when no HTTP response arrived.
    public var httpStatus: Int?
    /// The robot's `errcode`, when its response had one.
    public var errcode: Int?
    public var error: String?
    /// `sent`, `retry` (another attempt is scheduled) or `failed` (given up).
    public var outcome: String
}

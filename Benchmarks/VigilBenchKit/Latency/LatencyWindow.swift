import Synchronization

/// The part of a paced run that counts, shared by the coordinator and the
/// sender threads. Messages scheduled before ``measureFrom`` warm the
/// pipeline up; senders stop at ``measureUntil``. Both start unset (the
/// largest time), and the coordinator sets them once alerts flow.
public final class LatencyWindow: Sendable {
    /// When the senders' schedules start, in ``MonotonicTime`` nanoseconds.
    public let origin: Int64
    private let from = Atomic<Int64>(.max)
    private let until = Atomic<Int64>(.max)

    public init(origin: Int64) {
        self.origin = origin
    }

    public var measureFrom: Int64 { from.load(ordering: .acquiring) }
    public var measureUntil: Int64 { until.load(ordering: .acquiring) }

    /// Opens the window for `durationNanoseconds` from `start`.
    public func open(at start: Int64, durationNanoseconds: Int64) {
        until.store(start + durationNanoseconds, ordering: .releasing)
        from.store(start, ordering: .releasing)
    }

    /// True for a batch scheduled at `time` that the statistics count.
    public func counts(_ time: Int64) -> Bool {
        time >= measureFrom && time < measureUntil
    }
}

import Foundation
import VigilContracts

/// Running counts of intake outcomes per submitter, read by the metrics
/// endpoint while intake threads write them.
///
/// Counts are in memory and start at zero with each process, as Prometheus
/// counters do; the dead-letter topic is the durable record of rejections.
public final class IntakeCounters: @unchecked Sendable {
    /// One submitter's counts: the site of an HTTP token, or "*" for the brand and trusted inputs.
    public struct Counts: Sendable, Equatable {
        public var accepted: [RecordKind: Int] = [:]
        public var duplicates = 0
        public var rejected: [DeadLetterReason: Int] = [:]

        public var acceptedTotal: Int { accepted.values.reduce(0, +) }
        public var rejectedTotal: Int { rejected.values.reduce(0, +) }
    }

    private let lock = NSLock()
    private var bySubmitter: [String: Counts] = [:]

    public init() {}

    /// Adds one outcome to the submitter's counts.
    public func count(_ outcome: IntakeOutcome, submitter: String) {
        lock.withLock {
            switch outcome {
            case .accepted(_, let kind): bySubmitter[submitter, default: Counts()].accepted[kind, default: 0] += 1
            case .duplicate: bySubmitter[submitter, default: Counts()].duplicates += 1
            case .rejected(let reason, _): bySubmitter[submitter, default: Counts()].rejected[reason, default: 0] += 1
            }
        }
    }

    /// A copy of the counts per submitter.
    public var snapshot: [String: Counts] {
        lock.withLock { bySubmitter }
    }

    /// The counts of all submitters added together.
    public var total: Counts {
        snapshot.values.reduce(into: Counts()) { total, counts in
            total.accepted.merge(counts.accepted, uniquingKeysWith: +)
            total.duplicates += counts.duplicates
            total.rejected.merge(counts.rejected, uniquingKeysWith: +)
        }
    }
}

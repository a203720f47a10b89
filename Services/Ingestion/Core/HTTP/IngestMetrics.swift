import Foundation
import VigilContracts

/// The figures `/metrics` shows that the intake counters do not hold:
/// publishing latency, outbox depth, event time and HTTP statuses.
public final class IngestMetrics: @unchecked Sendable {
    /// Upper bounds of the publish-latency histogram, in seconds.
    static let latencyBuckets: [Double] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

    private let lock = NSLock()
    private var latencyCounts = [Int](repeating: 0, count: IngestMetrics.latencyBuckets.count)
    private var latencySum = 0.0
    private var latencyCount = 0
    private var outboxDepth = 0
    private var eventTimeSeconds: Double?
    private var responses: [Int: Int] = [:]

    public init() {}

    /// Records how long one publishing round took, from the first send to the last acknowledgement.
    func observePublish(seconds: Double) {
        lock.withLock {
            latencySum += seconds
            latencyCount += 1
            for (index, bound) in Self.latencyBuckets.enumerated() where seconds <= bound {
                latencyCounts[index] += 1
            }
        }
    }

    func setOutboxDepth(_ depth: Int) {
        lock.withLock { outboxDepth = depth }
    }

    func setEventTime(_ time: Timestamp?) {
        lock.withLock { eventTimeSeconds = time.map { Double($0.epochMilliseconds) / 1_000 } }
    }

    func countResponse(status: Int) {
        lock.withLock { responses[status, default: 0] += 1 }
    }

    /// Renders these figures and the intake counts in the Prometheus text exposition format 0.0.4.
    func render(counters: IntakeCounters) -> String {
        let counts = counters.snapshot
        var lines: [String] = []
        func family(_ name: String, _ type: String, _ help: String) {
            lines.append("# HELP \(name) \(help)")
            lines.append("# TYPE \(name) \(type)")
        }

        family("vigil_ingest_records_accepted_total", "counter", "Records accepted, by submitter site and kind.")
        for site in counts.keys.sorted() {
            for kind in RecordKind.allCases {
                if let value = counts[site]?.accepted[kind] {
                    lines.append("vigil_ingest_records_accepted_total{site=\"\(Self.label(site))\",kind=\"\(kind.rawValue)\"} \(value)")
                }
            }
        }
        family("vigil_ingest_records_rejected_total", "counter", "Records rejected to the dead-letter topic, by submitter site and reason.")
        for site in counts.keys.sorted() {
            for reason in DeadLetterReason.allCases {
                if let value = counts[site]?.rejected[reason] {
                    lines.append("vigil_ingest_records_rejected_total{site=\"\(Self.label(site))\",reason=\"\(reason.rawValue)\"} \(value)")
                }
            }
        }
        family("vigil_ingest_records_duplicate_total", "counter", "Records dropped as repeats of accepted ones, by submitter site.")
        for site in counts.keys.sorted() {
            lines.append("vigil_ingest_records_duplicate_total{site=\"\(Self.label(site))\"} \(counts[site]?.duplicates ?? 0)")
        }

        lock.withLock {
            family("vigil_ingest_publish_latency_seconds", "histogram",
                   "Time from sending a round of outbox records to the broker's last acknowledgement.")
            for (index, bound) in Self.latencyBuckets.enumerated() {
                lines.append("vigil_ingest_publish_latency_seconds_bucket{le=\"\(bound)\"} \(latencyCounts[index])")
            }
            lines.append("vigil_ingest_publish_latency_seconds_bucket{le=\"+Inf\"} \(latencyCount)")
            lines.append("vigil_ingest_publish_latency_seconds_sum \(latencySum)")
            lines.append("vigil_ingest_publish_latency_seconds_count \(latencyCount)")
            family("vigil_ingest_outbox_depth", "gauge", "Accepted records not yet acknowledged by the broker.")
            lines.append("vigil_ingest_outbox_depth \(outboxDepth)")
            if let eventTimeSeconds {
                family("vigil_ingest_event_time_seconds", "gauge", "The event time this instance has reached, in Unix seconds.")
                lines.append("vigil_ingest_event_time_seconds \(eventTimeSeconds)")
            }
            family("vigil_ingest_http_responses_total", "counter", "HTTP responses, by status code.")
            for status in responses.keys.sorted() {
                lines.append("vigil_ingest_http_responses_total{status=\"\(status)\"} \(responses[status] ?? 0)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Escapes a label value as the exposition format requires.
    private static func label(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }
}

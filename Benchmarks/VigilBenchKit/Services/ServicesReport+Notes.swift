import Foundation

/// The sentences under the services table: how each figure was taken, and which targets the run met.
extension ServicesReport {
    // MARK: - How the figures were taken

    static func notes(_ results: ServicesResults, processors: Int) -> [String] {
        var notes: [String] = []
        if let ingestion = results.ingestion {
            notes.append("Throughput: one `vigil broker`; the roster, then "
                + "\(English.count(results.copies, "copy", plural: "copies")) of the chats, complaints and "
                + "orders of the shared data (copy k moved k times the days the data spans later, with fresh ids), \(grouped(ingestion.inputRecords)) "
                + "records in one import. Each service then reads its inputs from the beginning alone, in pipeline order, "
                + "with a new store and its default group.")
            notes.append("records: NDJSON lines for the import; records read from the input topics, watermarks included, "
                + "for the services. busy s runs to the last record from the last look at the topics that found none of the import's "
                + "records (import, every 20 ms), the first offset commit (services) or the first batch (plain consumer), so the services and the plain "
                + "consumer leave out a first batch of at most 1,000. records/s = "
                + "records in that span / busy s. wall s includes the start: store, roster, and the group join, about 3 s "
                + "on the embedded broker. CPU s is the process's user and system time over its whole life (for the plain "
                + "consumer, vigil-bench's during the read), so records per CPU s is what one core would do with the "
                + "process alone on it, a figure that a shared machine moves less. peak RSS MB is the process's VmHWM "
                + "before it stops, in 10^6 bytes.")
            notes.append("vs librdkafka: records/s over the plain consumer's records/s on the chat topic in this run. "
                + "Escalation and scoring also read other topics, and scoring's count leaves out its repartition topic.")
        }
        if !results.latency.isEmpty {
            let settings = results.latency[0].settings
            notes.append("Latency: each load on a broker of its own with a new `vigil-ingest serve` and `vigil-alerting`. "
                + "Each site (hz, hf, cd) POSTs NDJSON with its own token every \(settings.intervalMilliseconds) ms. "
                + "Of every 1,000 messages, \(settings.alertsPerThousand) \(settings.alertsPerThousand == 1 ? "is a" : "are") real "
                + "customer texts the default rules alert on, each in a new thread, and the rest real texts on which no rule fires. "
                + "A latency runs from when the message's request was due to when a consumer in vigil-bench read its "
                + "first alert, over \(settings.measuredSeconds) s after a warm-up. An alert that had not arrived "
                + "\(settings.drainSeconds) s after the last request counts at the time reading stopped, a lower bound, "
                + "and ≥ marks a percentile that is therefore only a lower bound. alerts arrived: the alerts that "
                + "arrived of those the window's messages should raise. A row is not comparable with other runs when the "
                + "1-minute load average before it exceeded the processors, or when requests went out more than "
                + "\(grouped(Int(Comparability.largestSendDelayMilliseconds))) ms late, because then the machine, "
                + "not the services, set the figures.")
        }
        for run in results.latency {
            var sentence = "\(grouped(run.settings.messagesPerSecond))/s, \(configurationName(run.settings)): "
                + "\(grouped(run.alertsArrived)) of \(English.count(run.alertingMessages, "alert")) arrived"
            let reasons = notComparableReasons(run, processors: processors)
            if !reasons.isEmpty {
                sentence += "; not comparable, because " + reasons.joined(separator: " and ")
            }
            if let acknowledgement = run.acknowledgement {
                sentence += String(format: "; requests answered in %.1f ms (p50), %.1f ms (p99)",
                                   acknowledgement.p50, acknowledgement.p99)
            }
            if let after = run.afterAcknowledgement {
                sentence += "; from the answer to the alert " + bound(after.p50, after.p50IsLowerBound) + " ms (p50), "
                    + bound(after.p99, after.p99IsLowerBound) + " ms (p99)"
            }
            sentence += String(format: "; requests went out at most %.1f ms late", run.largestSendDelayMilliseconds)
            let cpu = run.cpuSeconds.sorted { $0.key < $1.key }.map { String(format: "%@ %.1f s", $0.key, $0.value) }
            if !cpu.isEmpty {
                sentence += String(format: "; over the whole run of %.0f s from the broker's start to its stop, CPU ", run.runSeconds)
                    + cpu.joined(separator: ", ")
                    + String(format: " of the %.0f s that %@ had", run.runSeconds * Double(processors),
                             English.count(processors, "processor"))
            }
            if run.failures > 0 {
                sentence += "; \(English.count(run.failures, "failed request")), the first: \(run.firstFailure ?? "")"
            }
            notes.append(sentence + ".")
        }
        return notes
    }

    // MARK: - Targets

    static func targetNotes(_ results: ServicesResults, peaks: [(String, Int)], processors: Int) -> [String] {
        var notes: [String] = []
        if let ingestion = results.ingestion {
            let rate = rate(ingestion.inputRecords, ingestion.firstToLastSeconds)
            notes.append("Target, ingestion at least \(grouped(Int(Target.ingestionRecordsPerSecond))) records/s from NDJSON: "
                + "\(wholeText(rate)) (\(wholeText(self.rate(ingestion.inputRecords, ingestion.wallSeconds))) over the "
                + "process's wall time): \(TargetVerdict.atLeast(rate, Target.ingestionRecordsPerSecond)).")
        }
        if let alerting = results.services.first(where: { $0.name == "vigil-alerting" }) {
            let rate = alerting.result.timeline.recordsPerSecond
            var sentence = "Target, alerting at least \(grouped(Int(Target.alertingRecordsPerSecond))) records/s per instance: "
                + "\(wholeText(rate)): \(TargetVerdict.atLeast(rate, Target.alertingRecordsPerSecond))"
            if let limit = results.limit?.recordsPerSecond {
                sentence += String(format: "; at least %.2f of the librdkafka limit: %.2f: ", Target.alertingShareOfLimit, rate / limit)
                    + TargetVerdict.atLeast(rate / limit, Target.alertingShareOfLimit)
            }
            notes.append(sentence + ".")
        }
        for run in results.latency where run.settings.messagesPerSecond == Target.latencyTargetRate {
            guard let latency = run.latency else { continue }
            // The true p99 of a lower bound is at least this, so a miss is a miss by at least this much, and a bound
            // within the target decides nothing.
            var verdict = latency.p99IsLowerBound && latency.p99 <= Target.p99Milliseconds
                ? "unknown, because \(English.count(latency.lowerBoundCount, "alert")) did not arrive"
                : TargetVerdict.atMost(latency.p99, Target.p99Milliseconds, valueIsLowerBound: latency.p99IsLowerBound)
            if !notComparableReasons(run, processors: processors).isEmpty {
                verdict += " (not comparable, see above)"
            }
            notes.append(String(format: "Target, p99 ingestion to alert at most %.0f ms at %@/s, %@: %@ ms: ",
                                Target.p99Milliseconds, grouped(Target.latencyTargetRate), configurationName(run.settings),
                                bound(latency.p99, latency.p99IsLowerBound)) + verdict + ".")
        }
        notes += memoryTargetNotes(results, peaks: peaks)
        return notes
    }

    /// Returns the note on the memory target. The target is about every service
    /// during the run on the shared data, so only the throughput part, which runs them all, can meet it.
    static func memoryTargetNotes(_ results: ServicesResults, peaks: [(String, Int)]) -> [String] {
        guard let largest = peaks.max(by: { $0.1 < $1.1 }) else { return [] }
        let megabytes = Double(largest.1) * 1_024 / 1e6
        let target = String(format: "Target, each service at most %.0f MB resident", Target.peakResidentMegabytes)
        let peak = String(format: "%.0f MB (%@)", megabytes, largest.0)
        guard results.ingestion != nil, !results.services.isEmpty else {
            // A peak over the target is a miss whatever the part, but a peak within it leaves the other services unmeasured.
            let verdict = megabytes > Target.peakResidentMegabytes
                ? TargetVerdict.atMost(megabytes, Target.peakResidentMegabytes)
                : "not judged, because only the throughput part runs every service on the shared data"
            return ["\(target): the largest peak of the latency part is \(peak): \(verdict)."]
        }
        return ["\(target): the largest peak is \(peak): \(TargetVerdict.atMost(megabytes, Target.peakResidentMegabytes))."]
    }

    // MARK: - Comparability

    /// The limits past which a latency run measures the machine more than the services.
    enum Comparability {
        /// Requests that went out later than this behind their schedule mean the senders could not keep the load.
        static let largestSendDelayMilliseconds = 1_000.0
    }

    /// Returns why a latency run is not comparable with other runs, as clauses
    /// for a sentence, or nothing when it is: the 1-minute load average before
    /// the run exceeded the processors, or requests went out more than a second late.
    static func notComparableReasons(_ run: LatencyRun.Result, processors: Int) -> [String] {
        var reasons: [String] = []
        if let load = run.loadBefore, load.one > Double(processors) {
            reasons.append(String(format: "the load average before it was %.2f, above the %@", load.one,
                                  English.count(processors, "processor")))
        }
        if run.largestSendDelayMilliseconds > Comparability.largestSendDelayMilliseconds {
            reasons.append(String(format: "requests went out up to %.0f ms late", run.largestSendDelayMilliseconds))
        }
        return reasons
    }
}

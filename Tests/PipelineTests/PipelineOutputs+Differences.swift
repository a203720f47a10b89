// MARK: - Comparing two runs' outputs

extension PipelineOutputs {
    /// Returns how these outputs differ from `expected`, one line per output
    /// and kind of difference, or nothing when they match. Repeated event ids
    /// are already gone, because the maps keep one record per id. What remains
    /// is a lost, extra or changed event, and a repeat with other bytes is a
    /// difference of its own.
    func differences(from expected: PipelineOutputs) -> [String] {
        var lines: [String] = []
        if !conflicts.isEmpty {
            lines.append("\(conflicts.count) event ids republished with other bytes: \(Self.sample(conflicts))")
        }
        lines += Self.compare("alerts", expected.alerts, alerts)
        lines += Self.compare("alert watermarks forwarded", expected.forwardedWatermarks, forwardedWatermarks)
        if alertWatermarks != expected.alertWatermarks {
            lines.append("latest alert watermark per partition: expected \(expected.alertWatermarks.sorted { $0.key < $1.key }) "
                         + "actual \(alertWatermarks.sorted { $0.key < $1.key })")
        }
        lines += Self.compare("case events", expected.caseEvents, caseEvents)
        let caseIds = Set(expected.cases.keys).union(cases.keys).filter { expected.cases[$0] != cases[$0] }
        if !caseIds.isEmpty {
            lines.append("cases: \(caseIds.count) differ in their alerts or complaints: \(Self.sample(caseIds.sorted()))")
        }
        let threads = Set(expected.caseFiles.keys).union(caseFiles.keys).filter { expected.caseFiles[$0] != caseFiles[$0] }
        if !threads.isEmpty {
            lines.append("case files: \(threads.count) threads differ: \(Self.sample(threads.sorted()))")
        }
        lines += Self.compare("latest scoring facts", expected.facts, facts)
        lines += ScoreComparison.differences(expected: expected.scores, actual: scores).map { "scores: " + $0 }
        for topic in Set(expected.ingested.keys).union(ingested.keys).sorted() {
            lines += Self.compare(topic, expected.ingested[topic] ?? [:], ingested[topic] ?? [:])
        }
        if deadLetters != expected.deadLetters {
            lines.append("dead letters: expected \(expected.deadLetters) distinct, actual \(deadLetters)")
        }
        return lines
    }

    /// Compares two sets of records by event id: missing, extra and changed ids.
    private static func compare(_ name: String, _ expected: [String: [UInt8]], _ actual: [String: [UInt8]]) -> [String] {
        let missing = Set(expected.keys).subtracting(actual.keys).sorted()
        let extra = Set(actual.keys).subtracting(expected.keys).sorted()
        let changed = Set(expected.keys).intersection(actual.keys).filter { expected[$0] != actual[$0] }.sorted()
        var lines: [String] = []
        if !missing.isEmpty {
            lines.append("\(name): \(missing.count) of \(expected.count) missing: \(sample(missing))")
        }
        if !extra.isEmpty {
            lines.append("\(name): \(extra.count) not in the expected run: \(sample(extra))")
        }
        if !changed.isEmpty {
            lines.append("\(name): \(changed.count) with other content: \(sample(changed))")
        }
        return lines
    }

    private static func sample(_ ids: [String], limit: Int = 5) -> String {
        ids.prefix(limit).joined(separator: ", ") + (ids.count > limit ? ", …" : "")
    }
}

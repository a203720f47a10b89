import VigilContracts

/// The facts about a replay run that a report prints before the differences.
public struct ReplayHeader: Sendable, Equatable {
    /// The replayed service: `alerting`, `escalation`, `scoring` or `scoring-totals`.
    public var service: String
    /// The first event time compared (inclusive).
    public var from: Timestamp
    /// The event time the comparison stops before (exclusive).
    public var to: Timestamp
    /// The rules version in force on the live side, when the service is alerting and it is known.
    public var liveRulesVersion: String?
    /// The rules version the replay ran with: the `--rules` file's in a backtest.
    public var candidateRulesVersion: String?
    /// Watermark records on the live output topics in the range, left out of the comparison.
    public var liveWatermarks: Int
    /// Watermark records the replay produced in the range, left out of the comparison.
    public var replayWatermarks: Int
    /// The input records the replay read, watermarks excluded, per topic base name.
    public var inputRecords: [String: Int]
    /// The watermark records the replay read, per input topic base name.
    public var inputWatermarks: [String: Int]
    /// The input records that came after a watermark with a later time on
    /// their partition, per topic base name. Where such a record falls against
    /// the other input topics depends on arrival order, which a replay cannot
    /// reproduce.
    public var lateInputRecords: [String: Int]

    public init(service: String, from: Timestamp, to: Timestamp, liveRulesVersion: String? = nil,
                candidateRulesVersion: String? = nil, liveWatermarks: Int = 0, replayWatermarks: Int = 0,
                inputRecords: [String: Int] = [:], inputWatermarks: [String: Int] = [:],
                lateInputRecords: [String: Int] = [:]) {
        self.service = service
        self.from = from
        self.to = to
        self.liveRulesVersion = liveRulesVersion
        self.candidateRulesVersion = candidateRulesVersion
        self.liveWatermarks = liveWatermarks
        self.replayWatermarks = replayWatermarks
        self.inputRecords = inputRecords
        self.inputWatermarks = inputWatermarks
        self.lateInputRecords = lateInputRecords
    }
}

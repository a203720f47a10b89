import VigilContracts
import VigilRuntime

/// The case deadlines and windows: how long each severity may wait for an
/// acknowledgement and for the follow-up, how long a resolved case can be
/// reopened, and how many days the vendor has for a rectification plan.
///
/// ``load(path:)`` reads them from the `--case-policy FILE` JSON file, and
/// every field left out of the file keeps its default.
public struct CasePolicy: Sendable, Equatable {
    /// The `--case-policy FILE` option of `vigil-escalation`.
    public static let option = OptionSpec(
        "case-policy", environment: "VIGIL_CASE_POLICY", valueName: "FILE",
        help: LocalizedText(chinese: "案件期限配置文件（JSON）：各级别的确认和跟进时限、重新打开天数、整改天数；不指定时用默认值",
                            english: "JSON file of case deadlines: acknowledge and follow-up limits per severity, "
                                + "reopen days and rectification days; defaults without it"))

    /// Time from opening (or reopening) to the acknowledgement, per severity.
    public var acknowledge: [Severity: PolicyDuration]
    /// Time from the acknowledgement to the first note, resolution or escalation, per severity.
    public var followUp: [Severity: PolicyDuration]
    /// Days after `resolvedAt` during which a new alert or complaint reopens the
    /// case; later ones open a new case of the same thread.
    public var reopenDays: Int
    /// Days from the classification of a human cause to the rectification plan's deadline.
    public var rectificationDays: Int

    /// Creates a policy. The defaults acknowledge within 15m (critical), 30m
    /// (high), 2h (medium) and 8h (low), and follow up within 4h, 8h, 24h and
    /// 72h. Cases reopen within 7 days, and plans are due within 7 days.
    public init(acknowledge: [Severity: PolicyDuration] = CasePolicy.defaultAcknowledge,
                followUp: [Severity: PolicyDuration] = CasePolicy.defaultFollowUp,
                reopenDays: Int = 7, rectificationDays: Int = 7) {
        self.acknowledge = acknowledge
        self.followUp = followUp
        self.reopenDays = reopenDays
        self.rectificationDays = rectificationDays
    }

    /// The built-in acknowledge limits.
    public static let defaultAcknowledge: [Severity: PolicyDuration] = [
        .critical: .minutes(15), .high: .minutes(30), .medium: .hours(2), .low: .hours(8),
    ]

    /// The built-in follow-up limits.
    public static let defaultFollowUp: [Severity: PolicyDuration] = [
        .critical: .hours(4), .high: .hours(8), .medium: .hours(24), .low: .hours(72),
    ]

    /// Returns the acknowledge limit of a severity; a severity missing from the
    /// table (only possible through the initializer) gets its default.
    public func acknowledgeLimit(_ severity: Severity) -> PolicyDuration {
        acknowledge[severity] ?? Self.defaultAcknowledge[severity] ?? .hours(1)
    }

    /// Returns the follow-up limit of a severity, as ``acknowledgeLimit(_:)`` does.
    public func followUpLimit(_ severity: Severity) -> PolicyDuration {
        followUp[severity] ?? Self.defaultFollowUp[severity] ?? .hours(24)
    }

    /// The reopen window in milliseconds.
    var reopenMilliseconds: Int64 { Int64(reopenDays) * 86_400_000 }
}

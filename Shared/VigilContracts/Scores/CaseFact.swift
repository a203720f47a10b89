/// A case as its timeline is so far: acknowledgement, escalation, cause,
/// responsibility and rectification.
public struct CaseFact: Codable, Sendable, Hashable {
    /// The severity the case reached; it only rises.
    public var severity: Severity?
    /// From opening to the first acknowledgement, in whole seconds.
    public var acknowledgeSeconds: Int?
    /// True once a complaint or a command took the case to the platform or a regulator.
    public var escalated: Bool
    /// True once a regulator complaint or an escalation to a regulator reached the case.
    public var reachedRegulator: Bool
    /// The cause the classification recorded, if any.
    public var cause: CaseCause?
    /// The people the classification made responsible, with their level.
    public var responsibilities: [CaseResponsibility]
    /// The status of the rectification plan, or nil when none is required.
    public var rectification: RectificationStatus?
    /// True when the plan was accepted and the case has no rectification_overdue entry.
    public var rectificationOnTime: Bool

    public init(severity: Severity?, acknowledgeSeconds: Int?, escalated: Bool, reachedRegulator: Bool,
                cause: CaseCause?, responsibilities: [CaseResponsibility], rectification: RectificationStatus?,
                rectificationOnTime: Bool) {
        self.severity = severity
        self.acknowledgeSeconds = acknowledgeSeconds
        self.escalated = escalated
        self.reachedRegulator = reachedRegulator
        self.cause = cause
        self.responsibilities = responsibilities
        self.rectification = rectification
        self.rectificationOnTime = rectificationOnTime
    }
}

// MARK: - Names for people

extension Severity {
    /// The severity as alerts, tails and robot messages print it.
    public var label: LocalizedText {
        switch self {
        case .critical: LocalizedText(chinese: "严重", english: "critical")
        case .high: LocalizedText(chinese: "高", english: "high")
        case .medium: LocalizedText(chinese: "中", english: "medium")
        case .low: LocalizedText(chinese: "低", english: "low")
        }
    }
}

extension RiskCategory {
    /// The category's short name, as alert titles and tails print it.
    public var label: LocalizedText {
        switch self {
        case .regulator: LocalizedText(chinese: "监管", english: "regulator")
        case .legal: LocalizedText(chinese: "法律", english: "legal action")
        case .media: LocalizedText(chinese: "媒体曝光", english: "media exposure")
        case .complaint: LocalizedText(chinese: "投诉", english: "complaint")
        case .escalation: LocalizedText(chinese: "要求升级", english: "escalation demand")
        case .replyTimeout: LocalizedText(chinese: "回复不及时", english: "reply timeout")
        }
    }
}

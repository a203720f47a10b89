/// The state of a case's deadlines, measured at a reader's "now" in event
/// time (the latest event time it has seen), so a replayed history shows the
/// time left it had and not the host clock's.
public enum CaseDeadlineStatus: Equatable, Sendable {
    /// No deadline is running.
    case none
    /// A running deadline. `secondsLeft` is nil when the topic has no event time to measure from.
    case running(CaseDeadline, dueAt: Timestamp, secondsLeft: Int64?)
    /// A deadline passed: missed on the timeline (with the chain step it
    /// reached), or due before the latest event time and not reported yet.
    case overdue(CaseDeadline?, dueAt: Timestamp?, chainStep: Int?, secondsLate: Int64?)

    /// Reads the status of `file` at `now`; nil leaves the time left unknown.
    public init(_ file: CaseFile, now: Timestamp?) {
        if file.isOverdue {
            let missed = file.rectification == .overdue
                ? file.missedDeadlines.last { $0.deadline == .rectification } ?? file.missedDeadlines.last
                : file.missedDeadlines.last
            let late = missed?.dueAt.flatMap { due in now.map { due.seconds(until: $0) } }
            self = .overdue(missed?.deadline, dueAt: missed?.dueAt, chainStep: missed?.chainStep, secondsLate: late)
            return
        }
        // A resolved case waits only for its rectification plan.
        guard let (deadline, dueAt) = file.nextDeadline, file.state != .resolved || deadline == .rectification else {
            self = .none
            return
        }
        if let now, dueAt <= now {
            self = .overdue(deadline, dueAt: dueAt, chainStep: nil, secondsLate: dueAt.seconds(until: now))
        } else {
            self = .running(deadline, dueAt: dueAt, secondsLeft: now.map { $0.seconds(until: dueAt) })
        }
    }

    /// True when a deadline has passed.
    public var isOverdue: Bool {
        if case .overdue = self { return true }
        return false
    }

    /// Describes the status in the full sentence `vigil case show` prints.
    public func describe(zone: Int32, language: Language) -> String {
        let chinese = language == .chinese
        switch self {
        case .none:
            return chinese ? "无" : "none"
        case .running(let deadline, let dueAt, let left):
            let name = deadline.label.text(in: language)
            let due = TimeText.local(dueAt, zone: zone)
            guard let left else {
                return chinese ? "\(name)，截止 \(due)" : "\(name) by \(due)"
            }
            let span = TimeText.duration(seconds: left, language: language)
            return chinese ? "\(name)，截止 \(due)（剩余 \(span)）" : "\(name) by \(due) (\(span) left)"
        case .overdue(let deadline, let dueAt, let step, let late):
            let name = deadline.map { $0.label.text(in: language) } ?? (chinese ? "期限" : "deadline")
            var details: [String] = []
            if let dueAt {
                let due = TimeText.local(dueAt, zone: zone)
                details.append(chinese ? "截止 \(due)" : "due \(due)")
            }
            if let step {
                details.append(chinese ? "已逐级上报第 \(step) 级" : "step \(step) up the chain")
            }
            let span = late.map { TimeText.duration(seconds: $0, language: language) }
            let head = chinese
                ? "\(name)已超时" + (span.map { " \($0)" } ?? "")
                : "\(name) overdue" + (span.map { " by \($0)" } ?? "")
            guard !details.isEmpty else { return head }
            return chinese
                ? "\(head)（\(details.joined(separator: "，"))）"
                : "\(head) (\(details.joined(separator: ", ")))"
        }
    }

    /// Returns the short cell `vigil case list` prints.
    public func cell(zone: Int32, language: Language) -> String {
        let chinese = language == .chinese
        switch self {
        case .none:
            return "-"
        case .running(let deadline, let dueAt, let left):
            let name = deadline.label.text(in: language)
            let due = String(TimeText.local(dueAt, zone: zone).dropFirst(5).prefix(11))
            guard let left else { return "\(name) \(due)" }
            let span = TimeText.duration(seconds: left, language: language)
            return chinese ? "\(name) \(due)（剩 \(span)）" : "\(name) \(due) (\(span) left)"
        case .overdue(let deadline, _, let step, _):
            let name = deadline.map { $0.label.text(in: language) } ?? (chinese ? "期限" : "deadline")
            guard let step else { return chinese ? "超时：\(name)" : "overdue: \(name)" }
            return chinese ? "超时：\(name) 第 \(step) 级" : "overdue: \(name), step \(step)"
        }
    }
}

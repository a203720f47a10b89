import VigilContracts

/// The deadline and time-left cells of a case, measured at the console's event clock.
struct DeadlineCells {
    /// The deadline's name and when it falls, or "-".
    var deadline: String
    /// The time left, how late it is, or "-".
    var timeLeft: String
    var isOverdue: Bool

    init(_ file: CaseFile, now: Timestamp?, text: ConsoleText) {
        let status = CaseDeadlineStatus(file, now: now)
        isOverdue = status.isOverdue
        switch status {
        case .none:
            deadline = "-"
            timeLeft = "-"
        case .running(let kind, let dueAt, let left):
            deadline = "\(text.pick(kind.label)) \(text.shortTime(dueAt))"
            timeLeft = left.map { text.duration(seconds: $0) } ?? "-"
        case .overdue(let kind, let dueAt, let step, let late):
            let name = kind.map { text.pick($0.label) } ?? text.pick("期限", "deadline")
            deadline = dueAt.map { "\(name) \(text.shortTime($0))" } ?? name
            var late = late.map { text.pick("已超时 \(text.duration(seconds: $0))", "overdue by \(text.duration(seconds: $0))") }
                ?? text.pick("已超时", "overdue")
            if let step {
                late += text.pick("（已逐级上报第 \(step) 级）", " (step \(step) up the chain)")
            }
            timeLeft = late
        }
    }
}

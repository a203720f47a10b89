/// One case as folded from its case events.
///
/// Readers (`vigil case show`, `vigil case list`, the escalation report, the
/// console) fold the case topic with this type instead of asking the
/// escalation service, so they show exactly what the log contains.
/// Events are folded in the order given, which for one case is the order
/// the escalation service published them; `timeline` keeps that order.
public struct CaseFile: Sendable {
    public let caseId: String
    public let thread: ThreadKey
    /// Every entry folded so far, in publication order.
    public private(set) var timeline: [CaseEvent] = []

    /// The time of the `opened` entry, or of the first entry when it is missing.
    public private(set) var openedAt: Timestamp
    public private(set) var agent: String?
    public private(set) var conversationId: String?
    public private(set) var team: String?
    public private(set) var site: String?
    public private(set) var vendor: String?
    public private(set) var state: CaseState?
    public private(set) var severity: Severity?
    public private(set) var acknowledgedAt: Timestamp?
    /// The roster id of the person who acknowledged the case last.
    public private(set) var acknowledgedBy: String?
    public private(set) var assignee: String?
    public private(set) var resolvedAt: Timestamp?
    /// The number of alert entries (the opening alert included).
    public private(set) var alerts = 0
    /// The channels of the linked complaints, in order.
    public private(set) var complaints: [ComplaintChannel] = []
    /// The escalation targets people recorded, in order.
    public private(set) var escalations: [EscalationTarget] = []
    /// True once the case reached a regulator, by a complaint or a command.
    public private(set) var reachedRegulator = false
    public private(set) var cause: CaseCause?
    public private(set) var responsibilities: [CaseResponsibility] = []
    public private(set) var review: CaseReview?
    public private(set) var rectification: RectificationStatus?
    public private(set) var rectificationDueAt: Timestamp?
    public private(set) var plan: String?
    /// The deadline the case must meet next and when it falls, nil when none is running.
    public private(set) var nextDeadline: (deadline: CaseDeadline, dueAt: Timestamp)?
    /// The missed deadlines, latest step last.
    public private(set) var missedDeadlines: [CaseEvent] = []
    /// The deadlines missed since the case last opened or reopened.
    private var currentMisses: [CaseEvent] = []
    /// The rejected commands, in order.
    public private(set) var rejections: [CaseEvent] = []

    public init(caseId: String, thread: ThreadKey, openedAt: Timestamp) {
        self.caseId = caseId
        self.thread = thread
        self.openedAt = openedAt
    }

    // MARK: - Folding

    /// Folds a stream of case events into one file per case, ordered by
    /// opening time and then case id. Events of different cases may interleave.
    public static func fold(_ events: [CaseEvent]) -> [CaseFile] {
        var files: [String: CaseFile] = [:]
        for event in events {
            var file = files[event.caseId]
                ?? CaseFile(caseId: event.caseId, thread: event.thread, openedAt: event.occurredAt)
            file.apply(event)
            files[event.caseId] = file
        }
        return files.values.sorted {
            ($0.openedAt.epochMilliseconds, $0.caseId) < ($1.openedAt.epochMilliseconds, $1.caseId)
        }
    }

    /// Applies one entry. A repeated event id (a republished event) changes nothing.
    public mutating func apply(_ event: CaseEvent) {
        guard !timeline.contains(where: { $0.eventId == event.eventId }) else { return }
        timeline.append(event)
        if event.type == .opened {
            openedAt = event.occurredAt
        }
        if event.type == .commandRejected {
            // A rejected command changes nothing but the list of rejections.
            rejections.append(event)
            return
        }
        agent = event.agent ?? agent
        conversationId = event.conversationId ?? conversationId
        team = event.team ?? team
        site = event.site ?? site
        vendor = event.vendor ?? vendor
        state = event.state ?? state
        severity = event.severity ?? severity
        applyProgress(event)
        applyAccountability(event)
    }

    private mutating func applyProgress(_ event: CaseEvent) {
        switch event.type {
        case .opened, .alertLinked:
            if event.alertId != nil {
                alerts += 1
            }
        case .reopened:
            currentMisses = []
            acknowledgedAt = nil
            acknowledgedBy = nil
            resolvedAt = nil
            if event.alertId != nil {
                alerts += 1
            }
        case .complaintLinked:
            if let channel = event.complaintChannel {
                complaints.append(channel)
                reachedRegulator = reachedRegulator || channel.isRegulator
            }
        case .acknowledged:
            acknowledgedAt = event.acknowledgedAt ?? event.occurredAt
            acknowledgedBy = event.actor
        case .assigned:
            assignee = event.assignee ?? assignee
        case .resolved:
            resolvedAt = event.occurredAt
        case .escalated:
            if let target = event.escalateTo {
                escalations.append(target)
                reachedRegulator = reachedRegulator || target == .regulator
            }
        case .deadlineMissed, .rectificationOverdue:
            missedDeadlines.append(event)
            currentMisses.append(event)
        default:
            break
        }
        if event.type == .opened || event.type == .reopened || event.type == .acknowledged
            || event.type == .classified, let deadline = event.deadline, let dueAt = event.dueAt {
            nextDeadline = (deadline, dueAt)
        }
        if event.type == .noted || event.type == .resolved || event.type == .escalated,
           nextDeadline?.deadline == .followUp {
            nextDeadline = nil
        }
        if event.type == .acknowledged, nextDeadline?.deadline == .acknowledge {
            nextDeadline = nil
        }
        if event.type == .planSubmitted || event.type == .planAccepted, nextDeadline?.deadline == .rectification {
            nextDeadline = nil
        }
    }

    private mutating func applyAccountability(_ event: CaseEvent) {
        cause = event.cause ?? cause
        if let people = event.responsibilities {
            responsibilities = people
        }
        review = event.review ?? review
        rectification = event.rectification ?? rectification
        plan = event.plan ?? plan
        if event.type == .classified, event.deadline == .rectification {
            rectificationDueAt = event.dueAt
        }
    }

    // MARK: - Questions readers ask

    /// True when a deadline passed and what it asked for has not happened yet.
    public var isOverdue: Bool {
        guard state != .resolved else { return rectification == .overdue }
        if rectification == .overdue {
            return true
        }
        guard let last = currentMisses.last else { return false }
        switch last.deadline {
        case .acknowledge?: return acknowledgedAt == nil
        case .followUp?: return nextDeadline?.deadline == .followUp
        case .rectification?: return rectification == .required || rectification == .rejected
        case nil: return false
        }
    }

    /// The highest chain step any missed deadline reached, 0 when none was missed.
    public var chainStep: Int {
        missedDeadlines.compactMap(\.chainStep).max() ?? 0
    }
}

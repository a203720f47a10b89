import VigilContracts
import VigilKafka
import VigilRuntime
import VigilStore

/// Keeps one case per customer thread at a time: opened by a keyword alert or
/// a complaint, handled through case commands, and climbing the chain
/// (supervisor → manager → brand manager) when its deadlines pass.
///
/// Alerts, complaints and case commands wait until the alert, complaint,
/// chat and command streams of their partition have all completed the
/// watermark round they arrived in and passed their time. They then apply
/// in event-time order, interleaved with the deadlines that fall due. Only
/// watermarks move the clock, so the timeline depends on positions in the
/// logs alone, late records included, and not on how the four topics
/// interleave on arrival. A command issued before the time its partition
/// had already reached applies at the next round, after the deadlines that
/// fell due in between. Chat messages only teach the processor which agent
/// handled each conversation.
public final class EscalationProcessor: StreamProcessor {
    let catalogue: TopicCatalogue
    let policy: CasePolicy
    let machine: CaseMachine
    let cases = CaseStore()
    let clock = PartitionClock()
    let pending = PendingInputs()
    let conversations = ConversationAgents()
    let deadlines: CaseDeadlines
    /// Masks personal numbers in every input before it is held or applied, so
    /// the store, the case texts, the plans and the reviews never hold one.
    let masker = PersonalDataMasker()
    /// The organisation, rebuilt from the roster topic at every start.
    public private(set) var roster = Roster()

    /// Creates the processor with the deadlines and windows of `policy`
    /// (``CasePolicy/load(path:)`` reads them from `--case-policy FILE`).
    public init(catalogue: TopicCatalogue, policy: CasePolicy = CasePolicy()) {
        self.catalogue = catalogue
        self.policy = policy
        self.machine = CaseMachine(rectificationDays: policy.rectificationDays)
        self.deadlines = CaseDeadlines(policy: policy)
    }

    public var inputTopics: [TopicSpec] {
        [catalogue.alerts, catalogue.complaints, catalogue.caseCommands, catalogue.chatMessages]
    }
    public var tableTopics: [TopicSpec] { [catalogue.roster] }
    public var outputTopics: [TopicSpec] { [catalogue.caseEvents] }
    /// Each partition number's state depends on that partition alone, so it moves with the partition.
    public var partitionedState: Bool { true }

    public func registerMigrations(in migrator: inout Migrator) {
        CaseSchema.register(in: &migrator)
        CaseStore.registerMigrations(in: &migrator)
        PartitionClock.registerMigrations(in: &migrator)
        PendingInputs.registerMigrations(in: &migrator)
        ConversationAgents.registerMigrations(in: &migrator)
        CaseDeadlines.registerMigrations(in: &migrator)
    }

    // MARK: - Roster

    public func applyTableRecord(_ record: KafkaRecord) throws {
        // A tombstone (no value) deletes the person its key names.
        if record.value.isEmpty, let id = record.keyString {
            roster.remove(id)
            return
        }
        roster.apply(try RecordDecoding.decode(RosterPerson.self, from: record.value))
    }

    /// Applies a roster person directly, for tests and tools that already have the roster.
    public func applyRoster(_ person: RosterPerson) {
        roster.apply(person)
    }

    // MARK: - Records

    public func process(_ record: KafkaRecord, context: ProcessingContext) throws {
        // Alerting forwards watermarks onto the alerts topic; take them here too
        // should the runtime hand one over as an ordinary record.
        if WatermarkRecords.isWatermark(record) {
            try advanceWatermark(WatermarkRecords.decode(record), context: context)
            return
        }

        // Records never move the clock: inputs wait for the watermark rounds after them.
        let partition = record.partition
        let database = context.database
        switch record.topic {
        case catalogue.alerts.name:
            let alert = try context.decode(Alert.self, from: record).masked(by: masker)
            guard try context.markApplied(alert.eventId) else { return }
            if Self.concernsCases(alert) {
                let round = try clock.completed(.alerts, partition: partition, in: database)
                try pending.hold(.alert(alert), partition: partition, round: round, in: database)
            }
        case catalogue.complaints.name:
            let complaint = try context.decode(Complaint.self, from: record).masked(by: masker)
            guard try context.markApplied(complaint.eventId) else { return }
            let round = try clock.completed(.complaints, partition: partition, in: database)
            try pending.hold(.complaint(complaint), partition: partition, round: round, in: database)
        case catalogue.chatMessages.name:
            // Learning a conversation is idempotent, so messages are not recorded as applied.
            let message = try context.decode(ChatMessage.self, from: record)
            let round = try clock.completed(.chat, partition: partition, in: database)
            try conversations.observe(message, partition: partition, round: round, in: database)
        case catalogue.caseCommands.name:
            let command = try context.decode(CaseCommand.self, from: record).masked(by: masker)
            guard try context.markApplied(command.eventId) else { return }
            let round = try clock.completed(.commands, partition: partition, in: database)
            try pending.hold(.command(command), partition: partition, round: round, in: database)
        default:
            throw RecordRejection(.unprocessable, "escalation does not read topic \(record.topic)")
        }
    }

    /// Keyword alerts that are raised, repeated or escalated open and join
    /// cases; reminders, closings and reply timeouts do not.
    static func concernsCases(_ alert: Alert) -> Bool {
        guard alert.kind == .keyword else { return false }
        switch alert.currentAction {
        case .raised, .repeated, .escalated: return true
        case .reminded, .closed: return false
        }
    }

    // MARK: - Event time

    public func advanceWatermark(_ watermark: Watermark, context: ProcessingContext) throws {
        let stream: InputStream
        switch watermark.topic {
        case catalogue.alerts.name: stream = .alerts
        case catalogue.complaints.name: stream = .complaints
        case catalogue.chatMessages.name: stream = .chat
        case catalogue.caseCommands.name: stream = .commands
        default: return
        }
        guard try clock.record(watermark, stream: stream, in: context.database) else { return }
        try settle(partition: watermark.partition, context: context)
    }

    /// Applies, in event-time order, every waiting input of the partition that
    /// arrived before its release round and every deadline, both up to the
    /// release time. A deadline goes first when it falls due at the same
    /// instant as an input.
    ///
    /// The release round grows by at most one per watermark, and when it
    /// reaches R every input of the rounds below R has arrived, so each
    /// release sees the same inputs and state in every interleaving.
    func settle(partition: Int32, context: ProcessingContext) throws {
        let database = context.database
        guard let release = try clock.release(partition: partition, in: database) else { return }
        while true {
            let due = try deadlines.next(partition: partition, notAfter: release.time, in: database)
            let input = try pending.first(partition: partition, before: release.round, notAfter: release.time,
                                          in: database)
            if let due, input.map({ due.due <= $0.time }) ?? true {
                try fire(due, partition: partition, context: context)
            } else if let input {
                try pending.remove(input, in: database)
                try applyReleased(input, partition: partition, round: release.round, context: context)
            } else {
                break
            }
        }
        try clock.prune(partition: partition, before: release.round, in: database)
    }

    /// Applies a held input in a savepoint of its own. An input that fails
    /// for a reason of its own rolls back and becomes a dead letter, so the
    /// watermark that released it, and every later one, still applies.
    /// NOTE: no input is known to fail here, so only reasoning covers this path.
    private func applyReleased(_ input: PendingInput, partition: Int32, round: Int, context: ProcessingContext) throws {
        do {
            try context.database.transaction {
                switch input {
                case .alert(let alert):
                    try apply(alert, partition: partition, context: context)
                case .complaint(let complaint):
                    try apply(complaint, partition: partition, round: round, context: context)
                case .command(let command):
                    try apply(command, partition: partition, context: context)
                }
            }
        } catch where !ProcessingFailure.stopsService(error) {
            let (topic, key, payload) = try heldRecord(of: input)
            try context.rejectHeldEvent(payload, eventId: input.eventId, key: key, topic: topic.name,
                                        partition: partition, time: input.time, error: error)
        }
    }

    /// Returns the topic, key and bytes a held input arrived with, as far as its event gives them.
    private func heldRecord(of input: PendingInput) throws -> (TopicSpec, String?, [UInt8]) {
        switch input {
        case .alert(let alert): (catalogue.alerts, alert.recordKey, try EventCoding.encode(alert))
        case .complaint(let complaint): (catalogue.complaints, complaint.recordKey, try EventCoding.encode(complaint))
        case .command(let command): (catalogue.caseCommands, command.recordKey, try EventCoding.encode(command))
        }
    }
}

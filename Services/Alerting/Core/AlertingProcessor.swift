import VigilContracts
import VigilKafka
import VigilRuntime
import VigilStore

/// Turns chat messages into alert events: rule hits grouped per customer
/// thread and category, reminders and quiet closings on watermarks, each
/// addressed through the roster.
///
/// Rules come from the latest release on the rules topic, or from the file
/// given at start until a release arrives. With `pinsRules`, the file's rules
/// stay in force for the whole run and releases are ignored, which a rule
/// backtest needs. Everything the processor decides
/// is kept in the store, in the transaction of the record that caused it.
public final class AlertingProcessor: StreamProcessor {
    private let catalogue: TopicCatalogue
    private let normalizer: TextNormalizer
    private let composer = AlertComposer()
    private let groups: AlertGroups
    private let recent = RecentMessages()
    private let windows = ConversationWindows()
    private let timers: ReplyTimers
    private let policy: AlertPolicy
    /// The rules in force. A valid release on the rules topic replaces them,
    /// and they are nil until a release or a file provides some.
    public private(set) var activeRules: ActiveRules?
    /// The organisation, rebuilt from the roster topic at every start.
    public private(set) var roster = Roster()
    /// True when `rules` stay in force for the whole run and releases on the rules topic are ignored.
    public let pinsRules: Bool

    /// Creates the processor. With `pinsRules` true, `rules` must not be nil.
    public init(catalogue: TopicCatalogue, rules: ActiveRules?, normalizer: TextNormalizer,
                policy: AlertPolicy = AlertPolicy(), replyLimits: ReplyLimits = ReplyLimits(),
                pinsRules: Bool = false) {
        // Forwarded watermarks keep their partition number, which is right
        // only while a thread's messages and alerts share it.
        precondition(catalogue.alerts.partitions == catalogue.chatMessages.partitions
                         && catalogue.alerts.key == catalogue.chatMessages.key,
                     "the alerts and chat.messages topics must have the same key and partition count")
        self.catalogue = catalogue
        self.activeRules = rules
        self.pinsRules = pinsRules
        self.normalizer = normalizer
        self.policy = policy
        self.groups = AlertGroups(policy: policy)
        self.timers = ReplyTimers(limits: replyLimits)
    }

    public var inputTopics: [TopicSpec] { [catalogue.chatMessages] }
    public var tableTopics: [TopicSpec] { [catalogue.roster, catalogue.rules] }
    public var outputTopics: [TopicSpec] { [catalogue.alerts] }
    /// Each partition number's state depends on that partition alone, so it moves with the partition.
    public var partitionedState: Bool { true }

    public func registerMigrations(in migrator: inout Migrator) {
        AlertGroups.registerMigrations(in: &migrator)
        RecentMessages.registerMigrations(in: &migrator)
        ConversationWindows.registerMigrations(in: &migrator)
        ReplyTimers.registerMigrations(in: &migrator)
    }

    // MARK: - Tables

    public func applyTableRecord(_ record: KafkaRecord) throws {
        if record.topic == catalogue.rules.name {
            try applyRules(record)
            return
        }
        // A tombstone (no value) deletes the person its key names.
        if record.value.isEmpty, let id = record.keyString {
            roster.remove(id)
            return
        }
        roster.apply(try RecordDecoding.decode(RosterPerson.self, from: record.value))
    }

    /// Switches to a release's rules, or keeps the current ones when the release
    /// is invalid or the rules are pinned. A pinned run does not even decode
    /// the release, so an unreadable one sends no dead letter either.
    private func applyRules(_ record: KafkaRecord) throws {
        guard !pinsRules, !record.value.isEmpty else { return }
        let release = try RecordDecoding.decode(RuleSetRelease.self, from: record.value)
        guard release.eventId != activeRules?.releaseId else { return }
        do {
            activeRules = try ActiveRules.compile(text: release.rules, normalizer: normalizer,
                                                  releaseId: release.eventId)
        } catch {
            let fallback = activeRules.map { "keeping version \($0.version)" } ?? "no rules in force yet"
            throw RecordRejection(.invalidField, "rules release \(release.version) is invalid, \(fallback): \(error)")
        }
    }

    /// Rejects a start without rules, because a message matched against no rules would raise no alert.
    public func tablesLoaded() throws {
        guard activeRules != nil else { throw NoRulesError() }
    }

    /// The rules in force. They are nil only before ``tablesLoaded()`` has passed.
    private var rules: ActiveRules {
        get throws {
            guard let activeRules else { throw NoRulesError() }
            return activeRules
        }
    }

    /// Applies a roster person directly, for tests and tools that already have the roster.
    public func applyRoster(_ person: RosterPerson) {
        roster.apply(person)
    }

    // MARK: - Messages

    public func process(_ record: KafkaRecord, context: ProcessingContext) throws {
        let message = try context.decode(ChatMessage.self, from: record)
        let textBytes = message.text.utf8.count
        guard textBytes <= ChatMessage.maxTextBytes else {
            throw RecordRejection(.tooLarge, "the text of \(message.eventId) has \(textBytes) bytes, more than the "
                + "\(ChatMessage.maxTextBytes) that Vigil accepts")
        }
        guard try context.markApplied(message.eventId) else { return }
        for alert in try alerts(for: message, partition: record.partition, in: context.database) {
            try context.emit(alert, to: catalogue.alerts)
        }
    }

    /// Returns the alert events one message causes, in the order to publish
    /// them, and records them in `database`.
    ///
    /// A window rule can fire on an earlier message of the conversation when
    /// this one completes its window. Its hit then joins this message's hits of
    /// the same category. The alert names the earlier message only when this
    /// one hit nothing of that category.
    public func alerts(for message: ChatMessage, partition: Int32, in database: Database) throws -> [Alert] {
        // Timers first, so a timeout shows the same context whether this
        // message or a watermark fires it: the messages before this one.
        var alerts = try replyAlerts(try timers.observe(message, partition: partition, in: database),
                                     partition: partition, in: database)
        let compiled = try rules.compiled
        try recent.append(message, retaining: compiled.largestWindow + 1, in: database)
        let matches = compiled.matches(compiled.normalize(message.text), speaker: Self.speaker(of: message.role))
        let windowHits = try windows.observe(message, matches: matches, ruleSet: compiled, in: database)
        let detected = matches.hits.map { WindowHit(messageId: message.messageId, hit: $0) } + windowHits
        guard !detected.isEmpty else { return alerts }

        let retained = try recent.recorded(shop: message.shop, conversationId: message.conversationId, in: database)
        let context = Array(retained.suffix(recent.limit))
        let byCategory = Dictionary(grouping: detected) { $0.hit.category.riskCategory }
        for category in byCategory.keys.sorted() {
            let categoryHits = byCategory[category] ?? []
            let own = categoryHits.filter { $0.messageId == message.messageId }
            let subject = own.isEmpty ? earlier(categoryHits[0].messageId, of: message, retained: retained) : message
            let hits = (own.isEmpty ? categoryHits.filter { $0.messageId == subject.messageId } : own).map(\.hit)
            let severity = categoryHits.map(\.hit.severity.alertSeverity).max() ?? .medium
            let (due, decision) = try groups.hit(
                thread: message.thread, category: category, severity: severity, at: message.sentAt,
                causeId: message.eventId, partition: partition, in: database)
            alerts += due.map { composer.followUp($0, roster: roster) }
            let alert = composer.keywordAlert(
                message: subject, category: category, hits: hits, ruleVersion: try rules.version,
                context: context, decision: decision, roster: roster)
            try groups.save(alert, in: database)
            alerts.append(alert)
        }
        return alerts
    }

    /// Rebuilds the earlier message a window hit belongs to from the
    /// conversation's recent masked messages. The evidence offsets refer to the
    /// original text, and they still fit because masking keeps the text aligned.
    ///
    /// NOTE: Texts longer than ``RecentMessages/textLimit`` are stored cut, so
    /// a hit past the cut gets a snippet from the end of the stored text.
    private func earlier(_ messageId: String, of message: ChatMessage, retained: [AlertContextMessage]) -> ChatMessage {
        var subject = message
        subject.messageId = messageId
        if let recorded = retained.first(where: { $0.messageId == messageId }) {
            subject.text = recorded.text
            subject.role = recorded.role
        } else {
            subject.text = ""
        }
        return subject
    }

    // MARK: - Event time

    /// Publishes the follow-ups a chat.messages watermark makes due, then
    /// forwards the watermark to the same partition number of the alerts topic.
    ///
    /// The alerts of a thread land in the partition number its messages have,
    /// because both topics are keyed by thread with equal partition counts. The
    /// outbox publishes in order, so the forwarded watermark follows every
    /// alert this instance made from that partition up to its time. Alerts
    /// from late messages are the exception, as on the input topic.
    public func advanceWatermark(_ watermark: Watermark, context: ProcessingContext) throws {
        guard watermark.topic == catalogue.chatMessages.name else { return }
        for alert in try followUps(partition: watermark.partition, at: watermark.time, in: context.database) {
            try context.emit(alert, to: catalogue.alerts)
        }

        let forwarded = Watermark(source: watermark.source, topic: catalogue.alerts.name,
                                  partition: watermark.partition, time: watermark.time)
        try context.emit(forwarded, to: catalogue.alerts, partition: watermark.partition)
    }

    /// Returns the reply timeouts, reminders and closings due on `partition`
    /// at `time`, and records them.
    public func followUps(partition: Int32, at time: Timestamp, in database: Database) throws -> [Alert] {
        var alerts = try replyAlerts(try timers.advance(partition: partition, to: time, in: database),
                                     partition: partition, in: database)
        for followUp in try groups.advance(partition: partition, to: time, in: database) {
            alerts.append(composer.followUp(followUp, roster: roster))
        }
        return alerts
    }

    // MARK: - Reply time

    /// Turns timer events into alert events: a timeout raises a reply-timeout
    /// alert at the deadline, and the agent's reply closes it.
    private func replyAlerts(_ events: [ReplyTimerEvent], partition: Int32, in database: Database) throws -> [Alert] {
        var alerts: [Alert] = []
        for event in events {
            let wait = event.wait
            switch event {
            case .timedOut:
                let (due, decision) = try groups.hit(
                    thread: wait.thread, category: .replyTimeout, severity: policy.replyTimeoutSeverity,
                    at: wait.deadline, causeId: wait.customerEventId, partition: partition, in: database)
                alerts += due.map { composer.followUp($0, roster: roster) }
                let context = try recent.context(shop: wait.shop, conversationId: wait.conversationId, in: database)
                let alert = composer.replyTimeoutAlert(
                    wait: wait, severity: policy.replyTimeoutSeverity, ruleVersion: try rules.version, context: context,
                    decision: decision, roster: roster)
                try groups.save(alert, in: database)
                alerts.append(alert)
            case .answered(_, let reply):
                guard let closed = try groups.close(thread: wait.thread, category: .replyTimeout, at: reply.sentAt,
                                                    causeId: reply.eventId, in: database)
                else { continue }
                let waited = Int((reply.sentAt.epochMilliseconds - wait.since.epochMilliseconds) / 1_000)
                alerts.append(composer.followUp(closed, roster: roster, waitedSeconds: waited))
            }
        }
        return alerts
    }

    /// Returns the rule speaker for a message's role. System messages reach only rules for `any`.
    static func speaker(of role: ChatRole) -> RuleSpeaker {
        switch role {
        case .customer: .customer
        case .agent: .agent
        case .system: .any
        }
    }
}

/// The alerting service has no rules: none published and no file given.
public struct NoRulesError: Error, CustomStringConvertible {
    public var description: String {
        "no alert rules in force: publish a rules file with `vigil rules push FILE`, "
            + "or start vigil-alerting with --rules FILE"
    }
}

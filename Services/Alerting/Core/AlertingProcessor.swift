import VigilContracts
import VigilKafka
import VigilRuntime
import VigilStore

/// Raises an alert for every customer message that contains a risk word,
/// addressed to the supervisor of the handling agent's team.
public final class AlertingProcessor: StreamProcessor {
    private let catalogue: TopicCatalogue
    private let matcher: KeywordMatcher
    private let composer = AlertComposer()
    /// The organisation, rebuilt from the roster topic at every start.
    public private(set) var roster = Roster()

    public init(catalogue: TopicCatalogue, matcher: KeywordMatcher = KeywordMatcher()) {
        self.catalogue = catalogue
        self.matcher = matcher
    }

    public var inputTopics: [TopicSpec] { [catalogue.chatMessages] }
    public var tableTopics: [TopicSpec] { [catalogue.roster] }
    public var outputTopics: [TopicSpec] { [catalogue.alerts] }

    public func registerMigrations(in migrator: inout Migrator) {}

    public func applyTableRecord(_ record: KafkaRecord) throws {
        // A tombstone (no value) deletes the person its key names.
        if record.value.isEmpty, let id = record.keyString {
            roster.remove(id)
            return
        }
        roster.apply(try RecordDecoding.decode(RosterPerson.self, from: record.value))
    }

    public func process(_ record: KafkaRecord, context: ProcessingContext) throws {
        let message = try context.decode(ChatMessage.self, from: record)
        guard try context.markApplied(message.eventId) else { return }
        if let alert = alert(for: message) {
            try context.emit(alert, to: catalogue.alerts)
        }
    }

    /// Returns the alert a message raises, or nil. Only customers' words raise
    /// alerts, because an agent quoting "12315" is not a customer threatening it.
    public func alert(for message: ChatMessage) -> Alert? {
        guard message.role == .customer else { return nil }
        let matches = matcher.matches(in: message.text)
        return composer.alert(for: message, matches: matches, roster: roster,
                              ruleVersion: KeywordMatcher.builtinRuleVersion)
    }

    /// Applies a roster person directly; for tests and tools that hold the roster already.
    public func applyRoster(_ person: RosterPerson) {
        roster.apply(person)
    }
}

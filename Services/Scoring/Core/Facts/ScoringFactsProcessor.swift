import VigilContracts
import VigilKafka
import VigilRuntime
import VigilStore

/// The facts stage of scoring, which re-keys the thread-keyed inputs by subject.
///
/// It stores chat messages, alerts, case events, complaints and orders. Every
/// conversation, raised alert, case, complaint and order becomes a
/// ``ScoringFact`` per subject it counts for, keyed by that subject on the
/// repartition topic.
///
/// A fact is derived again from all of its stored inputs whenever one of them
/// arrives, so what is published depends on the inputs and the roster, not on
/// their arrival order or on how they are split into batches. Only the number
/// of intermediate revisions does. A fact is published at the end of the batch
/// when its content for a subject changed or a new input raised its revision.
/// A subject it stops counting for gets a retraction.
/// NOTE: a roster change moves a fact to its new team, vendor or site only
/// when one of the fact's inputs arrives after the change.
public final class ScoringFactsProcessor: StreamProcessor {
    let catalogue: TopicCatalogue
    let conversionHours: Int
    let currency: String
    let inputs = FactInputs()
    let changes = ChangedFacts()
    let publications = FactPublications()
    /// The organisation, rebuilt from the roster topic at every start.
    public private(set) var roster = Roster()

    /// Creates the stage. An order paid up to `conversionHours` after a
    /// conversation's last message converts it, and a negative value counts as 0.
    /// Orders in another currency than `currency` go to the dead-letter topic.
    public init(catalogue: TopicCatalogue, conversionHours: Int = 24, currency: String = "CNY") {
        self.catalogue = catalogue
        self.conversionHours = max(0, conversionHours)
        self.currency = currency
    }

    public var inputTopics: [TopicSpec] {
        [catalogue.chatMessages, catalogue.alerts, catalogue.caseEvents, catalogue.complaints, catalogue.orders]
    }
    public var tableTopics: [TopicSpec] { [catalogue.roster] }
    public var outputTopics: [TopicSpec] { [catalogue.scoringFacts] }
    /// Each partition number's state depends on that partition alone, so it moves with the partition.
    public var partitionedState: Bool { true }

    public func registerMigrations(in migrator: inout Migrator) {
        FactsSchema.register(in: &migrator)
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

    /// Removes a roster person directly, as a tombstone on the roster topic does.
    public func removeRosterPerson(_ id: String) {
        roster.remove(id)
    }

    // MARK: - Records

    public func process(_ record: KafkaRecord, context: ProcessingContext) throws {
        // Every fact is derived again as its inputs arrive, so this stage has no use for watermarks.
        if WatermarkRecords.isWatermark(record) {
            return
        }
        let database = context.database
        switch record.topic {
        case catalogue.chatMessages.name:
            let message = try context.decode(ChatMessage.self, from: record)
            try InputCheck.validate(message)
            guard try context.markApplied(message.eventId) else { return }
            try inputs.store(message, in: database)
            try markConversation(shop: message.shop, conversationId: message.conversationId, in: database)

        case catalogue.alerts.name:
            let alert = try context.decode(Alert.self, from: record)
            try InputCheck.validate(alert)
            // An alert counts once, at its raising. Repeats, reminders and closings do not count.
            guard alert.currentAction == .raised, try context.markApplied(alert.eventId) else { return }
            try inputs.store(alert, in: database)
            try changes.mark(.alert(factId: FactIds.alert(alert)), in: database)

        case catalogue.caseEvents.name:
            let entry = try context.decode(CaseEvent.self, from: record)
            try InputCheck.validate(entry)
            guard try context.markApplied(entry.eventId) else { return }
            try inputs.append(entry, in: database)
            try changes.mark(.caseFile(caseId: entry.caseId), in: database)

        case catalogue.complaints.name:
            let complaint = try context.decode(Complaint.self, from: record)
            try InputCheck.validate(complaint)
            guard try context.markApplied(complaint.eventId) else { return }
            try inputs.store(complaint, in: database)
            try changes.mark(.complaint(factId: FactIds.complaint(complaint)), in: database)

        case catalogue.orders.name:
            let order = try context.decode(Order.self, from: record)
            try InputCheck.validate(order)
            guard order.currency == currency else {
                throw RecordRejection(.invalidField, "order \(order.orderId) is in \(order.currency), but the "
                    + "scorecard sums \(currency): amounts of different currencies cannot be added")
            }
            guard try context.markApplied(order.eventId) else { return }
            try inputs.store(order, in: database)
            try markOrder(order, in: database)

        default:
            throw RecordRejection(.unprocessable, "scoring does not read topic \(record.topic)")
        }
    }

    /// Publishes every fact the batch changed, in fact id order.
    public func finishBatch(context: ProcessingContext) throws {
        let database = context.database
        let builder = FactBuilder(inputs: inputs, conversionHours: conversionHours, roster: roster,
                                  database: database)
        for reference in try changes.take(from: database) {
            let content = try builder.content(of: reference)
            let records = try publications.publish(factId: reference.factId, content: content, in: database)
            for fact in records {
                try context.emit(fact, to: catalogue.scoringFacts)
            }
        }
    }

    // MARK: - Dependencies

    /// Marks a conversation and the facts that take their agent or site from it.
    private func markConversation(shop: String, conversationId: String, in database: Database) throws {
        try changes.mark(.conversation(shop: shop, conversationId: conversationId), in: database)
        for factId in try inputs.complaintFactIds(shop: shop, conversationId: conversationId, in: database) {
            try changes.mark(.complaint(factId: factId), in: database)
        }
        for factId in try inputs.orderFactIds(shop: shop, conversationId: conversationId, in: database) {
            try changes.mark(.order(factId: factId), in: database)
        }
    }

    /// Marks an order and the conversations of its thread, which it may convert.
    private func markOrder(_ order: Order, in database: Database) throws {
        try changes.mark(.order(factId: FactIds.order(order)), in: database)
        for conversationId in try inputs.conversationIds(shop: order.shop, buyer: order.buyer, in: database) {
            try changes.mark(.conversation(shop: order.shop, conversationId: conversationId), in: database)
        }
    }
}

import VigilContracts
import VigilKafka
import VigilRuntime
import VigilScoring
import VigilStore

/// The totals stage of scoring: keeps every subject's current facts from the
/// repartition topic and publishes the score of each subject and period a
/// batch changed.
///
/// The topic is keyed by subject, so one instance receives every fact of a
/// subject. A fact replaces the stored one only with a higher revision, which
/// makes redelivery harmless. After each batch, every touched subject and
/// period (day, ISO week, month and campaign windows in the scorecard's zone)
/// is computed again from all of its facts. A score therefore does not depend
/// on the order facts arrived in or on how they were split into batches. A
/// score equal to the last one published for its key is skipped.
/// NOTE: scores are computed only for periods a fact touches. A new scorecard
/// (other weights, campaigns or zone) therefore reaches older periods only
/// when their facts change or the totals store is rebuilt from the topic.
public final class ScoreTotalsProcessor: StreamProcessor {
    let catalogue: TopicCatalogue
    let scorecard: Scorecard
    let facts = SubjectFacts()
    let published = PublishedScores()
    var touched = TouchedPeriods()

    public init(catalogue: TopicCatalogue, scorecard: Scorecard) {
        self.catalogue = catalogue
        self.scorecard = scorecard
    }

    public var inputTopics: [TopicSpec] { [catalogue.scoringFacts] }
    public var outputTopics: [TopicSpec] { [catalogue.scores] }
    /// Each partition number's state depends on that partition alone, so it moves with the partition.
    public var partitionedState: Bool { true }

    public func registerMigrations(in migrator: inout Migrator) {
        TotalsSchema.register(in: &migrator)
    }

    // MARK: - Records

    public func process(_ record: KafkaRecord, context: ProcessingContext) throws {
        guard record.topic == catalogue.scoringFacts.name else {
            throw RecordRejection(.unprocessable, "the totals stage does not read topic \(record.topic)")
        }
        let fact = try context.decode(ScoringFact.self, from: record)
        try FactCheck.validate(fact, recordKey: record.keyString)

        guard case .applied(let previous) = try facts.apply(fact, in: context.database) else { return }

        // The periods the fact left and the ones it entered both change.
        if let previous, !previous.retracted {
            touched.insert(fact.subject, periods: periods(containing: previous.time))
        }
        if !fact.retracted {
            touched.insert(fact.subject, periods: periods(containing: fact.time))
        }
    }

    public func finishBatch(context: ProcessingContext) throws {
        for pair in touched.drain() {
            // Every touched period comes from this scorecard, so its bounds are always known.
            guard let bounds = ScorePeriods.bounds(of: pair.period, zoneOffsetSeconds: scorecard.zoneOffsetSeconds,
                                                   campaigns: scorecard.campaigns)
            else { continue }

            let current = try facts.current(of: pair.subject, in: bounds, database: context.database)
            let score = PeriodScore.score(of: pair.subject, in: pair.period, bounds: bounds, facts: current,
                                          scorecard: scorecard)
            if try published.markNew(score, in: context.database) {
                try context.emit(score, to: catalogue.scores)
            }
        }
    }

    private func periods(containing time: Timestamp) -> [ScorePeriod] {
        ScorePeriods.periods(containing: time, zoneOffsetSeconds: scorecard.zoneOffsetSeconds,
                             campaigns: scorecard.campaigns)
    }
}

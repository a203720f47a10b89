import Alerting
import Escalation
import Scoring
import VigilContracts
import VigilRuntime

/// The services `vigil replay` can run again, and how each builds its processor.
enum ReplayTarget: String, CaseIterable, Sendable {
    case alerting
    case escalation
    /// The facts stage of vigil-scoring, compared on `scoring.facts`.
    case scoring
    /// The totals stage of vigil-scoring, which reads the live `scoring.facts` and is compared on `scores`.
    case scoringTotals = "scoring-totals"

    /// The live service's name, which its dead letters carry in `service`
    /// and the replay must carry too, because it is part of their bytes and ids.
    var serviceName: String {
        switch self {
        case .alerting: "vigil-alerting"
        case .escalation: "vigil-escalation"
        case .scoring, .scoringTotals: "vigil-scoring"
        }
    }

    /// The names of the service's configuration options that the replay accepts.
    var configurationOptions: [String] {
        switch self {
        case .alerting: [AlertingSetup.rulesOption.name, ReplyLimits.option.name]
        case .escalation: [CasePolicy.option.name]
        case .scoring, .scoringTotals: [ScoringStages.scorecardOption.name]
        }
    }

    /// Builds the processor with the factory the service's executable uses.
    /// For alerting, `--rules` pins the rules for the whole run.
    func makeProcessor(configuration: ServiceConfiguration, options: ParsedOptions) throws -> any StreamProcessor {
        switch self {
        case .alerting:
            let pinsRules = options.value(AlertingSetup.rulesOption.name) != nil
            return try AlertingSetup.makeProcessor(configuration: configuration, options: options,
                                                   pinsRules: pinsRules)
        case .escalation:
            return try EscalationSetup.makeProcessor(configuration: configuration, options: options)
        case .scoring:
            return try ScoringStages.makeFactsProcessor(configuration: configuration, options: options)
        case .scoringTotals:
            return try ScoringStages.makeTotalsProcessor(configuration: configuration, options: options)
        }
    }

    /// The names for usage messages: "alerting, escalation, scoring or scoring-totals".
    static var names: String {
        let all = allCases.map(\.rawValue)
        return all.dropLast().joined(separator: ", ") + " or " + (all.last ?? "")
    }
}

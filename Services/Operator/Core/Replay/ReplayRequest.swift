import Alerting
import VigilContracts
import VigilRuntime

/// The options of `vigil replay`, checked.
struct ReplayRequest {
    /// The report formats `--format` takes.
    enum Format: String {
        case text
        case json
    }

    var target: ReplayTarget
    /// The first event time compared (inclusive).
    var from: Timestamp
    /// The first event time no longer compared (exclusive).
    var to: Timestamp
    var format: Format
    /// The file the report goes to; nil for standard output.
    var output: String?
    /// The folder to keep the replay store in; nil for a temporary folder that is deleted.
    var keepStore: String?
    /// True for a rule backtest: alerting with `--rules`.
    var isBacktest: Bool

    init(_ options: ParsedOptions) throws {
        guard let name = options.positionals.first else {
            throw UsageError("missing SERVICE: name \(ReplayTarget.names)")
        }
        if let extra = options.positionals.dropFirst().first {
            throw UsageError("unexpected argument \"\(extra)\": replay takes one service")
        }
        guard let target = ReplayTarget(rawValue: name) else {
            throw UsageError("unknown service \"\(name)\": expected \(ReplayTarget.names)")
        }
        self.target = target

        guard let fromText = options.value("from") else {
            throw UsageError("missing --from: give the first event time to compare, such as 2026-11-11T00:00+08:00")
        }
        guard let toText = options.value("to") else {
            throw UsageError("missing --to: give the event time to stop before, such as 2026-11-12T00:00+08:00")
        }
        from = try TimeOption.parse(fromText, option: "from")
        to = try TimeOption.parse(toText, option: "to")
        guard from.epochMilliseconds < to.epochMilliseconds else {
            throw UsageError("--to \(toText) is not later than --from \(fromText): the range [from, to) would be empty")
        }

        let others = ReplayTarget.allCases.flatMap(\.configurationOptions).filter {
            !target.configurationOptions.contains($0)
        }
        if let misplaced = others.first(where: { options.value($0) != nil }) {
            let owners = ReplayTarget.allCases.filter { $0.configurationOptions.contains(misplaced) }.map(\.rawValue)
            throw UsageError("--\(misplaced) applies to \(owners.joined(separator: " and ")) only, "
                + "not to \(target.rawValue)")
        }

        let formatText = options.value("format") ?? Format.text.rawValue
        guard let format = Format(rawValue: formatText) else {
            throw UsageError("invalid value \"\(formatText)\" for --format: expected text or json")
        }
        self.format = format
        output = options.value("output")
        keepStore = options.value("keep-store")
        isBacktest = target == .alerting && options.value(AlertingSetup.rulesOption.name) != nil
    }
}

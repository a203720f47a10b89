import Alerting
import Foundation
import VigilContracts

/// `vigil-bench matcher`: the speed of the text normalizer and of
/// ``CompiledRuleSet`` on real chat texts, on one thread, with the default
/// rules and with generated sets of 50 and 10,000 rules in each ``KeywordStyle``.
///
/// The specific-phrase sets fire about as often as the default rules, so
/// their 10,000/50 ratio is the cost of more rules, which the target is about.
/// The common-character sets fire many times more often with 10,000 rules;
/// their ratio adds the cost of the extra hits, a stress case.
public struct MatcherBenchmark {
    /// The inputs and the length of the measurement.
    public struct Options: Sendable {
        /// The folder with chats-waimai.ndjson and chats-jd.ndjson.
        public var dataDirectory = "../shared/data"
        /// The default rules file, which the generated sets also contain.
        public var rulesPath = "rules/default.json"
        /// Timed runs per case, one per round. The report quotes their median.
        public var runs = 5
        /// The minimum length of one run in seconds.
        public var minimumSeconds = 1.0
        /// The seed of the generated rule sets.
        public var seed: UInt64 = 20_261_111
        /// The folder for the report's Markdown and JSON.
        public var outputDirectory = ".bench"
        /// The folder to write all four generated rule sets into as rules files, or nil.
        public var generatedRulesDirectory: String?
        /// The cases to run, from ``MatcherBenchmark/caseNames``, or nil for all.
        public var cases: Set<String>?

        public init() {}
    }

    /// The chat files read, in this order.
    public static let chatFiles = ["chats-waimai.ndjson", "chats-jd.ndjson"]
    /// The sizes of the generated rule sets.
    public static let generatedSizes = [50, 10_000]
    /// The keyword styles of the generated sets, the one the target is about first.
    public static let generatedStyles: [KeywordStyle] = [.specificPhrases, .commonCharacters]
    /// The names that select cases: the normalizer, the default rules and
    /// each generated style and size (`phrases-50`, `common-10000`).
    public static let caseNames = ["normalizer", "default"]
        + generatedStyles.flatMap { style in generatedSizes.map { caseKey(style, $0) } }
    /// The speed the default rules must reach, in messages per second on one core.
    public static let targetMessagesPerSecond = 1_000_000.0
    /// The largest slowdown allowed from 50 to 10,000 rules, as a fraction.
    public static let allowedSlowdown = 0.20

    public let options: Options

    public init(options: Options) {
        self.options = options
    }

    /// True when ``Options/cases`` leaves out a case, so the report goes to files of its own.
    public var isPartial: Bool {
        options.cases.map { !$0.isSuperset(of: Self.caseNames) } ?? false
    }

    /// Runs the chosen cases and returns the report. `progress` receives a line at each step.
    public func run(command: String, progress: (String) -> Void) throws -> BenchmarkReport {
        var conditions = RunConditions.atStart()
        let corpus = try ChatCorpus(files: Self.chatFiles.map { (options.dataDirectory as NSString).appendingPathComponent($0) })
        let normalizer = try TextNormalizer()
        guard let bytes = FileManager.default.contents(atPath: options.rulesPath) else {
            throw BenchmarkInputError.unreadableRules(path: options.rulesPath)
        }
        let base: RuleSet
        do {
            base = try RuleSetParser.parse(bytes: Array(bytes))
        } catch {
            throw BenchmarkInputError.invalidRules(path: options.rulesPath, errors: error.description)
        }
        progress("\(English.count(corpus.messages.count, "message")), \(English.count(corpus.textBytes, "byte")) of text, "
                 + English.count(base.rules.count, "default rule"))

        var report = BenchmarkReport(
            name: "matcher", title: "Matcher throughput on one thread", command: command, machine: .current,
            conditions: conditions,
            columns: ["case", "rules", "keywords", "messages/s", "MB/s", "min-max messages/s",
                      "matching only, messages/s", "hits"])
        report.isPartial = isPartial
        if isPartial {
            progress("--cases leaves out cases: the report goes to \(report.fileStem).md and .json, "
                     + "so \(report.name).md of a full run stays")
        }

        let selected = options.cases ?? Set(Self.caseNames)
        var sets: [(key: String, name: String, rules: RuleSet)] = []
        if selected.contains("default") {
            sets.append(("default", "default rules", base))
        }
        for style in Self.generatedStyles {
            let generator = RuleSetGenerator(base: base, style: style)
            for size in Self.generatedSizes {
                let key = Self.caseKey(style, size)
                // --write-rules writes every generated set, so the files never depend on --cases.
                guard selected.contains(key) || options.generatedRulesDirectory != nil else { continue }
                let text = RuleSetJSON.encode(generator.generate(ruleCount: size, seed: options.seed))
                if let directory = options.generatedRulesDirectory {
                    progress("wrote " + (try Self.writeRules(text, style: style, size: size, into: directory)))
                }
                if selected.contains(key) {
                    // Read back through the parser, so the benchmark matches a valid file.
                    sets.append((key, Self.caseTitle(style, size), try RuleSetParser.parse(text: text)))
                }
            }
        }
        progress("compiling \(English.count(sets.count, "rule set"))")
        var compiledSets: [(key: String, name: String, rules: Int, compiled: CompiledRuleSet)] = []
        for (key, name, ruleSet) in sets {
            compiledSets.append((key, name, ruleSet.rules.count, try CompiledRuleSet(ruleSet, normalizer: normalizer)))
        }
        let normalized = corpus.messages.map { normalizer.normalize($0.text) }

        // Every case is timed in one interleaved call, so a slow spell of the
        // machine falls on all of them and the 10,000/50 ratio compares runs taken side by side.
        var workloads: [ThroughputMeasurement.Workload] = []
        if selected.contains("normalizer") {
            workloads.append(workload(corpus) { message in normalizer.normalize(message.text).scalars.count })
        }
        for set in compiledSets {
            let compiled = set.compiled
            workloads.append(workload(corpus) { message in compiled.match(text: message.text, speaker: message.speaker).count })
            workloads.append(ThroughputMeasurement.Workload(itemCount: corpus.messages.count, byteCount: corpus.textBytes) {
                // Elements read through buffer pointers are borrowed, not retained, so
                // the loop adds no reference counting of its own to the matcher's.
                var total = 0
                normalized.withUnsafeBufferPointer { texts in
                    corpus.messages.withUnsafeBufferPointer { messages in
                        for index in texts.indices {
                            total &+= compiled.match(texts[index], speaker: messages[index].speaker).count
                        }
                    }
                }
                return total
            })
        }
        progress("timing \(English.count(workloads.count, "case")), \(English.count(options.runs, "round"))")
        var measurements = ThroughputMeasurement.measure(workloads, runs: options.runs,
                                                         minimumSeconds: options.minimumSeconds)[...]

        if selected.contains("normalizer") {
            report.append(Self.row("normalizer alone", rules: nil, keywords: nil, measurements.removeFirst(), matchingOnly: nil))
        }
        // Keyed by case name, because a generated set no larger than the default set is the default set.
        var results: [String: ThroughputMeasurement] = [:]
        var matchingOnlyResults: [String: ThroughputMeasurement] = [:]
        for set in compiledSets {
            let matching = measurements.removeFirst()
            let matchingOnly = measurements.removeFirst()
            report.append(Self.row(set.name, rules: set.rules, keywords: set.compiled.keywordCount, matching,
                                   matchingOnly: matchingOnly))
            results[set.key] = matching
            matchingOnlyResults[set.key] = matchingOnly
        }

        report.notes = notes(default: results["default"])
        report.figures["targetMessagesPerSecond"] = Self.targetMessagesPerSecond
        report.figures["minimumRatio10000To50"] = 1 - Self.allowedSlowdown
        if let defaultRules = results["default"] {
            report.figures["defaultRulesMessagesPerSecond"] = defaultRules.medianItemsPerSecond
        }
        for style in Self.generatedStyles {
            let (smallKey, largeKey) = (Self.caseKey(style, Self.generatedSizes[0]), Self.caseKey(style, Self.generatedSizes[1]))
            guard let small = results[smallKey], let large = results[largeKey],
                  let smallMatching = matchingOnlyResults[smallKey], let largeMatching = matchingOnlyResults[largeKey] else { continue }
            let ratio = ThroughputMeasurement.medianRatio(large, to: small)
            let matchingOnlyRatio = ThroughputMeasurement.medianRatio(largeMatching, to: smallMatching)
            report.figures["ratio10000To50.\(style.rawValue)"] = ratio
            report.figures["ratio10000To50.\(style.rawValue).matchingOnly"] = matchingOnlyRatio
            report.notes.append(ratioNote(style, ratio: ratio, matchingOnlyRatio: matchingOnlyRatio,
                                          smallHits: small.checkValue, largeHits: large.checkValue))
        }
        conditions.finish()
        report.conditions = conditions
        return report
    }

    // MARK: - Steps

    /// Writes a generated rule set as `generated-STYLE-SIZE.json` into `directory`, creating it, and returns the path.
    private static func writeRules(_ text: String, style: KeywordStyle, size: Int, into directory: String) throws -> String {
        let path = (directory as NSString).appendingPathComponent("generated-\(style.rawValue)-\(size).json")
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        } catch {
            throw PathError("cannot write \(path): \(PathCheck.reason(error))")
        }
        return path
    }

    /// Returns a workload that applies `work` to every message of the corpus.
    private func workload(_ corpus: ChatCorpus,
                          _ work: @escaping (ChatCorpus.Message) -> Int) -> ThroughputMeasurement.Workload {
        ThroughputMeasurement.Workload(itemCount: corpus.messages.count, byteCount: corpus.textBytes) {
            var total = 0
            corpus.messages.withUnsafeBufferPointer { messages in
                for index in messages.indices {
                    total &+= work(messages[index])
                }
            }
            return total
        }
    }

    /// Returns a row of the table. `matchingOnly` times ``CompiledRuleSet/match(_:speaker:)`` on texts normalized beforehand.
    /// Every rate is rounded to the nearest whole number, so that the median of one run equals its min and max.
    static func row(_ name: String, rules: Int?, keywords: Int?, _ measurement: ThroughputMeasurement,
                    matchingOnly: ThroughputMeasurement?) -> [BenchmarkReport.Cell] {
        let rates = measurement.itemsPerSecond
        return [
            .text(name),
            rules.map(BenchmarkReport.Cell.integer) ?? .empty,
            keywords.map(BenchmarkReport.Cell.integer) ?? .empty,
            .integer(wholeRate(measurement.medianItemsPerSecond)),
            .number(measurement.medianBytesPerSecond / 1_000_000, decimals: 1),
            .range(wholeRate(rates.min() ?? 0), wholeRate(rates.max() ?? 0)),
            matchingOnly.map { .integer(wholeRate($0.medianItemsPerSecond)) } ?? .empty,
            rules == nil ? .empty : .integer(measurement.checkValue),
        ]
    }

    /// Rounds a rate to the nearest whole number, as every rate of the table and its notes is shown.
    static func wholeRate(_ rate: Double) -> Int {
        Int(rate.rounded())
    }

    /// Returns the sentences under the table: the targets and whether this run met them.
    private func notes(default defaultRules: ThroughputMeasurement?) -> [String] {
        let runs = options.runs == 1
            ? "One run of at least \(options.minimumSeconds) s per case"
            : "Medians of \(English.count(options.runs, "run")) of at least \(options.minimumSeconds) s each"
        var notes = [runs + ", on one thread, the cases taken in turn in each round. MB are 10^6 bytes of UTF-8 "
                     + "message text. hits counts the rule hits in one pass over the messages, a check that two "
                     + "builds did the same work."]
        if let defaultRules {
            let rate = defaultRules.medianItemsPerSecond
            notes.append("Default rules: \(Self.grouped(Self.wholeRate(rate))) messages/s, target "
                         + "\(Self.grouped(Int(Self.targetMessagesPerSecond))) per core: "
                         + "\(TargetVerdict.atLeast(rate, Self.targetMessagesPerSecond)).")
        }
        return notes
    }

    /// Returns the sentence on the 10,000/50 ratio of one style, with the hits that explain it.
    private func ratioNote(_ style: KeywordStyle, ratio: Double, matchingOnlyRatio: Double,
                           smallHits: Int, largeHits: Int) -> String {
        let verdict: String
        switch style {
        case .specificPhrases:
            verdict = ratio >= 1 - Self.allowedSlowdown
                ? "met"
                : String(format: "missed: %.0f%% slower", (1 - ratio) * 100)
        case .commonCharacters:
            verdict = "a stress case, not held to the target"
        }
        return "10,000 vs 50 rules, \(Self.styleTitle(style)): " + String(format: "%.2f", ratio)
            + " of the speed (" + String(format: "%.2f", matchingOnlyRatio) + " matching only), "
            + "the median of run-by-run ratios (target at least " + String(format: "%.2f", 1 - Self.allowedSlowdown)
            + "), with \(English.count(largeHits, "hit")) against \(Self.grouped(smallHits)): \(verdict)."
    }

    // MARK: - Names

    /// Returns the `--cases` name of a generated set, such as `phrases-10000`.
    public static func caseKey(_ style: KeywordStyle, _ size: Int) -> String {
        "\(style.rawValue)-\(size)"
    }

    private static func caseTitle(_ style: KeywordStyle, _ size: Int) -> String {
        "\(grouped(size)) rules, \(styleTitle(style))"
    }

    private static func styleTitle(_ style: KeywordStyle) -> String {
        switch style {
        case .specificPhrases: "specific phrases"
        case .commonCharacters: "common characters (stress)"
        }
    }

    private static func grouped(_ value: Int) -> String {
        BenchmarkReport.Cell.integer(value).rendered
    }
}

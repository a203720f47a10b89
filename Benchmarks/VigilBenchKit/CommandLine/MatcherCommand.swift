import Alerting
import Foundation

/// The command line of `vigil-bench matcher`: its options, their help text, and their checks.
public enum MatcherCommand {
    public static let usage = """
        usage: vigil-bench matcher [--data DIR] [--rules FILE] [--out DIR] [--runs N] [--min-seconds S]
                                   [--seed N] [--write-rules DIR] [--cases LIST]

        matcher   normalizer and rule matcher throughput on the real chat texts
          --data DIR         folder with chats-waimai.ndjson and chats-jd.ndjson (default ../shared/data)
          --rules FILE       default rules file (default rules/default.json)
          --out DIR          folder for matcher.md and matcher.json (default .bench); a run of only some
                             --cases writes matcher-partial.md and matcher-partial.json instead
          --runs N           rounds; each case runs once per round and its median is reported (default 5)
          --min-seconds S    minimum length of one run in seconds (default 1)
          --seed N           seed of the generated rule sets (default 20261111)
          --write-rules DIR  also write the four generated rule sets as rules files into DIR, whatever --cases selects
          --cases LIST       comma-separated cases to run: normalizer, default, phrases-50, phrases-10000,
                             common-50, common-10000 (default all)
        """

    public static let optionNames: Set<String> = ["--data", "--rules", "--out", "--runs", "--min-seconds", "--seed",
                                                  "--write-rules", "--cases"]

    /// Returns the options that `values`, parsed by ``OptionParser``, set.
    /// Throws ``UsageError`` for a value out of range; paths are checked by ``checkPaths(_:)``.
    public static func options(_ values: [String: String]) throws(UsageError) -> MatcherBenchmark.Options {
        var options = MatcherBenchmark.Options()
        options.dataDirectory = values["--data"] ?? options.dataDirectory
        options.rulesPath = values["--rules"] ?? options.rulesPath
        options.outputDirectory = values["--out"] ?? options.outputDirectory
        options.generatedRulesDirectory = values["--write-rules"]
        options.runs = try OptionParser.wholeNumber(values, "--runs", minimum: 1, usage: usage) ?? options.runs
        if let seconds = values["--min-seconds"] {
            guard let value = Double(seconds), value > 0 else {
                throw UsageError("invalid --min-seconds \(seconds): give a positive number of seconds", usage: usage)
            }
            options.minimumSeconds = value
        }
        if let list = values["--cases"] {
            let cases = Set(list.split(separator: ",").map(String.init))
            let unknown = cases.subtracting(MatcherBenchmark.caseNames)
            guard cases.count > 0, unknown.isEmpty else {
                throw UsageError("invalid --cases \(list): choose from \(MatcherBenchmark.caseNames.joined(separator: ", "))",
                                 usage: usage)
            }
            options.cases = cases
        }
        if let seed = values["--seed"] {
            guard let value = UInt64(seed) else {
                throw UsageError("invalid --seed \(seed): give a whole number of at least 0", usage: usage)
            }
            options.seed = value
        }
        return options
    }

    /// Checks every path the options name before any timing: the chat files,
    /// a valid rules file, and folders that accept the rule sets and the report.
    public static func checkPaths(_ options: MatcherBenchmark.Options) throws(PathError) {
        try PathCheck.dataFolder(options.dataDirectory, files: MatcherBenchmark.chatFiles)
        try PathCheck.readableFile(options.rulesPath, option: "--rules")
        do {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: options.rulesPath))
            _ = try RuleSetParser.parse(bytes: Array(bytes))
        } catch {
            throw PathCheck.invalidFile(option: "--rules", path: options.rulesPath, error: error)
        }
        if let directory = options.generatedRulesDirectory {
            try PathCheck.writableFolder(directory, option: "--write-rules")
        }
        try PathCheck.writableFolder(options.outputDirectory, option: "--out")
    }
}

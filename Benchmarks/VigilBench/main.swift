import Foundation
import VigilBenchKit

// vigil-bench: Vigil's benchmarks, one subcommand each. Every subcommand
// prints one table and writes it as Markdown and JSON into the output folder.

let usage = """
    usage: vigil-bench matcher [--data DIR] [--rules FILE] [--out DIR] [--runs N] [--min-seconds S]
                               [--seed N] [--write-rules DIR] [--cases LIST]

    matcher   normalizer and rule matcher throughput on the real chat texts
      --data DIR         folder with chats-waimai.ndjson and chats-jd.ndjson (default ../shared/data)
      --rules FILE       default rules file (default rules/default.json)
      --out DIR          folder for matcher.md and matcher.json (default .bench)
      --runs N           rounds; each case runs once per round and its median is reported (default 5)
      --min-seconds S    minimum length of one run in seconds (default 1)
      --seed N           seed of the generated rule sets (default 20261111)
      --write-rules DIR  also write the generated rule sets as rules files into DIR
      --cases LIST       comma-separated cases to run: normalizer, default, phrases-50, phrases-10000,
                         common-50, common-10000 (default all)
    """

/// A usage error: the message and the usage text go to standard error, exit status 2.
struct UsageError: Error {
    var message: String
}

func fail(_ message: String, status: Int32) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(status)
}

/// Reads `--name value` pairs, because every option of every subcommand takes a value.
func parseOptions(_ arguments: ArraySlice<String>, allowed: Set<String>) throws -> [String: String] {
    var values: [String: String] = [:]
    var remaining = arguments
    while let name = remaining.popFirst() {
        guard allowed.contains(name) else {
            throw UsageError(message: "unknown option \(name)")
        }
        guard let value = remaining.popFirst() else {
            throw UsageError(message: "missing value for \(name)")
        }
        values[name] = value
    }
    return values
}

func matcherOptions(_ values: [String: String]) throws -> MatcherBenchmark.Options {
    var options = MatcherBenchmark.Options()
    options.dataDirectory = values["--data"] ?? options.dataDirectory
    options.rulesPath = values["--rules"] ?? options.rulesPath
    options.generatedRulesDirectory = values["--write-rules"]
    if let runs = values["--runs"] {
        guard let count = Int(runs), count >= 1 else { throw UsageError(message: "invalid --runs \(runs): give a whole number of at least 1") }
        options.runs = count
    }
    if let seconds = values["--min-seconds"] {
        guard let value = Double(seconds), value > 0 else { throw UsageError(message: "invalid --min-seconds \(seconds): give a positive number of seconds") }
        options.minimumSeconds = value
    }
    if let list = values["--cases"] {
        let cases = Set(list.split(separator: ",").map(String.init))
        let unknown = cases.subtracting(MatcherBenchmark.caseNames)
        guard cases.count > 0, unknown.isEmpty else {
            throw UsageError(message: "invalid --cases \(list): choose from \(MatcherBenchmark.caseNames.joined(separator: ", "))")
        }
        options.cases = cases
    }
    if let seed = values["--seed"] {
        guard let value = UInt64(seed) else { throw UsageError(message: "invalid --seed \(seed): give a whole number of at least 0") }
        options.seed = value
    }
    return options
}

// MARK: - Main

let arguments = CommandLine.arguments
let command = "vigil-bench " + arguments.dropFirst().joined(separator: " ")
do {
    guard arguments.count >= 2 else { throw UsageError(message: "missing subcommand") }
    switch arguments[1] {
    case "matcher":
        let values = try parseOptions(arguments.dropFirst(2),
                                      allowed: ["--data", "--rules", "--out", "--runs", "--min-seconds", "--seed", "--write-rules", "--cases"])
        let benchmark = MatcherBenchmark(options: try matcherOptions(values))
        let report = try benchmark.run(command: command) { line in
            FileHandle.standardError.write(Data(("vigil-bench: " + line + "\n").utf8))
        }
        print(report.text, terminator: "")
        for path in try report.write(to: values["--out"] ?? ".bench") {
            FileHandle.standardError.write(Data("vigil-bench: wrote \(path)\n".utf8))
        }
    case "-h", "--help", "help":
        print(usage)
    default:
        throw UsageError(message: "unknown subcommand \(arguments[1])")
    }
} catch let error as UsageError {
    fail("vigil-bench: \(error.message)\n\n\(usage)", status: 2)
} catch {
    fail("vigil-bench: \(error)", status: 1)
}

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

    usage: vigil-bench services [--data DIR] [--rules FILE] [--scorecard FILE] [--bin DIR] [--out DIR]
                                [--copies N] [--limit-runs N] [--rates LIST] [--seconds S] [--warmup S]
                                [--interval-ms N] [--alerts-per-thousand N] [--fetch-wait-ms N|off]
                                [--parts LIST] [--keep yes|no]

    services  throughput, latency and peak memory of the release executables on the embedded broker
      --data DIR                the shared data: roster, chats, complaints, orders (default ../shared/data)
      --rules FILE              alerting's rules file (default rules/default.json)
      --scorecard FILE          scoring's scorecard (default scorecards/default.json)
      --bin DIR                 the folder of the executables (default: vigil-bench's own folder)
      --out DIR                 folder for services.md and services.json (default .bench)
      --copies N                copies of the data in the timed import (default 2)
      --limit-runs N            reads of the chat topic by the plain librdkafka consumer (default 3)
      --rates LIST              comma-separated steady loads in messages/s (default 2000,10000)
      --seconds S               measured seconds per load (default 30)
      --warmup S                minimum warm-up per load, in seconds (default 5)
      --interval-ms N           time between two requests of one site (default 25)
      --alerts-per-thousand N   messages per 1,000 the rules alert on (default 50)
      --fetch-wait-ms N|off     fetch.wait.max.ms of a second run at each load (default 5; off: none)
      --parts LIST              throughput, latency (default both)
      --keep yes|no             keep the stores and logs in the temporary folder (default no)
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

let servicesOptionNames = ["--data", "--rules", "--scorecard", "--bin", "--out", "--copies", "--limit-runs", "--rates",
                           "--seconds", "--warmup", "--interval-ms", "--alerts-per-thousand", "--fetch-wait-ms", "--parts",
                           "--keep"]

/// Reads a whole number of at least `minimum` for `name`.
func wholeNumber(_ values: [String: String], _ name: String, minimum: Int) throws -> Int? {
    guard let text = values[name] else { return nil }
    guard let value = Int(text), value >= minimum else {
        throw UsageError(message: "invalid \(name) \(text): give a whole number of at least \(minimum)")
    }
    return value
}

func servicesOptions(_ values: [String: String]) throws -> ServicesBenchmark.Options {
    var options = ServicesBenchmark.Options()
    options.dataDirectory = values["--data"] ?? options.dataDirectory
    options.rulesPath = values["--rules"] ?? options.rulesPath
    options.scorecardPath = values["--scorecard"] ?? options.scorecardPath
    // The services are built with vigil-bench, so its folder contains them.
    options.binaryFolder = values["--bin"]
        ?? URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().path

    options.copies = try wholeNumber(values, "--copies", minimum: 1) ?? options.copies
    options.limitRuns = try wholeNumber(values, "--limit-runs", minimum: 1) ?? options.limitRuns
    options.latencySeconds = try wholeNumber(values, "--seconds", minimum: 1) ?? options.latencySeconds
    options.warmupSeconds = try wholeNumber(values, "--warmup", minimum: 0) ?? options.warmupSeconds
    options.intervalMilliseconds = try wholeNumber(values, "--interval-ms", minimum: 1) ?? options.intervalMilliseconds
    options.alertsPerThousand = try wholeNumber(values, "--alerts-per-thousand", minimum: 1) ?? options.alertsPerThousand
    guard options.alertsPerThousand <= 1_000 else {
        throw UsageError(message: "invalid --alerts-per-thousand \(options.alertsPerThousand): give at most 1000")
    }

    if let rates = values["--rates"] {
        let parsed = rates.split(separator: ",").compactMap { Int($0) }.filter { $0 > 0 }
        guard !parsed.isEmpty, parsed.count == rates.split(separator: ",").count else {
            throw UsageError(message: "invalid --rates \(rates): give messages per second such as 2000,10000")
        }
        options.latencyRates = parsed
    }
    if let wait = values["--fetch-wait-ms"] {
        if wait == "off" {
            options.fetchWaitMilliseconds = nil
        } else {
            options.fetchWaitMilliseconds = try wholeNumber(values, "--fetch-wait-ms", minimum: 0)
        }
    }
    if let list = values["--parts"] {
        let parts = Set(list.split(separator: ",").map(String.init))
        guard !parts.isEmpty, parts.isSubset(of: ServicesBenchmark.partNames) else {
            throw UsageError(message: "invalid --parts \(list): choose from \(ServicesBenchmark.partNames.joined(separator: ", "))")
        }
        options.parts = parts
    }
    if let keep = values["--keep"] {
        guard ["yes", "no"].contains(keep) else {
            throw UsageError(message: "invalid --keep \(keep): give yes or no")
        }
        options.keepWorkFolder = keep == "yes"
    }
    return options
}

// MARK: - Main

// First, before any thread starts: a signal then stops the children and removes the work folder.
InterruptCleanup.install()

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
    case "services":
        let values = try parseOptions(arguments.dropFirst(2), allowed: Set(servicesOptionNames))
        let benchmark = ServicesBenchmark(options: try servicesOptions(values))
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
    // After a signal the error is only the children stopping; the cleanup thread exits.
    InterruptCleanup.waitIfInterrupted()
    fail("vigil-bench: \(error)", status: 1)
}

import Alerting
import Foundation
import VigilScoring

/// The command line of `vigil-bench services`: its options, their help text, and their checks.
public enum ServicesCommand {
    public static let usage = """
        usage: vigil-bench services [--data DIR] [--rules FILE] [--scorecard FILE] [--bin DIR] [--out DIR]
                                    [--copies N] [--limit-runs N] [--rates LIST] [--seconds S] [--warmup S]
                                    [--interval-ms N] [--alerts-per-thousand N] [--fetch-wait-ms N|off]
                                    [--parts LIST] [--keep yes|no]

        services  throughput, latency and peak memory of the release executables on the embedded broker
          --data DIR                the shared data: roster, chats, complaints, orders (default ../shared/data)
          --rules FILE              alerting's rules file (default rules/default.json)
          --scorecard FILE          scoring's scorecard (default scorecards/default.json)
          --bin DIR                 the folder of the executables (default: vigil-bench's own folder)
          --out DIR                 folder for services.md and services.json (default .bench); a run of only one
                                    of the --parts writes services-partial.md and services-partial.json instead
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

    public static let optionNames: Set<String> = [
        "--data", "--rules", "--scorecard", "--bin", "--out", "--copies", "--limit-runs", "--rates", "--seconds",
        "--warmup", "--interval-ms", "--alerts-per-thousand", "--fetch-wait-ms", "--parts", "--keep",
    ]

    /// Returns the options that `values`, parsed by ``OptionParser``, set.
    /// `defaultBinaryFolder` is the folder of the executables without `--bin`.
    /// Throws ``UsageError`` for a value out of range; paths are checked by ``checkPaths(_:)``.
    public static func options(_ values: [String: String],
                               defaultBinaryFolder: String) throws(UsageError) -> ServicesBenchmark.Options {
        var options = ServicesBenchmark.Options()
        options.dataDirectory = values["--data"] ?? options.dataDirectory
        options.rulesPath = values["--rules"] ?? options.rulesPath
        options.scorecardPath = values["--scorecard"] ?? options.scorecardPath
        options.outputDirectory = values["--out"] ?? options.outputDirectory
        options.binaryFolder = values["--bin"] ?? defaultBinaryFolder

        options.copies = try whole(values, "--copies", minimum: 1) ?? options.copies
        options.limitRuns = try whole(values, "--limit-runs", minimum: 1) ?? options.limitRuns
        options.latencySeconds = try whole(values, "--seconds", minimum: 1) ?? options.latencySeconds
        options.warmupSeconds = try whole(values, "--warmup", minimum: 0) ?? options.warmupSeconds
        options.intervalMilliseconds = try whole(values, "--interval-ms", minimum: 1) ?? options.intervalMilliseconds
        options.alertsPerThousand = try whole(values, "--alerts-per-thousand", minimum: 1) ?? options.alertsPerThousand
        guard options.alertsPerThousand <= 1_000 else {
            throw UsageError("invalid --alerts-per-thousand \(options.alertsPerThousand): give at most 1000", usage: usage)
        }

        if let rates = values["--rates"] {
            let parsed = rates.split(separator: ",").compactMap { Int($0) }.filter { $0 > 0 }
            guard !parsed.isEmpty, parsed.count == rates.split(separator: ",").count else {
                throw UsageError("invalid --rates \(rates): give messages per second such as 2000,10000", usage: usage)
            }
            options.latencyRates = parsed
        }
        if let wait = values["--fetch-wait-ms"] {
            options.fetchWaitMilliseconds = wait == "off" ? nil : try whole(values, "--fetch-wait-ms", minimum: 0)
        }
        if let list = values["--parts"] {
            let parts = Set(list.split(separator: ",").map(String.init))
            guard !parts.isEmpty, parts.isSubset(of: ServicesBenchmark.partNames) else {
                throw UsageError("invalid --parts \(list): choose from \(ServicesBenchmark.partNames.joined(separator: ", "))",
                                 usage: usage)
            }
            options.parts = parts
        }
        if let keep = values["--keep"] {
            guard ["yes", "no"].contains(keep) else {
                throw UsageError("invalid --keep \(keep): give yes or no", usage: usage)
            }
            options.keepWorkFolder = keep == "yes"
        }
        return options
    }

    /// Checks every path that the chosen parts use before any timing: the
    /// shared data, a rules file alerting accepts, a valid scorecard (for the
    /// throughput part), the built executables and the output folder.
    public static func checkPaths(_ options: ServicesBenchmark.Options) throws(PathError) {
        let throughput = options.parts.contains("throughput")
        let files = ["roster.ndjson"] + (throughput ? ServicesBenchmark.importedFiles : ServicesBenchmark.chatFiles)
        try PathCheck.dataFolder(options.dataDirectory, files: files)

        try PathCheck.readableFile(options.rulesPath, option: "--rules")
        do {
            _ = try ActiveRules.load(path: options.rulesPath, normalizer: try TextNormalizer())
        } catch {
            throw PathCheck.invalidFile(option: "--rules", path: options.rulesPath, error: error)
        }
        if throughput {
            try PathCheck.readableFile(options.scorecardPath, option: "--scorecard")
            do {
                _ = try Scorecard.load(path: options.scorecardPath)
            } catch {
                throw PathCheck.invalidFile(option: "--scorecard", path: options.scorecardPath, error: error)
            }
        }

        for name in VigilExecutables.required {
            let path = (options.binaryFolder as NSString).appendingPathComponent(name)
            guard FileManager.default.isExecutableFile(atPath: path) else {
                throw PathError("invalid --bin \(options.binaryFolder): \(path) is not built: run `swift build -c release` "
                    + "first, or pass the folder of the executables with --bin")
            }
        }
        try PathCheck.writableFolder(options.outputDirectory, option: "--out")
    }

    private static func whole(_ values: [String: String], _ name: String, minimum: Int) throws(UsageError) -> Int? {
        try OptionParser.wholeNumber(values, name, minimum: minimum, usage: usage)
    }
}

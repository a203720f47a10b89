import Foundation
import VigilBenchKit

// vigil-bench: Vigil's benchmarks, one subcommand each. Every subcommand
// prints one table and writes it as Markdown and JSON into the output folder.
// The options and their checks live in VigilBenchKit (MatcherCommand,
// ServicesCommand), where the tests reach them.

let usage = MatcherCommand.usage + "\n\n" + ServicesCommand.usage + "\n\n"
    + "Give --help after a subcommand for its options alone."

func fail(_ message: String, status: Int32) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(status)
}

func progressLine(_ line: String) {
    FileHandle.standardError.write(Data(("vigil-bench: " + line + "\n").utf8))
}

/// Prints the report and writes its files into `folder`.
func finish(_ report: BenchmarkReport, folder: String) throws {
    print(report.text, terminator: "")
    for path in try report.write(to: folder) {
        progressLine("wrote \(path)")
    }
}

// MARK: - Main

// First, before any thread starts: a signal then stops the children and removes the work folder.
InterruptCleanup.install()

let arguments = CommandLine.arguments
let command = "vigil-bench " + arguments.dropFirst().joined(separator: " ")
do {
    guard arguments.count >= 2 else { throw UsageError("missing subcommand", usage: usage) }
    switch arguments[1] {
    case "matcher":
        guard case .values(let values) = try OptionParser.parse(arguments.dropFirst(2), allowed: MatcherCommand.optionNames,
                                                                usage: MatcherCommand.usage) else {
            print(MatcherCommand.usage)
            exit(0)
        }
        let options = try MatcherCommand.options(values)
        try MatcherCommand.checkPaths(options)
        let report = try MatcherBenchmark(options: options).run(command: command, progress: progressLine)
        try finish(report, folder: options.outputDirectory)
    case "services":
        guard case .values(let values) = try OptionParser.parse(arguments.dropFirst(2), allowed: ServicesCommand.optionNames,
                                                                usage: ServicesCommand.usage) else {
            print(ServicesCommand.usage)
            exit(0)
        }
        // The services are built with vigil-bench, so its folder contains them.
        let ownFolder = URL(fileURLWithPath: arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().path
        let options = try ServicesCommand.options(values, defaultBinaryFolder: ownFolder)
        try ServicesCommand.checkPaths(options)
        let report = try ServicesBenchmark(options: options).run(command: command, progress: progressLine)
        try finish(report, folder: options.outputDirectory)
    case "-h", "--help", "help":
        print(usage)
    default:
        throw UsageError("unknown subcommand \(arguments[1])", usage: usage)
    }
} catch let error as UsageError {
    fail("vigil-bench: \(error.message)\n\n\(error.usage)", status: 2)
} catch let error as PathError {
    fail("vigil-bench: \(error.message)", status: 2)
} catch {
    // After a signal the error is only the children stopping; the cleanup thread exits.
    InterruptCleanup.waitIfInterrupted()
    fail("vigil-bench: \(error)", status: 1)
}

import Foundation
import Testing
@testable import VigilBenchKit

/// The repository's root, which contains rules/default.json and scorecards/default.json.
private let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

/// Creates a new folder in the temporary directory for one test and returns its path.
private func temporaryFolder() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-bench-cli-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// Creates an empty file at `path` with the given permissions.
private func touch(_ path: String, permissions: Int = 0o644) throws {
    guard FileManager.default.createFile(atPath: path, contents: Data(), attributes: [.posixPermissions: permissions]) else {
        throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
    }
}

@Suite("Option parser")
struct OptionParserTests {
    @Test("help after a subcommand", arguments: [["--help"], ["-h"], ["--runs", "3", "--help"], ["--runs", "--help"],
                                                 ["--bogus", "--help"]])
    func help(arguments: [String]) throws {
        #expect(try OptionParser.parse(arguments, allowed: MatcherCommand.optionNames, usage: MatcherCommand.usage) == .help)
    }

    @Test("pairs of name and value")
    func values() throws {
        let parsed = try OptionParser.parse(["--runs", "3", "--cases", "default"], allowed: MatcherCommand.optionNames,
                                            usage: MatcherCommand.usage)

        #expect(parsed == .values(["--runs": "3", "--cases": "default"]))
    }

    @Test("unknown option names the subcommand's usage")
    func unknownOption() {
        #expect(throws: UsageError("unknown option --copies", usage: MatcherCommand.usage)) {
            try OptionParser.parse(["--copies", "2"], allowed: MatcherCommand.optionNames, usage: MatcherCommand.usage)
        }
    }

    @Test("an option is no value")
    func missingValue() {
        #expect(throws: UsageError("missing value for --runs", usage: MatcherCommand.usage)) {
            try OptionParser.parse(["--runs", "--cases", "default"], allowed: MatcherCommand.optionNames,
                                   usage: MatcherCommand.usage)
        }
        #expect(throws: UsageError("missing value for --runs", usage: MatcherCommand.usage)) {
            try OptionParser.parse(["--runs"], allowed: MatcherCommand.optionNames, usage: MatcherCommand.usage)
        }
    }

    @Test("usage lists every option")
    func usageComplete() {
        for name in MatcherCommand.optionNames {
            #expect(MatcherCommand.usage.contains("  \(name) "), "matcher usage lacks \(name)")
        }
        for name in ServicesCommand.optionNames {
            #expect(ServicesCommand.usage.contains("  \(name) "), "services usage lacks \(name)")
        }
    }

    @Test("matcher values out of range")
    func matcherValues() throws {
        #expect(throws: UsageError("invalid --runs 0: give a whole number of at least 1", usage: MatcherCommand.usage)) {
            try MatcherCommand.options(["--runs": "0"])
        }
        #expect(throws: UsageError.self) { try MatcherCommand.options(["--cases": "default,bogus"]) }

        let options = try MatcherCommand.options(["--out": "out", "--cases": "normalizer", "--write-rules": "rules"])
        #expect(options.outputDirectory == "out")
        #expect(options.cases == ["normalizer"])
        #expect(options.generatedRulesDirectory == "rules")
    }

    @Test("services values out of range")
    func servicesValues() throws {
        #expect(throws: UsageError("invalid --parts memory: choose from throughput, latency", usage: ServicesCommand.usage)) {
            try ServicesCommand.options(["--parts": "memory"], defaultBinaryFolder: "bin")
        }

        let options = try ServicesCommand.options(["--out": "out", "--fetch-wait-ms": "off"], defaultBinaryFolder: "bin")
        #expect(options.outputDirectory == "out")
        #expect(options.binaryFolder == "bin")
        #expect(options.fetchWaitMilliseconds == nil)
    }
}

@Suite("Path checks")
struct PathCheckTests {
    /// Options whose every path is valid: the repository's rules and scorecard, a
    /// data folder with empty files, and a folder of executables.
    static func servicesOptions(in folder: String) throws -> ServicesBenchmark.Options {
        let data = (folder as NSString).appendingPathComponent("data")
        let bin = (folder as NSString).appendingPathComponent("bin")
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        for file in ["roster.ndjson"] + ServicesBenchmark.importedFiles {
            try touch((data as NSString).appendingPathComponent(file))
        }
        // The check looks only for executable files, so empty ones stand for the build.
        for name in VigilExecutables.required {
            try touch((bin as NSString).appendingPathComponent(name), permissions: 0o755)
        }
        var options = ServicesBenchmark.Options()
        options.dataDirectory = data
        options.binaryFolder = bin
        options.rulesPath = repositoryRoot + "/rules/default.json"
        options.scorecardPath = repositoryRoot + "/scorecards/default.json"
        options.outputDirectory = (folder as NSString).appendingPathComponent("out/new")
        return options
    }

    @Test("valid services paths pass and create the output folder")
    func servicesValid() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let options = try Self.servicesOptions(in: folder)

        try ServicesCommand.checkPaths(options)

        var isDirectory: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: options.outputDirectory, isDirectory: &isDirectory))
        #expect(isDirectory.boolValue)
        #expect(try FileManager.default.contentsOfDirectory(atPath: options.outputDirectory).isEmpty)
    }

    @Test("invalid scorecard fails before timing")
    func invalidScorecard() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var options = try Self.servicesOptions(in: folder)
        options.scorecardPath = repositoryRoot + "/README.md"

        #expect(throws: PathError("invalid --scorecard \(options.scorecardPath):1:1: invalid JSON: "
                                  + "unexpected character \"#\": expected a value")) {
            try ServicesCommand.checkPaths(options)
        }

        // The latency part never starts scoring, so its scorecard does not matter.
        options.parts = ["latency"]
        try ServicesCommand.checkPaths(options)
    }

    @Test("missing scorecard")
    func missingScorecard() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var options = try Self.servicesOptions(in: folder)
        options.scorecardPath = folder + "/none.json"

        #expect(throws: PathError("invalid --scorecard \(folder)/none.json: cannot read it (No such file or directory)")) {
            try ServicesCommand.checkPaths(options)
        }
    }

    @Test("invalid rules for services")
    func invalidServicesRules() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var options = try Self.servicesOptions(in: folder)
        options.rulesPath = folder + "/rules.json"
        try Data(#"{"version":"1","rules":[{"id":"r"}]}"#.utf8).write(to: URL(fileURLWithPath: options.rulesPath))

        let error = try #require(throws: PathError.self) { try ServicesCommand.checkPaths(options) }

        #expect(error.message.hasPrefix("invalid --rules \(options.rulesPath):1:"))
        #expect(error.message.contains("more problem"))
        #expect(!error.message.contains("\n"))
    }

    @Test("output under a file")
    func outputUnderFile() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var options = try Self.servicesOptions(in: folder)
        try touch(folder + "/file")
        options.outputDirectory = folder + "/file/out"

        #expect(throws: PathError("invalid --out \(folder)/file/out: cannot create the folder (Not a directory)")) {
            try ServicesCommand.checkPaths(options)
        }
        options.outputDirectory = folder + "/file"
        #expect(throws: PathError("invalid --out \(folder)/file: not a folder")) {
            try ServicesCommand.checkPaths(options)
        }
    }

    @Test("executable missing from --bin")
    func missingExecutable() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let options = try Self.servicesOptions(in: folder)
        try FileManager.default.removeItem(atPath: options.binaryFolder + "/vigil-scoring")

        let error = try #require(throws: PathError.self) { try ServicesCommand.checkPaths(options) }

        #expect(error.message.hasPrefix("invalid --bin \(options.binaryFolder): \(options.binaryFolder)/vigil-scoring is not built"))
    }

    @Test("data folder names make's DATA")
    func missingData() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var options = try Self.servicesOptions(in: folder)
        try FileManager.default.removeItem(atPath: options.dataDirectory + "/complaints-waimai.ndjson")

        #expect(throws: PathError("invalid --data \(options.dataDirectory): cannot read "
                                  + "\(options.dataDirectory)/complaints-waimai.ndjson (No such file or directory): "
                                  + "pass the folder of the shared data with --data (make bench DATA=DIR)")) {
            try ServicesCommand.checkPaths(options)
        }

        // The latency part reads only the roster and the chats.
        options.parts = ["latency"]
        try ServicesCommand.checkPaths(options)

        options.dataDirectory = folder + "/nonexistent"
        #expect(throws: PathError("invalid --data \(folder)/nonexistent: no such folder: "
                                  + "pass the folder of the shared data with --data (make bench DATA=DIR)")) {
            try ServicesCommand.checkPaths(options)
        }
    }

    @Test("matcher paths")
    func matcherPaths() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for file in MatcherBenchmark.chatFiles {
            try touch(folder + "/" + file)
        }
        var options = MatcherBenchmark.Options()
        options.dataDirectory = folder
        options.rulesPath = repositoryRoot + "/rules/default.json"
        options.outputDirectory = folder + "/out"
        options.generatedRulesDirectory = folder + "/rules"
        try MatcherCommand.checkPaths(options)

        options.rulesPath = repositoryRoot + "/README.md"
        #expect(throws: PathError("invalid --rules \(options.rulesPath):1:1: invalid JSON: "
                                  + "unexpected character \"#\": expected a value")) {
            try MatcherCommand.checkPaths(options)
        }

        options.rulesPath = repositoryRoot + "/rules/default.json"
        try touch(folder + "/file")
        options.generatedRulesDirectory = folder + "/file/rules"
        #expect(throws: PathError("invalid --write-rules \(folder)/file/rules: cannot create the folder (Not a directory)")) {
            try MatcherCommand.checkPaths(options)
        }
    }

    @Test("reason of a Foundation error")
    func reason() throws {
        let error = try #require(throws: (any Error).self) {
            try Data().write(to: URL(fileURLWithPath: "/nonexistent-\(UUID().uuidString)/file"))
        }

        #expect(PathCheck.reason(error) == "No such file or directory")
    }
}

@Suite("Git commit")
struct GitCommitTests {
    /// Runs git with `arguments` and returns its output, which must come with status 0.
    private func git(_ arguments: [String], folder: String) throws -> String {
        let git = try #require(GitCommit.executable("git"))
        let log = folder + "/../git-\(UUID().uuidString).log"
        defer { try? FileManager.default.removeItem(atPath: log) }
        let process = try ChildProcess(name: "git", executable: git, arguments: ["-C", folder] + arguments,
                                       environment: ProcessInfo.processInfo.environment, logPath: log)
        try #require(process.wait(timeoutSeconds: 30).status == 0)
        return try String(contentsOfFile: log, encoding: .utf8)
    }

    @Test("short hash of a checkout")
    func checkout() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try git(["init", "-q"], folder: folder)
        _ = try git(["-c", "user.name=vigil-bench", "-c", "user.email=bench@example.com", "-c", "commit.gpgsign=false",
                     "commit", "-q", "--allow-empty", "-m", "test"], folder: folder)
        let full = try git(["rev-parse", "HEAD"], folder: folder).trimmingCharacters(in: .whitespacesAndNewlines)

        let short = try #require(GitCommit.current(folder: folder))

        #expect(short.count >= 4)
        #expect(full.hasPrefix(short))
    }

    @Test("no checkout, no commit")
    func noCheckout() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }

        #expect(GitCommit.current(folder: folder) == nil)
    }
}

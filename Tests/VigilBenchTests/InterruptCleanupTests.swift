import Foundation
import Testing
@testable import VigilBenchKit
#if canImport(Glibc)
import Glibc
#endif

/// Starts the built `vigil-bench` on the shared data, so it needs the
/// executables in VIGIL_BIN_DIR (or .build/debug) and ../shared/data.
@Suite("Interrupt cleanup")
struct InterruptCleanupTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static var binaries: String {
        ProcessInfo.processInfo.environment["VIGIL_BIN_DIR"] ?? packageRoot.appendingPathComponent(".build/debug").path
    }

    @Test("SIGTERM stops children, removes folder")
    func sigterm() throws {
        let bench = (Self.binaries as NSString).appendingPathComponent("vigil-bench")
        try #require(FileManager.default.isExecutableFile(atPath: bench), "\(bench) is not built; run `swift build` first")
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-bench-interrupt-\(UUID().uuidString).log")
        defer { try? FileManager.default.removeItem(at: log) }
        let data = Self.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/data").path
        let process = try ChildProcess(
            name: "vigil-bench", executable: bench,
            arguments: ["services", "--bin", Self.binaries, "--data", data, "--parts", "throughput", "--copies", "1",
                        "--rules", Self.packageRoot.appendingPathComponent("rules/default.json").path,
                        "--scorecard", Self.packageRoot.appendingPathComponent("scorecards/default.json").path],
            environment: ProcessInfo.processInfo.environment, logPath: log.path)

        // The broker and an import, or a service, are running.
        var children: [pid_t: String] = [:]
        let deadline = ContinuousClock.now + .seconds(120)
        while children.count < 2, ContinuousClock.now < deadline, process.isRunning {
            children = Self.children(of: process.pid)
            usleep(50_000)
        }
        try #require(children.count >= 2, "vigil-bench started no broker and service: \(process.logTail())")
        let brokerLine = try #require(children.values.first { $0.contains("--bootstrap-file") })
        let bootstrapFile = try #require(brokerLine.split(separator: "\0").last.map(String.init))
        let workFolder = (bootstrapFile as NSString).deletingLastPathComponent
        #expect(workFolder.hasPrefix(FileManager.default.temporaryDirectory.path))

        defer {
            // Only when the test fails: nothing of the run may outlive it. The
            // command line must still match, so a reused process id is left alone.
            for (pid, command) in children
            where (try? String(contentsOfFile: "/proc/\(pid)/cmdline", encoding: .utf8)) == command {
                kill(pid, SIGKILL)
            }
            try? FileManager.default.removeItem(atPath: workFolder)
        }

        kill(process.pid, SIGTERM)
        let exit = process.wait(timeoutSeconds: 60)

        #expect(exit.status == 128 + SIGTERM, "\(process.logTail())")
        for pid in children.keys {
            #expect(kill(pid, 0) == -1, "process \(pid) still runs: \(children[pid] ?? "")")
        }
        #expect(!FileManager.default.fileExists(atPath: workFolder))
    }

    /// Returns the running children of `parent` with their command lines, NUL-separated as in /proc.
    static func children(of parent: pid_t) -> [pid_t: String] {
        var result: [pid_t: String] = [:]
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        for entry in entries {
            guard let pid = pid_t(entry),
                  let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { continue }
            // After "pid (name)" come the state and the parent's pid.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 2, pid_t(fields[1]) == parent, fields[0] != "Z" else { continue }
            let command = (try? String(contentsOfFile: "/proc/\(pid)/cmdline", encoding: .utf8)) ?? ""
            result[pid] = command
        }
        return result
    }
}

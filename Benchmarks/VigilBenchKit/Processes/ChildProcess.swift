import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A process started with posix_spawn, its output appended to a log file.
///
/// Foundation's `Process` reaps its children itself, which loses the
/// resource usage of the exit. This type collects the exit with `wait4`,
/// whose `ru_maxrss` is the peak resident memory even of a process that has
/// already exited, when /proc no longer has it.
public final class ChildProcess {
    /// The end of a process: its status, peak memory and processor time.
    public struct Exit: Sendable, Equatable {
        /// The exit status, or 128 plus the signal number for a process a signal ended, as shells report it.
        public var status: Int32
        /// The maximum resident memory of the process, in KiB (`ru_maxrss`).
        public var peakResidentKilobytes: Int
        /// The processor time the process used, user and system, in seconds: on a
        /// shared machine a steadier measure of its work than the time it took.
        public var cpuSeconds: Double

        public init(status: Int32, peakResidentKilobytes: Int, cpuSeconds: Double) {
            self.status = status
            self.peakResidentKilobytes = peakResidentKilobytes
            self.cpuSeconds = cpuSeconds
        }
    }

    /// The name used in logs and the report.
    public let name: String
    public let pid: pid_t
    /// The file that receives standard output and standard error.
    public let logPath: String
    /// Set once the process has exited and been collected.
    public private(set) var exit: Exit?

    /// Starts `executable` with `arguments`, standard input from /dev/null
    /// (or `inputPath`) and both outputs appended to `logPath`.
    public init(name: String, executable: String, arguments: [String], environment: [String: String],
                logPath: String, inputPath: String = "/dev/null") throws {
        self.name = name
        self.logPath = logPath

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, inputPath, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, logPath, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)

        // The child starts with every signal unblocked and at its default
        // action, whatever this process blocks or ignores, so SIGTERM stops it.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        var allSignals = sigset_t()
        sigemptyset(&noSignals)
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var child: pid_t = 0
        let result = posix_spawn(&child, executable, &actions, &attributes, argv, envp)
        guard result == 0 else {
            throw BenchmarkProcessError.spawnFailed(executable: executable, code: result)
        }
        pid = child
    }

    deinit {
        if exit == nil {
            kill(pid, SIGKILL)
            _ = collect(blocking: true)
        }
    }

    // MARK: - State

    /// True until the process has exited. Collects the exit when it has.
    public var isRunning: Bool {
        exit == nil && collect(blocking: false) == nil
    }

    /// The memory the process has resident now and at most so far; nil once it has exited.
    public var memory: ProcessMemory? {
        exit == nil ? ProcessMemory.read(pid: pid) : nil
    }

    // MARK: - Stopping

    /// Sends SIGTERM, the graceful stop of every Vigil executable.
    public func terminate() {
        if exit == nil {
            kill(pid, SIGTERM)
        }
    }

    /// Waits for the exit. After `timeoutSeconds` the process is killed with SIGKILL.
    @discardableResult
    public func wait(timeoutSeconds: Double = 60) -> Exit {
        if let exit { return exit }
        let deadline = ContinuousClock.now + .milliseconds(Int(timeoutSeconds * 1_000))
        while ContinuousClock.now < deadline {
            if let exit = collect(blocking: false) {
                return exit
            }
            usleep(5_000)
        }
        kill(pid, SIGKILL)
        return collect(blocking: true) ?? Exit(status: 128 + SIGKILL, peakResidentKilobytes: 0, cpuSeconds: 0)
    }

    /// Stops the process with SIGTERM and waits for it to exit.
    @discardableResult
    public func stop(timeoutSeconds: Double = 60) -> Exit {
        terminate()
        return wait(timeoutSeconds: timeoutSeconds)
    }

    /// Returns the last lines of the log, for error messages.
    public func logTail(lines: Int = 15) -> String {
        let text = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").suffix(lines).joined(separator: "\n")
    }

    private func collect(blocking: Bool) -> Exit? {
        if let exit { return exit }
        var status: Int32 = 0
        var usage = rusage()
        let result = wait4(pid, &status, blocking ? 0 : WNOHANG, &usage)
        guard result == pid else { return nil }
        // The W* macros are not imported: the low 7 bits are the signal, 0 for a normal exit.
        let signal = status & 0x7F
        let code = signal == 0 ? (status >> 8) & 0xFF : 128 + signal
        let exit = Exit(status: code, peakResidentKilobytes: Int(usage.ru_maxrss), cpuSeconds: ProcessorTime.seconds(usage))
        self.exit = exit
        return exit
    }
}

/// A process the benchmark could not start, or one that failed.
public enum BenchmarkProcessError: Error, CustomStringConvertible {
    case spawnFailed(executable: String, code: Int32)
    case notBuilt(path: String)
    case failed(name: String, status: Int32, log: String)
    case notReady(name: String, what: String, log: String)
    case timedOut(what: String, seconds: Int)

    public var description: String {
        switch self {
        case .spawnFailed(let executable, let code):
            "could not start \(executable): \(String(cString: strerror(code)))"
        case .notBuilt(let path):
            "\(path) is not built: run `swift build -c release` first, or pass the folder of the executables with --bin"
        case .failed(let name, let status, let log):
            "\(name) exited with status \(status); the end of its log:\n\(log)"
        case .notReady(let name, let what, let log):
            "\(name) did not \(what); the end of its log:\n\(log)"
        case .timedOut(let what, let seconds):
            "\(what) took longer than \(seconds) s"
        }
    }
}

import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A process started with posix_spawn, its output appended to a log file.
///
/// Foundation's `Process` reaps its children itself, which loses the
/// resource usage of the exit. This type collects the exit with `wait4`
/// for the processor time. Its `ru_maxrss` is no measure of the child's
/// memory, because Linux carries the peak of the memory image replaced by
/// `exec` into it, and posix_spawn runs the child in this process's image
/// until then. The peak memory is therefore VmHWM, read while the child runs.
public final class ChildProcess {
    /// The end of a process: its status and processor time.
    public struct Exit: Sendable, Equatable {
        /// The exit status, or 128 plus the signal number for a process a signal ended, as shells report it.
        public var status: Int32
        /// The processor time the process used, user and system, in seconds: on a
        /// shared machine a steadier measure of its work than the time it took.
        public var cpuSeconds: Double

        public init(status: Int32, cpuSeconds: Double) {
            self.status = status
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
    /// The largest VmHWM read so far, in KiB: the peak resident memory up to
    /// the last ``recordMemory()``, which ``terminate()`` also calls.
    public private(set) var peakResidentKilobytes = 0

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
        InterruptCleanup.register(child: child)
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

    /// Reads the process's VmHWM into ``peakResidentKilobytes`` while it runs.
    public func recordMemory() {
        guard exit == nil, let memory = ProcessMemory.read(pid: pid) else { return }
        peakResidentKilobytes = max(peakResidentKilobytes, memory.peakResidentKilobytes)
    }

    // MARK: - Stopping

    /// Records the peak memory, then sends SIGTERM, the graceful stop of every Vigil executable.
    public func terminate() {
        if exit == nil {
            recordMemory()
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
        return collect(blocking: true) ?? Exit(status: 128 + SIGKILL, cpuSeconds: 0)
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
        let exit = Exit(status: code, cpuSeconds: ProcessorTime.seconds(usage))
        self.exit = exit
        InterruptCleanup.unregister(child: pid)
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

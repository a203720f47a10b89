import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Stops the child processes and removes the work folders of a run when
/// SIGINT, SIGTERM or SIGHUP ends `vigil-bench`. Without it a SIGTERM sent
/// to `vigil-bench` alone leaves the broker and the services running, and
/// any of the three signals leaves the stores, logs and data copies in the
/// temporary folder.
///
/// ``install()`` blocks the three signals in the calling thread and waits
/// for them on a thread of its own. Threads inherit the blocked set, so it
/// must run before any other thread starts. ``ChildProcess`` registers every
/// process it starts, and ``ServicesBenchmark`` registers its work folder.
public enum InterruptCleanup {
    /// The signals that stop `vigil-bench` after the cleanup.
    static let signals = [SIGINT, SIGTERM, SIGHUP]
    /// How long the children have to exit after SIGTERM before SIGKILL.
    static let graceSeconds = 10.0

    private struct State: Sendable {
        var children: Set<pid_t> = []
        var folders: Set<String> = []
        var interrupted = false
    }

    private final class Registry: Sendable {
        let state = Mutex(State())
    }

    private static let registry = Registry()

    /// Blocks the signals in this thread and starts the thread that waits for them.
    public static func install() {
        var blocked = signalSet()
        pthread_sigmask(SIG_BLOCK, &blocked, nil)
        let thread = Thread {
            var waited = signalSet()
            var number: Int32 = 0
            guard sigwait(&waited, &number) == 0 else { return }
            cleanUp(after: number)
        }
        thread.start()
    }

    /// True once a signal has started the cleanup.
    public static var isInterrupted: Bool {
        registry.state.withLock { $0.interrupted }
    }

    /// Blocks the calling thread for good once a signal has started the
    /// cleanup, whose thread ends the process. Returns at once otherwise.
    /// The main thread calls it before reporting an error, which after a
    /// signal is only the children stopping.
    public static func waitIfInterrupted() {
        guard isInterrupted else { return }
        while true {
            pause()
        }
    }

    // MARK: - Registration

    /// Registers a child just started. A child started while the cleanup
    /// runs, after it listed the children, is killed at once.
    static func register(child pid: pid_t) {
        let interrupted = registry.state.withLock { state in
            state.children.insert(pid)
            return state.interrupted
        }
        if interrupted {
            kill(pid, SIGKILL)
        }
    }

    static func unregister(child pid: pid_t) {
        registry.state.withLock { _ = $0.children.remove(pid) }
    }

    static func register(folder path: String) {
        registry.state.withLock { _ = $0.folders.insert(path) }
    }

    static func unregister(folder path: String) {
        registry.state.withLock { _ = $0.folders.remove(path) }
    }

    // MARK: - Cleanup

    private static func signalSet() -> sigset_t {
        var set = sigset_t()
        sigemptyset(&set)
        for number in signals {
            sigaddset(&set, number)
        }
        return set
    }

    /// Sends SIGTERM to every child, waits up to ``graceSeconds`` for them,
    /// kills the rest, removes the folders and exits with 128 plus the signal
    /// number, as a shell reports a process that the signal ended.
    private static func cleanUp(after number: Int32) -> Never {
        let (children, folders) = registry.state.withLock { state in
            state.interrupted = true
            return (state.children, state.folders)
        }
        let name = String(cString: strsignal(number))
        FileHandle.standardError.write(Data("vigil-bench: \(name): stopping \(English.count(children.count, "process", plural: "processes"))\n".utf8))

        var running = children
        for pid in running {
            kill(pid, SIGTERM)
        }
        let deadline = ContinuousClock.now + .milliseconds(Int(graceSeconds * 1_000))
        while !running.isEmpty, ContinuousClock.now < deadline {
            // The main thread may collect a child first, and then waitpid fails with ECHILD.
            running = running.filter { waitpid($0, nil, WNOHANG) == 0 }
            usleep(20_000)
        }
        for pid in running {
            kill(pid, SIGKILL)
            waitpid(pid, nil, 0)
        }

        for folder in folders {
            try? FileManager.default.removeItem(atPath: folder)
        }
        _exit(128 + number)
    }
}

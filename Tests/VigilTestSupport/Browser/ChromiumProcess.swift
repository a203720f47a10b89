import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Chromium started with posix_spawn as the leader of a new process group,
/// with the DevTools pipe on its file descriptors 3 (commands in) and 4
/// (replies and events out), as `--remote-debugging-pipe` expects.
///
/// The renderer, GPU and zygote processes Chromium forks stay in its group,
/// so killing the group ends them all. The group id stays reserved while the
/// leader is alive or an unreaped zombie, so this type signals the group only
/// before it reaps the leader and never hits a group that reuses the id.
final class ChromiumProcess {
    let pid: pid_t
    /// This process's end of the pipe that Chromium reads as fd 3.
    let commandDescriptor: Int32
    /// This process's end of the pipe that Chromium writes as fd 4.
    let messageDescriptor: Int32
    /// The file that receives Chromium's standard output and standard error.
    let logPath: String
    /// The exit status once the leader has been reaped: the code, or 128 plus the signal number.
    private(set) var exitStatus: Int32?

    init(executable: String, arguments: [String], logPath: String) throws {
        self.logPath = logPath
        let commands = try Self.makePipe()
        let messages = try Self.makePipe()

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, logPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        posix_spawn_file_actions_adddup2(&actions, commands.read, 3)
        posix_spawn_file_actions_adddup2(&actions, messages.write, 4)
        Self.closeDescriptors(from: 5, in: &actions)

        // A group of its own, and every signal unblocked and at its default
        // action whatever this process blocks or ignores, so SIGKILL and SIGTERM reach every member.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        var allSignals = sigset_t()
        sigemptyset(&noSignals)
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let environment = ProcessInfo.processInfo.environment
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var child: pid_t = 0
        let result = posix_spawn(&child, executable, &actions, &attributes, argv, envp)
        close(commands.read)
        close(messages.write)
        guard result == 0 else {
            close(commands.write)
            close(messages.read)
            throw BrowserError.launchFailed("posix_spawn of \(executable) failed: \(String(cString: strerror(result)))")
        }
        pid = child
        commandDescriptor = commands.write
        messageDescriptor = messages.read
    }

    deinit {
        kill()
        Glibc.close(commandDescriptor)
        Glibc.close(messageDescriptor)
    }

    // MARK: - Pipes

    /// Returns a pipe whose ends both close on exec and are above 4, so the
    /// dup2 actions onto 3 and 4 cannot overwrite an end they still have to copy.
    ///
    /// Swift's Glibc module declares no GNU extensions such as pipe2, so the
    /// ends are copied with F_DUPFD_CLOEXEC. A process another thread spawns
    /// between pipe and close may inherit the first pair, which costs only
    /// an open descriptor there.
    private static func makePipe() throws -> (read: Int32, write: Int32) {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else {
            throw BrowserError.launchFailed("pipe failed: \(String(cString: strerror(errno)))")
        }
        defer {
            close(ends[0])
            close(ends[1])
        }
        let read = fcntl(ends[0], F_DUPFD_CLOEXEC, 5)
        let write = fcntl(ends[1], F_DUPFD_CLOEXEC, 5)
        guard read >= 0, write >= 0 else {
            let reason = String(cString: strerror(errno))
            if read >= 0 { close(read) }
            if write >= 0 { close(write) }
            throw BrowserError.launchFailed("fcntl(F_DUPFD_CLOEXEC) failed: \(reason)")
        }
        return (read, write)
    }

    /// Adds glibc's closefrom action (2.34 and later), so descriptors of this
    /// process that lack close-on-exec, such as a test server's sockets, do not
    /// stay open in the browser. Swift's Glibc module does not declare the GNU
    /// function, so it is looked up at run time. Older C libraries skip the step.
    private static func closeDescriptors(from lowest: Int32, in actions: inout posix_spawn_file_actions_t) {
        typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        guard let library = dlopen(nil, RTLD_NOW),
              let symbol = dlsym(library, "posix_spawn_file_actions_addclosefrom_np")
        else { return }
        _ = unsafeBitCast(symbol, to: CloseFrom.self)(&actions, lowest)
    }

    // MARK: - Stopping

    /// True once the leader has exited, reaped or not.
    var hasExited: Bool {
        if exitStatus != nil { return true }
        var info = siginfo_t()
        // WNOWAIT leaves the leader a zombie, which keeps the group id reserved.
        return waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 && info.si_signo == SIGCHLD
    }

    /// Waits up to `grace` for the leader to exit by itself, then kills the whole group and reaps the leader.
    func stop(grace: Duration) {
        let deadline = ContinuousClock.now + grace
        while !hasExited, ContinuousClock.now < deadline {
            usleep(10_000)
        }
        kill()
    }

    /// Kills every process of the group with SIGKILL, reaps the leader, and
    /// waits up to 5 seconds until no member runs any more. Does nothing once the leader is reaped.
    func kill() {
        guard exitStatus == nil else { return }
        _ = Glibc.kill(-pid, SIGKILL)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        // The W* macros are not imported: the low 7 bits are the signal, 0 for a normal exit.
        let signal = status & 0x7F
        exitStatus = signal == 0 ? (status >> 8) & 0xFF : 128 + signal

        // The other members take a moment to die after SIGKILL.
        let deadline = ContinuousClock.now + .seconds(5)
        while !survivingProcessIDs.isEmpty, ContinuousClock.now < deadline {
            usleep(10_000)
        }
    }

    /// The ids of the processes in the group that still run: every member
    /// except zombies. A member orphaned when the leader exits stays a zombie
    /// when nothing reaps it, as under an init that does not reap orphans.
    var survivingProcessIDs: [pid_t] {
        Self.runningProcesses(inGroup: pid)
    }

    /// Returns the ids of the running (not zombie) processes whose process group is `group`, from /proc.
    static func runningProcesses(inGroup group: pid_t) -> [pid_t] {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return [] }
        return entries.compactMap { entry -> pid_t? in
            guard let id = pid_t(entry),
                  let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                  let nameEnd = stat.lastIndex(of: ")")
            else { return nil }
            // After the command name in parentheses: state, parent id, process group.
            let fields = stat[stat.index(after: nameEnd)...].split(separator: " ")
            guard fields.count > 2, fields[2] == String(group), fields[0] != "Z", fields[0] != "X" else { return nil }
            return id
        }
    }

    // MARK: - Diagnostics

    /// Returns the last lines of Chromium's log, for error messages.
    func logTail(lines: Int = 20) -> String {
        let text = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").suffix(lines).joined(separator: "\n")
    }
}

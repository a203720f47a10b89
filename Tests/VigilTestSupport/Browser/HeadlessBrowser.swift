import Foundation
import VigilContracts
#if canImport(Glibc)
import Glibc
#endif

/// Debian's `chromium` in headless mode, driven over the Chrome DevTools
/// Protocol through `--remote-debugging-pipe`, for the browser tests.
///
/// Each browser has a fresh profile in a temporary folder, and each
/// ``newPage()`` a browser context of its own, so two pages of one browser
/// share no cookies (two people signed in at once). Chromium resolves no
/// host but `localhost`, `127.0.0.1` and `[::1]`, so a page can reach only
/// servers on this machine. ``quit()`` ends every Chromium process. When a
/// test fails before it quits, releasing the browser kills the process
/// group instead. The type is not thread-safe, so use a browser and its
/// pages from one test.
public final class HeadlessBrowser {
    /// The default time limit of one DevTools command and of one page load.
    public let timeout: Duration
    /// The temporary folder with the profile and Chromium's log. ``quit()``
    /// removes it unless `VIGIL_KEEP_TEST_LOGS` is set.
    public let folder: String
    let connection: DevToolsConnection
    private let process: ChromiumProcess
    private var isClosed = false

    /// Starts Chromium and waits until it responds on the DevTools pipe.
    ///
    /// - Parameters:
    ///   - executable: The browser to start; nil looks it up with ``locateExecutable()``.
    ///   - language: The UI language and `Accept-Language` of every page, e.g. `zh-CN` or `en-US`.
    ///   - timeout: The default time limit of one command and of one page load.
    public init(executable: String? = nil, language: String = "zh-CN", timeout: Duration = .seconds(30)) throws {
        guard let executable = executable ?? Self.locateExecutable(),
              FileManager.default.isExecutableFile(atPath: executable)
        else {
            throw BrowserError.notInstalled(searched: executable.map { [$0] } ?? Self.candidatePaths())
        }
        self.timeout = timeout

        var template = Array((FileManager.default.temporaryDirectory.path + "/vigil-browser-XXXXXX").utf8CString)
        guard let created = mkdtemp(&template) else {
            throw BrowserError.launchFailed("mkdtemp failed: \(String(cString: strerror(errno)))")
        }
        folder = String(cString: created)

        do {
            process = try ChromiumProcess(executable: executable,
                                          arguments: Self.arguments(profile: folder + "/profile", language: language),
                                          logPath: folder + "/chromium.log")
        } catch {
            try? FileManager.default.removeItem(atPath: folder)
            throw error
        }
        let process = process
        connection = DevToolsConnection(
            pipe: DevToolsPipe(writeDescriptor: process.commandDescriptor, readDescriptor: process.messageDescriptor),
            exitDescription: { [unowned process] in
                // The pipe closes a moment before the process exits, so wait briefly for its status.
                process.stop(grace: .seconds(2))
                return BrowserError.exited(status: process.exitStatus, log: process.logTail())
            })

        do {
            _ = try connection.call("Browser.getVersion", timeout: timeout)
        } catch {
            quit()
            throw error
        }
    }

    deinit {
        if !isClosed {
            process.kill()
            removeFolder()
        }
    }

    // MARK: - Locating

    /// Returns the path of `VIGIL_CHROMIUM` when set, else the first
    /// executable `chromium` on PATH or at /usr/bin/chromium; nil when none exists.
    public static func locateExecutable() -> String? {
        candidatePaths().first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// True when the browser tests should run: chromium is installed, or
    /// `VIGIL_CHROMIUM` or `CI` is set, so that a missing browser fails the
    /// tests under CI and with an explicit path instead of skipping them.
    public static var shouldRunTests: Bool {
        shouldRunTests(chromiumFound: locateExecutable() != nil, environment: ProcessInfo.processInfo.environment)
    }

    static func shouldRunTests(chromiumFound: Bool, environment: [String: String]) -> Bool {
        chromiumFound || environment["CI"] != nil || environment["VIGIL_CHROMIUM"] != nil
    }

    /// The reason to show when ``shouldRunTests`` is false and a suite skips.
    public static let skipReason = "chromium is not installed, so the browser tests are skipped: "
        + "run scripts/install-deps.sh or set VIGIL_CHROMIUM (under CI, with CI set, they fail instead)"

    private static func candidatePaths() -> [String] {
        let environment = ProcessInfo.processInfo.environment
        if let configured = environment["VIGIL_CHROMIUM"], !configured.isEmpty {
            return [configured]
        }
        return (environment["PATH"] ?? "").split(separator: ":").map { "\($0)/chromium" } + ["/usr/bin/chromium"]
    }

    // MARK: - Command line

    private static func arguments(profile: String, language: String) -> [String] {
        var arguments = [
            "--headless", "--remote-debugging-pipe", "--user-data-dir=\(profile)",
            "--lang=\(language)", "--accept-lang=\(language)", "--window-size=1280,800",
            "--hide-scrollbars", "--mute-audio", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
            // No traffic of the browser's own (updates, sync, translation, safe browsing).
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-default-apps", "--disable-extensions",
            "--disable-features=Translate,MediaRouter,OptimizationHints",
            // Every host but the loopback ones fails to resolve, so nothing leaves the machine
            // even if a page requests it. The rules apply to numeric addresses too.
            "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1, EXCLUDE [::1]",
        ]
        // Chromium refuses to start as root with its sandbox on ("Running as
        // root without --no-sandbox is not supported"), as in CI containers.
        // The pages are the tests' own, served from this machine.
        if geteuid() == 0 {
            arguments.append("--no-sandbox")
        }
        return arguments + ["about:blank"]
    }

    // MARK: - Pages

    /// Opens a blank page in a new browser context, with cookies and storage of its own.
    public func newPage() throws -> BrowserPage {
        let context = try string("browserContextId", of: "Target.createBrowserContext",
                                 ["disposeOnDetach": .bool(true)])
        let target = try string("targetId", of: "Target.createTarget",
                                ["url": .string("about:blank"), "browserContextId": .string(context)])
        let session = try string("sessionId", of: "Target.attachToTarget",
                                 ["targetId": .string(target), "flatten": .bool(true)])
        let page = BrowserPage(browser: self, targetID: target, contextID: context, sessionID: session,
                               openedMark: connection.eventMark)

        // Page events report loads, Runtime and Log events report the page's errors,
        // and lifecycle events tie each load to the navigation that started it.
        for method in ["Page.enable", "Runtime.enable", "Log.enable"] {
            _ = try connection.call(method, session: session, timeout: timeout)
        }
        _ = try connection.call("Page.setLifecycleEventsEnabled", ["enabled": .bool(true)],
                                session: session, timeout: timeout)
        return page
    }

    private func string(_ field: String, of method: String, _ parameters: [String: JSONValue]) throws -> String {
        let result = try connection.call(method, parameters, timeout: timeout)
        guard let value = result[field]?.stringValue else {
            throw BrowserError.invalidReply(method: method, detail: "no \(field) in \(JSONValue.object(result).compactText())")
        }
        return value
    }

    // MARK: - Quitting

    /// The id of Chromium's process group, which contains every process of the browser.
    public var processGroup: Int32 {
        process.pid
    }

    /// The ids of the browser's processes that still run (zombies excepted): empty after ``quit()``.
    public var survivingProcessIDs: [Int32] {
        process.survivingProcessIDs
    }

    /// Returns the ids of the running (not zombie) processes in process group
    /// `group`, read from /proc: after a browser is released, its former
    /// ``processGroup`` should have none.
    public static func runningProcessIDs(inGroup group: Int32) -> [Int32] {
        ChromiumProcess.runningProcesses(inGroup: group)
    }

    /// Closes the browser, kills what remains of its process group after
    /// 10 seconds, waits up to 5 seconds for the group to empty, and removes
    /// the temporary folder. Calling it again does nothing.
    public func quit() {
        guard !isClosed else { return }
        isClosed = true

        // The pipe may close before the reply arrives, which is no failure here.
        _ = try? connection.call("Browser.close", timeout: .seconds(5))
        process.stop(grace: .seconds(10))
        removeFolder()
    }

    private func removeFolder() {
        guard ProcessInfo.processInfo.environment["VIGIL_KEEP_TEST_LOGS"] == nil else { return }
        try? FileManager.default.removeItem(atPath: folder)
    }
}

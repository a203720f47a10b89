import Foundation

/// Debian's `chromium` in headless mode, for the browser tests of the HTML reports.
///
/// Each run gets a fresh profile and a time limit. The flags turn off the
/// browser's own background traffic (updates, sync, translation) and map
/// every host name to "not found", so nothing leaves the machine even if
/// a page asked for it. The network log then shows what the page requested.
struct HeadlessChromium {
    /// The time limit of one browser run.
    static let timeout: Duration = .seconds(90)

    let executable: String
    let folder: URL

    /// Chromium is missing, timed out or wrote an unreadable log. A missing
    /// browser fails the browser tests rather than letting them pass without one.
    struct BrowserError: Error, CustomStringConvertible {
        var description: String
    }

    /// Output of one browser run.
    struct Run {
        var status: Int32
        var standardOutput: String
        var standardError: String
        /// The network log (Chromium's NetLog JSON) of the run.
        var netLog: URL
    }

    /// Finds `chromium` in `VIGIL_CHROMIUM`, on PATH or at /usr/bin/chromium.
    static func locate(folder: URL) throws -> HeadlessChromium {
        let environment = ProcessInfo.processInfo.environment
        var candidates: [String] = []
        if let configured = environment["VIGIL_CHROMIUM"], !configured.isEmpty {
            candidates.append(configured)
        } else {
            candidates += (environment["PATH"] ?? "").split(separator: ":").map { "\($0)/chromium" }
            candidates.append("/usr/bin/chromium")
        }
        guard let executable = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw BrowserError(description: "chromium not found (looked at \(candidates.joined(separator: ", "))): "
                + "run scripts/install-deps.sh, which installs Debian's chromium and fonts-wqy-zenhei, "
                + "or set VIGIL_CHROMIUM to the browser's path")
        }
        return HeadlessChromium(executable: executable, folder: folder)
    }

    /// Loads a file and returns the DOM after parsing, as `--dump-dom` serialises it.
    func dumpDOM(_ page: URL) throws -> Run {
        try run(["--dump-dom", page.absoluteString], name: "dump")
    }

    /// Loads a file and writes a PNG screenshot of the first `height` pixels at 1280 wide.
    func screenshot(_ page: URL, to image: URL, height: Int) throws -> Run {
        try run(["--screenshot=\(image.path)", "--window-size=1280,\(height)", "--hide-scrollbars", page.absoluteString],
                name: "screenshot")
    }

    // MARK: - Running

    private func run(_ arguments: [String], name: String) throws -> Run {
        let runFolder = folder.appendingPathComponent("\(name)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: runFolder, withIntermediateDirectories: true)
        let netLog = runFolder.appendingPathComponent("netlog.json")
        let output = runFolder.appendingPathComponent("stdout.txt")
        let errors = runFolder.appendingPathComponent("stderr.txt")
        guard FileManager.default.createFile(atPath: output.path, contents: nil),
              FileManager.default.createFile(atPath: errors.path, contents: nil)
        else {
            throw BrowserError(description: "failed to create the output files in \(runFolder.path)")
        }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-default-apps",
            "--disable-extensions", "--disable-features=Translate,MediaRouter,OptimizationHints",
            "--host-resolver-rules=MAP * ~NOTFOUND", "--user-data-dir=\(runFolder.appendingPathComponent("profile").path)",
            "--log-net-log=\(netLog.path)", "--lang=zh-CN",
        ] + arguments
        let outputHandle = try FileHandle(forWritingTo: output)
        let errorHandle = try FileHandle(forWritingTo: errors)
        defer {
            try? outputHandle.close()
            try? errorHandle.close()
        }
        process.standardOutput = outputHandle
        process.standardError = errorHandle
        process.standardInput = FileHandle.nullDevice
        try process.run()

        let deadline = ContinuousClock.now + Self.timeout
        while process.isRunning, ContinuousClock.now < deadline {
            Thread.sleep(forTimeInterval: 0.1)
        }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            throw BrowserError(description: "chromium timed out after \(Self.timeout) on \(arguments.last ?? "")")
        }
        return Run(status: process.terminationStatus,
                   standardOutput: (try? String(contentsOf: output, encoding: .utf8)) ?? "",
                   standardError: (try? String(contentsOf: errors, encoding: .utf8)) ?? "",
                   netLog: netLog)
    }

    // MARK: - Network log

    /// Returns the URLs the page itself requested, from a run's network log.
    ///
    /// A request belongs to the page when its network isolation key names the
    /// page's file:// origin. The browser's own requests carry other keys,
    /// such as update checks, which the host rules keep from resolving.
    static func pageRequests(in netLog: URL) throws -> [String] {
        let data = try Data(contentsOf: netLog)
        guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let events = root["events"] as? [[String: Any]]
        else {
            throw BrowserError(description: "the network log \(netLog.path) has no events list")
        }
        var pageSources: Set<Int> = []
        var urls: [Int: [String]] = [:]
        for event in events {
            guard let source = (event["source"] as? [String: Any])?["id"] as? Int,
                  let parameters = event["params"] as? [String: Any]
            else { continue }
            if let key = parameters["network_isolation_key"] as? String, key.contains("file://") {
                pageSources.insert(source)
            }
            if let url = parameters["url"] as? String {
                urls[source, default: []].append(url)
            }
        }
        return pageSources.sorted().flatMap { urls[$0] ?? [] }
    }
}

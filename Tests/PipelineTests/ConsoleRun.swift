import Foundation
import Testing
import VigilContracts
import VigilRuntime
import VigilTestSupport

/// The pipeline of ``PipelineHarness`` on the shared chats with `vigil-console`
/// beside it, for the browser tests: the roster, the services, the console,
/// then the chats, complaints and orders, waited on until every group and
/// the console have caught up.
final class ConsoleRun {

    /// One case as the case topic has it, for choosing which to open.
    struct CaseSummary {
        var id: String
        var vendor: String?
        var site: String?
        var state: CaseState?

        var open: Bool { state != .resolved }
    }

    let harness: PipelineHarness
    let port: Int
    private(set) var cases: [CaseSummary] = []
    private var tokens: [String: String] = [:]

    init(people: [String] = ConsoleBrowserTests.people) throws {
        harness = try PipelineHarness()
        try harness.ingest([SharedData.file("roster.ndjson")])
        for service in PipelineHarness.streamServices {
            try harness.startService(service)
        }

        // Random tokens, of which the console's file keeps only the digests.
        var entries: [String] = []
        for person in people {
            let token = UUID().uuidString + UUID().uuidString
            tokens[person] = token
            entries.append("{\"person\": \"\(person)\", \"sha256\": \"\(SHA256.hex(token))\"}")
        }
        let tokensFile = harness.work.appendingPathComponent("console-tokens.json")
        try "{\"people\": [\(entries.joined(separator: ", "))]}\n".write(to: tokensFile, atomically: true, encoding: .utf8)

        let portFile = harness.work.appendingPathComponent("console.port")
        _ = try harness.startProcess("vigil-console", [
            "--store", harness.work.appendingPathComponent("console.sqlite").path,
            "--tokens", tokensFile.path, "--listen", "127.0.0.1:0", "--port-file", portFile.path,
        ], log: "vigil-console")

        try harness.ingest((SharedData.chatFiles + SharedData.otherFiles).map(SharedData.file))
        try harness.waitUntilIdle()

        var bound: Int?
        for _ in 0..<100 {
            if let text = try? String(contentsOf: portFile, encoding: .utf8), let value = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                bound = value
                break
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
        guard let bound else {
            throw HarnessError("vigil-console wrote no port:\n\(harness.logTail("vigil-console"))")
        }
        port = bound
        cases = try readCases()
        try waitForConsole()
    }

    func stop() {
        harness.stop()
    }

    func url(_ path: String) -> String {
        "http://127.0.0.1:\(port)\(path)"
    }

    // MARK: - People

    /// Opens a page of its own for `person` and signs in with their token.
    func signIn(_ person: String, browser: HeadlessBrowser) throws -> BrowserPage {
        let token = try #require(tokens[person])
        let page = try browser.newPage()
        try page.navigate(to: url("/login"))
        try page.fill("input[name=token]", with: token)
        try page.waitForLoad { try page.submit("form.login") }
        let path = try page.evaluate("location.pathname").stringValue
        guard path == "/" else {
            throw HarnessError("\(person) did not get past the sign-in page (at \(path ?? "?"))")
        }
        return page
    }

    // MARK: - Inputs and outputs

    /// Writes one customer message that threatens a regulator complaint, on a
    /// thread of its own (buyer `buyer`), dated after the shared chats end.
    func writeLiveMessage(buyer: String, site: String, agent: String, sentAt: String) throws -> URL {
        let message = """
            {"messageId":"\(buyer)-1","site":"\(site)","shop":"shop-console","conversationId":"\(buyer)",\
            "buyer":"\(buyer)","agent":"\(agent)","role":"customer",\
            "text":"三天了还不退款，我现在就打12315投诉你们","sentAt":"\(sentAt)"}

            """
        let file = harness.work.appendingPathComponent("chats-\(buyer).ndjson")
        try message.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    /// Runs `vigil` and throws with its output when it fails.
    func vigil(_ arguments: [String]) throws {
        let result = try harness.runVigil(arguments)
        guard result.status == 0 else {
            throw HarnessError("vigil \(arguments.joined(separator: " ")) exited with \(result.status): \(result.output)\n"
                + harness.logTail("vigil-cli"))
        }
    }

    // MARK: - Screenshots

    /// Writes a screenshot of the page into VIGIL_CONSOLE_SCREENSHOTS when it
    /// names a folder (docs/console/ keeps them); otherwise does nothing.
    func screenshot(_ page: BrowserPage, _ name: String) throws {
        guard let folder = ProcessInfo.processInfo.environment["VIGIL_CONSOLE_SCREENSHOTS"], !folder.isEmpty else { return }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try page.screenshot(to: URL(fileURLWithPath: folder).appendingPathComponent("\(name).png").path, width: 1280, height: 860)
    }

    /// Runs `vigil case show` until `accept` holds for its English output or a minute passes.
    func waitForCaseShow(_ caseId: String, accept: (String) -> Bool) throws -> Bool {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let result = try harness.runVigil(["case", "show", caseId, "--lang", "en"])
            if result.status == 0, accept(result.output) {
                return true
            }
            Thread.sleep(forTimeInterval: 1)
        }
        return false
    }

    /// Folds the case topic: which cases exist, their vendor and whether they are open.
    private func readCases() throws -> [CaseSummary] {
        var files: [String: CaseSummary] = [:]
        var order: [String] = []
        for record in try harness.reader.records(of: harness.catalogue.caseEvents) {
            guard let event = try? EventCoding.decode(CaseEvent.self, from: record.value) else { continue }
            if files[event.caseId] == nil {
                order.append(event.caseId)
            }
            files[event.caseId] = CaseSummary(id: event.caseId, vendor: event.vendor, site: event.site,
                                              state: event.state ?? files[event.caseId]?.state)
        }
        return order.compactMap { files[$0] }
    }

    /// Waits until the console's read model holds the last case of the topic,
    /// asking with the brand manager's session over plain HTTP.
    private func waitForConsole() throws {
        guard let last = cases.last else { throw HarnessError("the pipeline opened no case") }
        let browser = try HeadlessBrowser()
        defer { browser.quit() }
        let page = try signIn("B-001", browser: browser)
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline {
            try page.navigate(to: url("/cases/\(last.id)"))
            if try page.responseStatus() == 200 {
                return
            }
            Thread.sleep(forTimeInterval: 1)
        }
        throw HarnessError("the console did not show case \(last.id) within 120 s:\n\(harness.logTail("vigil-console"))")
    }
}

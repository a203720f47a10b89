import Foundation
import Testing
import VigilContracts
import VigilKafka
import VigilRuntime

/// A whole run on the shared chats plus ``PersonalDataFixtures``, with the
/// notifier posting to a local robot. The test searches for personal numbers
/// everywhere they must not be: every output topic, every report and view
/// `vigil` writes, every robot message, every log, and the stores of the
/// services that keep no original text. docs/SECURITY.md lists the places
/// that keep it.
@Suite("Personal data in a run", .serialized, .enabled(if: SharedData.isAvailable || SharedData.isRequired))
struct PersonalDataPipelineTests {
    /// The topics that keep the original text, because they are the inputs
    /// every service and every replay reads. Everything else is searched.
    static let originalTextTopics: Set<String> = [
        "chat.messages", "complaints", "orders", "roster",
        "raw.messages", "raw.roster", "raw.complaints", "raw.orders",
    ]

    /// The one store that contains original text: ingestion's, whose outbox
    /// keeps each accepted record until the broker confirms it.
    static let originalTextStores = ["ingest.sqlite"]

    /// The robots' credentials, which no log or store may hold either.
    static let dingToken = "pii-ding-token-5521"
    static let dingSecret = "SECpii7f3a9c0d41e2b6"
    static let wecomKey = "pii-wecom-key-8830"

    @Test("run outputs contain no personal number")
    func nothingUnmasked() throws {
        try SharedData.requireAvailable()
        try checkFixtures()

        let run = try PersonalDataRun.start()
        defer { run.harness.stop() }
        try run.ingest()
        let commandFailures = try run.issueCaseCommands()
        #expect(commandFailures.isEmpty, "failed commands:\n\(commandFailures.joined(separator: "\n"))")
        let posts = try run.waitForRobots()
        try run.writeReports()
        let topics = try run.searchedTopics()
        run.harness.stop()
        let files = try run.searchedFiles()

        // What is searched must be there to search: the run raised the fixtures' alerts, cases and dead letters.
        try expectFixturesWentThrough(topics: topics, files: files, posts: posts)

        // Stores are binary: hash columns can look like a card number there, so
        // they are searched for the fixtures' numbers only.
        var findings: [String] = []
        let texts = topics.map { ("topic \($0.key)", $0.value) } + files.map { ("file \($0.key)", $0.value) }
            + posts.enumerated().map { ("robot post \($0.offset)", $0.element) }
        for (place, text) in texts {
            let found = place.contains(".sqlite")
                ? PersonalNumberScan.knownNumbers(PersonalDataFixtures.numbers, in: text)
                : PersonalNumberScan.findings(in: text, known: PersonalDataFixtures.numbers)
            findings += found.map { "\(place): \($0)" }
            for secret in [Self.dingToken, Self.dingSecret, Self.wecomKey] where text.contains(secret) {
                findings.append("\(place): a robot credential")
            }
        }
        let count = findings.count
        #expect(count == 0, "unmasked numbers or credentials:\n\(findings.prefix(40).joined(separator: "\n"))")
    }

    // MARK: - Checks on the inputs

    /// Expects every listed number in the fixtures and the shape search to
    /// find the fixtures' numbers, so a miss in the outputs means masking worked.
    private func checkFixtures() throws {
        let inputs = try [PersonalDataFixtures.chats, PersonalDataFixtures.complaints, PersonalDataFixtures.rejected,
                          PersonalDataFixtures.file("case-commands.ndjson")]
            .map { try String(contentsOf: $0, encoding: .utf8) }.joined(separator: "\n")
        for number in PersonalDataFixtures.numbers {
            #expect(!PersonalNumberScan.knownNumbers([number], in: inputs).isEmpty, "\(number) is not in the fixtures")
        }
        let shaped = Set(PersonalNumberScan.shapedNumbers(in: inputs).map(\.number))
        #expect(shaped.count >= 15, "the shape search finds only \(shaped.sorted()) in the fixtures")
    }

    /// Expects the fixtures' alerts, case entries, dead letters and
    /// notifications in the outputs, masked.
    private func expectFixturesWentThrough(topics: [String: String], files: [String: String], posts: [String]) throws {
        let alerts = topics["alerts"] ?? ""
        for buyer in PersonalDataFixtures.alertedBuyers {
            #expect(alerts.contains("\"buyer\":\"\(buyer)\""), "no alert for \(buyer)")
        }
        #expect(alerts.contains("139****7781"), "the masked phone number is in an alert")
        #expect(alerts.contains("１５８****４４０９"), "the full-width number is masked in place")
        let caseEvents = topics["case.events"] ?? ""
        #expect(caseEvents.contains("139-****-7781"), "the note reached the case topic, masked")
        #expect(caseEvents.contains("320***********017X"), "the review reached the case topic, masked")
        let deadLetters = topics["dead-letters"] ?? ""
        #expect(deadLetters.components(separatedBy: "\"service\":\"vigil-ingest\"").count - 1
                == PersonalDataFixtures.rejectedCount)
        #expect(posts.contains { $0.contains("buyer-pii-01") }, "a fixture alert reached a robot")
        let caseId = CaseEvent.caseId(for: ThreadKey(shop: PersonalDataFixtures.shop, buyer: "buyer-pii-01"))
        let reports = files.filter { $0.key.hasPrefix("reports/") }
        #expect(reports.values.contains { $0.contains(caseId) }, "the reports show the fixture case")
        let rejections = (files["vigil-ingest.log"] ?? "").components(separatedBy: "record rejected").count - 1
        #expect(rejections >= PersonalDataFixtures.rejectedCount, "ingestion logged the rejections")
    }
}

/// One run of ``PersonalDataPipelineTests``: the harness, the robot, and the steps.
final class PersonalDataRun {
    let harness: PipelineHarness
    let robot: RobotRecorder
    let reports: URL

    private init(harness: PipelineHarness, robot: RobotRecorder) {
        self.harness = harness
        self.robot = robot
        reports = harness.work.appendingPathComponent("reports")
    }

    /// Starts the broker, the roster, the three stream services and the notifier.
    static func start() throws -> PersonalDataRun {
        let harness = try PipelineHarness()
        let robot = try RobotRecorder()
        let run = PersonalDataRun(harness: harness, robot: robot)
        try FileManager.default.createDirectory(at: run.reports, withIntermediateDirectories: true)

        try harness.ingest([SharedData.file("roster.ndjson")])
        for service in PipelineHarness.streamServices {
            try harness.startService(service)
        }

        // The routes file is an input, kept apart from what is searched.
        let inputs = harness.work.appendingPathComponent("inputs")
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
        let routes = inputs.appendingPathComponent("routes.json")
        let ding = robot.url(path: "/ding", query: "access_token=\(PersonalDataPipelineTests.dingToken)")
        let wecom = robot.url(path: "/wecom", query: "key=\(PersonalDataPipelineTests.wecomKey)")
        try """
            {"routes": [
              {"team": "T-hz-a", "kind": "dingtalk", "url": "\(ding)", "secretEnv": "PII_DING_SECRET"},
              {"default": true, "kind": "wecom", "url": "\(wecom)"}
            ]}
            """.write(to: routes, atomically: true, encoding: .utf8)
        // The data is from November; a maximum age of three years lets the notifier post all of it.
        _ = try harness.startProcess("vigil-notify", [
            "--store", harness.work.appendingPathComponent("vigil-notify.sqlite").path, "--routes", routes.path,
            "--max-age", "100000000", "--retry-delay", "100",
        ], log: "vigil-notify", environment: ["PII_DING_SECRET": PersonalDataPipelineTests.dingSecret])
        return run
    }

    /// Imports the shared files with the fixtures after them in time, and waits for the services.
    func ingest() throws {
        try harness.ingest(SharedData.chatFiles.map(SharedData.file) + [PersonalDataFixtures.chats]
                           + SharedData.otherFiles.map(SharedData.file)
                           + [PersonalDataFixtures.complaints, PersonalDataFixtures.rejected])
        try harness.waitUntilIdle()
    }

    /// Issues the fixture's case commands, declares the time after them, and
    /// returns the commands that failed or were refused.
    func issueCaseCommands() throws -> [String] {
        var failures: [String] = []
        let steps = try PersonalDataFixtures.caseSteps()
        for (index, step) in steps.enumerated() {
            let arguments = ["case", step.action, step.caseId, "--actor", step.actor, "--at", step.at]
                + step.options + ["--command-id", "pii-\(index + 1)"]
            let result = try harness.runVigil(arguments)
            if result.status != 0 {
                failures.append("vigil \(arguments.joined(separator: " ")) -> \(result.status): \(result.output)")
            }
        }
        let clock = try harness.runVigil(["clock", "--to", PersonalDataFixtures.clockTime])
        if clock.status != 0 {
            failures.append("vigil clock -> \(clock.status): \(clock.output)")
        }
        try harness.waitUntilIdle()

        let events = try harness.reader.records(of: harness.catalogue.caseEvents).map {
            try EventCoding.decode(CaseEvent.self, from: $0.value)
        }
        for index in steps.indices {
            let outcome = events.first { $0.commandId == "pii-\(index + 1)" }
            if outcome == nil || outcome?.type == .commandRejected {
                failures.append("pii-\(index + 1) (\(steps[index].action)): \(outcome?.text.english ?? "no outcome")")
            }
        }
        return failures
    }

    /// Waits until the robots received one post per alert event that notifies, and returns the posts.
    func waitForRobots() throws -> [String] {
        let notifying = try harness.reader.records(of: harness.catalogue.alerts).filter { record in
            !WatermarkRecords.isWatermark(record) && (try? EventCoding.decode(Alert.self, from: record.value))?.notifies == true
        }
        let posts = robot.waitForPosts(notifying.count)
        #expect(posts.count >= notifying.count, "the robots got \(posts.count) of \(notifying.count) notifications")
        return posts
    }

    /// Writes what `vigil` and `vigil-notify deliveries` show for the run into the reports folder.
    func writeReports() throws {
        let caseIds = Set(try PersonalDataFixtures.caseSteps().map(\.caseId)).sorted()
        var commands: [(String, [String])] = [
            ("case-list", ["case", "list"]),
            ("dead-letters", ["dead-letters"]),
            ("dead-letters-en", ["dead-letters", "--lang", "en"]),
            ("summary", ["summary"]),
        ]
        for (index, caseId) in caseIds.enumerated() {
            commands.append(("case-show-\(index)", ["case", "show", caseId]))
            commands.append(("case-show-\(index)-en", ["case", "show", caseId, "--lang", "en"]))
        }
        for format in ["table", "csv", "markdown", "html"] {
            commands.append(("escalations.\(format)", ["report", "escalations", "--period", "month", "--at",
                                                       PipelineTests.reviewTime, "--format", format]))
            commands.append(("scores.\(format)", ["report", "scores", "--period", "day", "--at",
                                                  "2026-11-12T12:00:00+08:00", "--format", format]))
        }
        // The scoring topics hold no text and are searched on the broker; their exports would only double the time.
        for topic in ["alerts", "case.events", "case.commands", "dead-letters"] {
            commands.append(("export-\(topic).ndjson", ["export", topic, "--from", "2026-11-01T00:00:00+08:00",
                                                         "--to", "2026-12-01T00:00:00+08:00"]))
        }
        for (name, arguments) in commands {
            let result = try harness.runVigil(arguments)
            #expect(result.status == 0, "vigil \(arguments.joined(separator: " ")) -> \(result.status)")
            try result.output.write(to: reports.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        try writeAlertTail()
        try writeDeliveries()
    }

    /// `vigil tail alerts --all` from before the data, stopped once it has printed every alert event.
    private func writeAlertTail() throws {
        let events = try harness.reader.records(of: harness.catalogue.alerts).filter { !WatermarkRecords.isWatermark($0) }
        let tail = try harness.startProcess("vigil", ["tail", "alerts", "--all", "--from", "2026-11-01T00:00:00+08:00"],
                                            log: "reports/tail-alerts")
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, harness.log("reports/tail-alerts").split(separator: "\n").count < events.count {
            Thread.sleep(forTimeInterval: 0.2)
        }
        tail.terminate()
        tail.waitUntilExit()
    }

    private func writeDeliveries() throws {
        let deliveries = Process()
        deliveries.executableURL = PipelineHarness.binaries.appendingPathComponent("vigil-notify")
        deliveries.arguments = ["deliveries", "--store", harness.work.appendingPathComponent("vigil-notify.sqlite").path,
                                "--limit", "100000", "--attempts"]
        let output = Pipe()
        deliveries.standardOutput = output
        try deliveries.run()
        let bytes = output.fileHandleForReading.readDataToEndOfFile()
        deliveries.waitUntilExit()
        try bytes.write(to: reports.appendingPathComponent("deliveries"))
    }

    // MARK: - What is searched

    /// Returns every topic but the inputs that keep the original text, as one text per topic.
    func searchedTopics() throws -> [String: String] {
        var texts: [String: String] = [:]
        for topic in harness.catalogue.all
        where !PersonalDataPipelineTests.originalTextTopics.contains(topic.baseName) {
            texts[topic.baseName] = try harness.reader.records(of: topic).map { record in
                (record.keyString ?? "") + " " + String(decoding: record.value, as: UTF8.self)
            }.joined(separator: "\n")
        }
        return texts
    }

    /// Returns every file of the run but the inputs and the stores that keep
    /// the original text, by path relative to the work folder. Files are logs,
    /// reports, stores, partition stores and journals; binary bytes are read as UTF-8.
    func searchedFiles() throws -> [String: String] {
        let work = harness.work.standardizedFileURL.path + "/"
        var texts: [String: String] = [:]
        let files = FileManager.default.enumerator(at: harness.work, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = files?.nextObject() as? URL {
            guard try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { continue }
            let path = String(url.standardizedFileURL.path.dropFirst(work.count))
            let excluded = path.hasPrefix("inputs/")
                || PersonalDataPipelineTests.originalTextStores.contains { path.hasPrefix($0) }
            guard !excluded else { continue }
            texts[path] = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        }
        return texts
    }
}

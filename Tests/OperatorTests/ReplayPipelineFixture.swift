import Foundation
import Testing
import VigilContracts
import VigilKafka
import VigilRuntime
@testable import Alerting
@testable import Escalation
@testable import Operator
@testable import Scoring

/// A small live pipeline on the embedded broker for `vigil replay` tests:
/// roster, a rules release and chat messages that raise alerts, processed by
/// the live services running in-process until they have caught up.
final class ReplayPipelineFixture {
    let harness: OperatorHarness
    var catalogue: TopicCatalogue { harness.catalogue }

    /// Regulator, complaint and media rules. Only the media rule has 曝光.
    static let rulesText = """
        {
          "version": "replay-1",
          "rules": [
            {"id": "regulator", "category": "regulator", "severity": "critical",
             "title": {"zh-CN": "监管", "en": "Regulator"}, "keywords": ["工商", "12315"]},
            {"id": "complaint", "category": "complaint", "severity": "medium",
             "title": {"zh-CN": "投诉", "en": "Complaint"}, "keywords": ["投诉"]},
            {"id": "media", "category": "media", "severity": "high",
             "title": {"zh-CN": "媒体", "en": "Media"}, "keywords": ["曝光"]}
          ]
        }
        """

    static let roster = [
        RosterPerson(id: "B-001", name: "品牌客服经理", role: .brandManager, reportsTo: nil,
                     vendor: nil, site: nil, team: nil),
        RosterPerson(id: "M-hz", name: "杭州项目经理", role: .manager, reportsTo: "B-001",
                     vendor: "V-BAIXING", site: "hz", team: nil),
        RosterPerson(id: "S-hz-a", name: "杭州A组主管", role: .supervisor, reportsTo: "M-hz",
                     vendor: "V-BAIXING", site: "hz", team: "T-hz-a"),
        RosterPerson(id: "A-hz-a01", name: "王小明", role: .agent, reportsTo: "S-hz-a",
                     vendor: "V-BAIXING", site: "hz", team: "T-hz-a"),
    ]

    init() throws {
        harness = try OperatorHarness()
        try harness.produce(Self.roster, to: catalogue.roster)
        let release = RuleSetRelease(version: "replay-1", rules: Self.rulesText, ruleCount: 3,
                                     publishedAt: try Self.time("2026-11-01T08:00:00+08:00"))
        try harness.produce([release], to: catalogue.rules)
        try harness.produce(try Self.messages(), to: catalogue.chatMessages)
        for time in ["2026-11-11T10:30:00+08:00", "2026-11-11T23:00:00+08:00"] {
            try produceWatermarks(at: try Self.time(time))
        }
    }

    // MARK: - Input

    static func time(_ text: String) throws -> Timestamp {
        try #require(TimestampFormat.parse(text))
    }

    /// Four threads on 11 November: regulator and complaint words, a media
    /// word, a complaint word, and a plain question. Each gets an agent reply.
    static func messages() throws -> [ChatMessage] {
        let lines: [(buyer: String, time: String, role: ChatRole, text: String)] = [
            ("buyer-1", "09:00:00", .customer, "再不处理我就去工商局投诉你们"),
            ("buyer-1", "09:00:40", .agent, "非常抱歉，马上为您处理"),
            ("buyer-2", "09:05:00", .customer, "再不退款我就把你们曝光到网上"),
            ("buyer-2", "09:05:30", .agent, "请您稍等，正在核实"),
            ("buyer-3", "10:00:00", .customer, "我要投诉这个客服"),
            ("buyer-3", "10:00:20", .agent, "抱歉给您带来不便"),
            ("buyer-4", "10:10:00", .customer, "你好，请问什么时候发货"),
            ("buyer-4", "10:10:10", .agent, "今天就发"),
            ("buyer-2", "10:20:00", .customer, "我说了要曝光，你们看着办"),
            ("buyer-2", "10:20:30", .agent, "已经在加急处理"),
        ]
        return try lines.enumerated().map { index, line in
            ChatMessage(messageId: "m-\(index)", site: "hz", shop: "shop-waimai", conversationId: "c-\(line.buyer)",
                        buyer: line.buyer, agent: "A-hz-a01", role: line.role, text: line.text,
                        sentAt: try time("2026-11-11T\(line.time)+08:00"))
        }
    }

    /// Writes a watermark at `time` to every partition of the watermarked topics, as ingestion does.
    func produceWatermarks(at time: Timestamp) throws {
        for topic in catalogue.watermarked {
            for partition in 0..<topic.partitions {
                let watermark = Watermark(source: "replay-test", topic: topic.name, partition: partition, time: time)
                try harness.produce([watermark], to: topic, partition: partition)
            }
        }
    }

    // MARK: - Live services

    /// Returns the configuration a live service runs with on this broker.
    func configuration(serviceName: String) throws -> ServiceConfiguration {
        let arguments = ["--bootstrap-servers", harness.broker.bootstrapServers,
                         "--store", harness.folder.appendingPathComponent("\(serviceName).sqlite").path,
                         "--topic-prefix", catalogue.prefix, "--log-level", "critical"]
        let options = CommandLineOptions(ServiceConfiguration.options(serviceName: serviceName))
        return try ServiceConfiguration(serviceName: serviceName, options: options.parse(arguments, environment: [:]))
    }

    /// Runs the live vigil-alerting until it has processed every chat message.
    func runLiveAlerting() throws {
        let configuration = try configuration(serviceName: "vigil-alerting")
        let options = try CommandLineOptions(AlertingSetup.options).parse([], environment: [:])
        try runLive(configuration, processor: AlertingSetup.makeProcessor(configuration: configuration,
                                                                          options: options))
    }

    /// Runs the live vigil-escalation until it has processed every input record.
    func runLiveEscalation() throws {
        let configuration = try configuration(serviceName: "vigil-escalation")
        let options = try CommandLineOptions(EscalationSetup.options).parse([], environment: [:])
        try runLive(configuration, processor: EscalationSetup.makeProcessor(configuration: configuration,
                                                                            options: options))
    }

    /// Runs the live facts stage of vigil-scoring until it has processed every input record.
    func runLiveScoringFacts() throws {
        let configuration = try configuration(serviceName: "vigil-scoring")
        let options = try CommandLineOptions(ScoringStages.options).parse([], environment: [:])
        try runLive(configuration, processor: ScoringStages.makeFactsProcessor(configuration: configuration,
                                                                               options: options))
    }

    /// Runs a stream service on its own thread until its group's committed
    /// offsets reach the end of every input partition, then stops it.
    private func runLive(_ configuration: ServiceConfiguration, processor: any StreamProcessor) throws {
        let inputs = processor.inputTopics
        let service = LiveService(configuration: configuration, processor: processor)
        let caughtUp = try waitUntilCaughtUp(group: configuration.groupId, topics: inputs)
        #expect(service.stop() == nil, "the live \(configuration.serviceName) ran without error")
        try #require(caughtUp, "the live \(configuration.serviceName) caught up with its input")
    }

    private func waitUntilCaughtUp(group: String, topics: [TopicSpec]) throws -> Bool {
        let consumer = try KafkaConsumer(properties: ["bootstrap.servers": harness.broker.bootstrapServers,
                                                      "group.id": group], logger: harness.logger)
        defer { consumer.close() }
        let partitions = topics.flatMap { topic in
            (0..<topic.partitions).map { TopicPartition(topic: topic.name, partition: $0) }
        }
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            let committed = (try? consumer.committed(partitions)) ?? [:]
            let behind = try partitions.filter { partition in
                let (_, high) = try consumer.watermarks(partition)
                return high > 0 && committed[partition] != high
            }
            if behind.isEmpty {
                return true
            }
            Thread.sleep(forTimeInterval: 0.3)
        }
        return false
    }

    /// Returns the end offset of every partition of every topic, and the
    /// offsets `groups` have committed on them, keyed "end …" and "GROUP …".
    func productionOffsets(groups: [String]) throws -> [String: Int64] {
        let partitions = catalogue.all.flatMap { topic in
            (0..<topic.partitions).map { TopicPartition(topic: topic.name, partition: $0) }
        }
        var offsets: [String: Int64] = [:]
        for group in [nil] + groups.map(Optional.some) {
            var properties = ["bootstrap.servers": harness.broker.bootstrapServers]
            properties["group.id"] = group
            let consumer = try KafkaConsumer(properties: properties, logger: harness.logger)
            defer { consumer.close() }
            if let group {
                for (partition, offset) in try consumer.committed(partitions) {
                    offsets["\(group) \(partition)"] = offset
                }
            } else {
                for partition in partitions {
                    offsets["end \(partition)"] = try consumer.watermarks(partition).high
                }
            }
        }
        return offsets
    }

    // MARK: - Replay

    /// Runs `vigil replay` with a JSON report and returns its exit status and report.
    func replay(_ arguments: [String]) throws -> (status: Int32, report: ReplayReportDocument) {
        let path = harness.folder.appendingPathComponent("replay-\(UUID().uuidString).json").path
        let options = try harness.options(ReplayCommand.self, arguments + ["--format", "json", "--output", path])
        let status = try ReplayCommand.run(options, context: try harness.context(ReplayCommand.self))
        let report = try JSONDecoder().decode(ReplayReportDocument.self,
                                              from: try Data(contentsOf: URL(fileURLWithPath: path)))
        return (status, report)
    }

    /// Runs `vigil replay` with a text report in `language` and returns its exit status and report.
    func replayText(_ arguments: [String], language: Language) throws -> (status: Int32, report: String) {
        let path = harness.folder.appendingPathComponent("replay-\(UUID().uuidString).txt").path
        let options = try harness.options(ReplayCommand.self, arguments + ["--output", path])
        let status = try ReplayCommand.run(options, context: try harness.context(ReplayCommand.self,
                                                                                language: language))
        return (status, try String(contentsOfFile: path, encoding: .utf8))
    }

    /// Returns the alert events on the live alerts topic, leaving out watermarks.
    func liveAlerts() throws -> [Alert] {
        try harness.reader.events(Alert.self, of: catalogue.alerts).events
    }
}

/// Runs a stream service on its own thread until `stop` is called.
final class LiveService: @unchecked Sendable {
    private let shutdown = ShutdownSignal(signals: [])
    private let finished = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var failure: (any Error)?

    init(configuration: ServiceConfiguration, processor: any StreamProcessor) {
        let service = StreamService(configuration: configuration, processor: processor, shutdown: shutdown)
        nonisolated(unsafe) let handedOver = service
        let thread = Thread { [self] in
            do {
                try handedOver.run()
            } catch {
                lock.withLock { failure = error }
            }
            finished.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Requests a graceful shutdown, waits for the run to end and returns its error, if any.
    func stop() -> (any Error)? {
        shutdown.request()
        finished.wait()
        return lock.withLock { failure }
    }
}

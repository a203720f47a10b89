import Foundation
import Testing
import VigilContracts
import VigilKafka
import VigilLog
import VigilRuntime
@testable import Operator

// MARK: - Fixtures

/// The time the tests reset to, and records around it.
private let resetTime = TimestampFormat.parse("2026-11-11T09:00:00+08:00")!.epochMilliseconds
private let resetArgument = "2026-11-11T09:00+08:00"

/// A topic of its own for one test, with two partitions and records at the given timestamps.
private struct ResetFixture {
    let harness: OperatorHarness
    let topic: String
    let group = "offsets-test-\(UUID().uuidString.prefix(8))"

    /// Creates the topic and produces `timestamps[p]` to partition p, in order.
    init(timestamps: [[Int64]]) throws {
        harness = try OperatorHarness()
        topic = harness.catalogue.prefix + "reset-\(UUID().uuidString.prefix(8))"
        try harness.broker.createTopic(name: topic, partitions: Int32(timestamps.count))

        let producer = try KafkaProducer(properties: ["bootstrap.servers": harness.broker.bootstrapServers],
                                         logger: harness.logger)
        var sent = 0
        for (partition, times) in timestamps.enumerated() {
            for time in times {
                try producer.send(OutgoingRecord(topic: topic, partition: Int32(partition), key: nil,
                                                 value: Array("r\(sent)".utf8), timestampMilliseconds: time),
                                  tag: Int64(sent))
                sent += 1
            }
        }
        var delivered = 0
        let deadline = ContinuousClock.now + .seconds(20)
        while delivered < sent, ContinuousClock.now < deadline {
            for report in try producer.poll(timeoutMilliseconds: 100) {
                if let error = report.error {
                    throw error
                }
                delivered += 1
            }
        }
        try #require(delivered == sent, "every record delivered")
    }

    func partition(_ number: Int32) -> TopicPartition { TopicPartition(topic: topic, partition: number) }

    /// Returns a consumer in the group that never subscribes, for reading and committing its offsets.
    func groupConsumer() throws -> KafkaConsumer {
        try KafkaConsumer(properties: ["bootstrap.servers": harness.broker.bootstrapServers, "group.id": group],
                          logger: harness.logger)
    }

    /// Commits offsets for the group from outside it, as a consumer that stopped would have left them.
    func commit(_ offsets: [TopicPartition: Int64]) throws {
        let consumer = try groupConsumer()
        defer { consumer.close() }
        try consumer.commit(offsets, synchronously: true)
    }

    /// Reads the group's committed offsets on the topic's partitions.
    func committed(partitions: Int32 = 2) throws -> [TopicPartition: Int64] {
        let consumer = try groupConsumer()
        defer { consumer.close() }
        return try consumer.committed((0..<partitions).map(partition))
    }

    /// Runs `vigil offsets reset` in-process.
    func reset(_ arguments: [String], language: Language = .english) throws -> OffsetsResetCommand.Result {
        let options = try harness.options(OffsetsResetCommand.self, arguments)
        let context = try harness.context(OffsetsResetCommand.self, language: language)
        return try OffsetsResetCommand.reset(options, context: context)
    }

    /// Plans a reset of the group on this topic to `time`.
    func plan(time: Int64) throws -> OffsetResetPlan {
        let text = Timestamp(epochMilliseconds: time, utcOffsetSeconds: 8 * 3600).iso8601
        let options = try harness.options(OffsetsResetCommand.self,
                                          [group, "--to-datetime", text, "--topic", topic])
        let context = try harness.context(OffsetsResetCommand.self)
        return try OffsetResetPlanner(request: try OffsetsResetRequest(options), catalogue: harness.catalogue,
                                      properties: context.configuration.clientProperties, logger: harness.logger,
                                      shutdown: context.shutdown).plan()
    }
}

/// A consumer of a group that subscribes and keeps polling on its own thread
/// until stopped, so the group has one live member.
private final class LiveMember: @unchecked Sendable {
    private let lock = NSLock()
    private var stopRequested = false
    private var assignedPartitions = 0
    private let finished = DispatchSemaphore(value: 0)

    init(bootstrapServers: String, group: String, topic: String) {
        Thread.detachNewThread { [self] in
            defer { finished.signal() }
            let logger = Logger(label: "vigil-offsets-member", logLevel: .critical)
            guard let consumer = try? KafkaConsumer(
                properties: ["bootstrap.servers": bootstrapServers, "group.id": group], logger: logger)
            else { return }
            try? consumer.subscribe([topic])
            while !isStopping {
                _ = try? consumer.poll(maxRecords: 100, timeoutMilliseconds: 100)
                let count = (try? consumer.assignment().count) ?? 0
                lock.withLock { assignedPartitions = count }
            }
            consumer.close()
        }
    }

    private var isStopping: Bool { lock.withLock { stopRequested } }

    /// Waits until the group gave the member its partitions.
    func waitUntilAssigned(seconds: Int) -> Bool {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while ContinuousClock.now < deadline {
            if lock.withLock({ assignedPartitions > 0 }) {
                return true
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return false
    }

    func stop() {
        lock.withLock { stopRequested = true }
        finished.wait()
    }
}

// MARK: - Tests

@Suite("vigil offsets reset", .serialized)
struct OffsetsResetCommandTests {
    @Test("command is registered")
    func registered() {
        #expect(OperatorCommand.subcommands.map { $0.name }.contains("offsets reset"))
    }

    @Test("time between, before and after records")
    func targetsForTimes() throws {
        // Partition 0 has timestamps out of order, as event times can be: the
        // target is the first record in offset order that is recent enough.
        let fixture = try ResetFixture(timestamps: [
            [resetTime - 3_000, resetTime + 2_000, resetTime - 1_000, resetTime + 4_000],
            [resetTime - 5_000, resetTime - 4_000],
        ])

        let between = try fixture.plan(time: resetTime)
        #expect(between.rows.map(\.partition) == [fixture.partition(0), fixture.partition(1)])
        #expect(between.rows.map(\.target) == [1, 2], "first record at or after the time, else the end")
        #expect(between.rows.allSatisfy { $0.source == .scan }, "the mock cluster names no offset, so both are read")

        let exact = try fixture.plan(time: resetTime + 4_000)
        #expect(exact.rows.map(\.target) == [3, 2], "a record exactly at the time is included")

        let beforeAll = try fixture.plan(time: resetTime - 60_000)
        #expect(beforeAll.rows.map(\.target) == [0, 0])

        let afterAll = try fixture.plan(time: resetTime + 60_000)
        #expect(afterAll.rows.map(\.target) == [4, 2])
        #expect(afterAll.rows.allSatisfy { $0.source == .scan },
                "the mock cluster also names no offset for the probe time, so -1 is not trusted")
    }

    @Test("dry run prints plan, commits nothing")
    func dryRun() throws {
        let fixture = try ResetFixture(timestamps: [
            [resetTime - 2_000, resetTime - 1_000, resetTime + 1_000, resetTime + 2_000],
            [resetTime - 1_000, resetTime + 1_000],
        ])
        try fixture.commit([fixture.partition(0): 4])

        let result = try fixture.reset([fixture.group, "--to-datetime", resetArgument])
        #expect(result.status == 0)
        #expect(result.error == nil)
        #expect(result.output.contains("Dry run: nothing was committed"), "says it is a dry run: \(result.output)")
        let lines = result.output.split(separator: "\n").map(String.init)
        let row0 = lines.first { $0.hasPrefix(fixture.topic) && $0.split(separator: " ")[1] == "0" }
        #expect(row0?.split(separator: " ").map(String.init) == [fixture.topic, "0", "4", "2", "-2"],
                "topic, partition, committed, new offset, difference: \(result.output)")
        let row1 = lines.first { $0.hasPrefix(fixture.topic) && $0.split(separator: " ")[1] == "1" }
        #expect(row1?.split(separator: " ").map(String.init) == [fixture.topic, "1", "-", "1", "-"],
                "a partition without a committed offset: \(result.output)")

        #expect(try fixture.committed() == [fixture.partition(0): 4], "nothing committed")
    }

    @Test("without --topic, only the group's topics")
    func groupTopicsByDefault() throws {
        let fixture = try ResetFixture(timestamps: [[resetTime - 1_000, resetTime + 1_000], [resetTime + 1_000]])
        try fixture.commit([fixture.partition(1): 1])

        let result = try fixture.reset([fixture.group, "--to-datetime", resetArgument])
        let topics = Set(result.output.split(separator: "\n").compactMap { line -> String? in
            let first = line.split(separator: " ").first.map(String.init)
            return first?.hasPrefix(fixture.harness.catalogue.prefix) == true ? first : nil
        })
        #expect(topics == [fixture.topic], "only the topic with a commit: \(result.output)")
        let partitions = result.output.split(separator: "\n").filter { $0.hasPrefix(fixture.topic) }
            .map { $0.split(separator: " ")[1] }
        #expect(partitions == ["0", "1"], "every partition of it: \(result.output)")
    }

    @Test("--execute commits where a new consumer starts")
    func execute() throws {
        let fixture = try ResetFixture(timestamps: [
            [resetTime - 2_000, resetTime - 1_000, resetTime + 1_000, resetTime + 2_000],
            [resetTime + 1_000, resetTime + 2_000],
        ])
        try fixture.commit([fixture.partition(0): 4, fixture.partition(1): 2])

        let result = try fixture.reset([fixture.group, "--to-datetime", resetArgument, "--topic", fixture.topic,
                                        "--execute"])
        #expect(result.status == 0, "\(result.error ?? "")")
        #expect(result.output.contains("Committed the new offsets of 2 partitions"), "\(result.output)")
        #expect(try fixture.committed() == [fixture.partition(0): 2, fixture.partition(1): 0], "OffsetFetch")

        // A consumer that joins the group starts at the committed offsets.
        let consumer = try KafkaConsumer(properties: ["bootstrap.servers": fixture.harness.broker.bootstrapServers,
                                                      "group.id": fixture.group], logger: fixture.harness.logger)
        defer { consumer.close() }
        try consumer.subscribe([fixture.topic])
        var first: [TopicPartition: Int64] = [:]
        let deadline = ContinuousClock.now + .seconds(30)
        while first.count < 2, ContinuousClock.now < deadline {
            for record in try consumer.poll(maxRecords: 100, timeoutMilliseconds: 200) where first[record.topicPartition] == nil {
                first[record.topicPartition] = record.offset
            }
        }
        #expect(first == [fixture.partition(0): 2, fixture.partition(1): 0])
    }

    @Test("--execute refused while a member is live")
    func refusesLiveGroup() throws {
        let fixture = try ResetFixture(timestamps: [[resetTime - 1_000, resetTime + 1_000], [resetTime + 1_000]])
        try fixture.commit([fixture.partition(0): 2, fixture.partition(1): 1])
        let member = LiveMember(bootstrapServers: fixture.harness.broker.bootstrapServers, group: fixture.group,
                                topic: fixture.topic)
        defer { member.stop() }
        try #require(member.waitUntilAssigned(seconds: 30), "the member joined the group")

        let result = try fixture.reset([fixture.group, "--to-datetime", resetArgument, "--topic", fixture.topic,
                                        "--execute"])
        #expect(result.status == 1)
        let error = try #require(result.error)
        #expect(error.contains("Refused") && error.contains(fixture.group), "\(error)")
        #expect(error.contains("live members"), "\(error)")
        #expect(!result.output.contains("Committed"), "\(result.output)")

        #expect(try fixture.committed() == [fixture.partition(0): 2, fixture.partition(1): 1], "nothing committed")
    }

    @Test("bad options rejected")
    func rejectsBadOptions() throws {
        let fixture = try ResetFixture(timestamps: [[resetTime]])
        let cases: [(String, [String], String)] = [
            ("time without offset", [fixture.group, "--to-datetime", "2026-11-11T09:00"], "has no UTC offset"),
            ("missing time", [fixture.group], "missing --to-datetime"),
            ("missing group", ["--to-datetime", resetArgument], "missing GROUP"),
            ("two groups", [fixture.group, "other", "--to-datetime", resetArgument], "unexpected argument"),
            ("unknown topic", [fixture.group, "--to-datetime", resetArgument, "--topic", "nosuch"], "does not exist"),
            ("group without offsets", ["offsets-test-none-\(UUID().uuidString.prefix(8))", "--to-datetime",
                                       resetArgument], "has no committed offsets"),
        ]
        for (name, arguments, expected) in cases {
            let error = #expect(throws: UsageError.self, "\(name)") { _ = try fixture.reset(arguments) }
            #expect(error?.message.contains(expected) == true, "\(name): \(error?.message ?? "")")
        }
    }

    @Test("report table and notes by language")
    func reportTexts() {
        let partition = TopicPartition(topic: "vigil.alerts", partition: 3)
        let plan = OffsetResetPlan(group: "vigil-alerting",
                                   time: Timestamp(epochMilliseconds: resetTime, utcOffsetSeconds: 8 * 3600),
                                   rows: [OffsetResetRow(partition: partition, committed: 10, target: 4, source: .scan),
                                          OffsetResetRow(partition: partition, committed: 1, target: 4, source: .broker),
                                          OffsetResetRow(partition: partition, committed: nil, target: 0, source: .empty)])

        let chinese = OffsetResetReport(plan: plan, language: .chinese)
        let table = chinese.table().split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(table.first == ["主题", "分区", "当前位置", "新位置", "差值"])
        #expect(table.dropFirst(2).map { $0.last } == ["-6", "+3", "-"])
        #expect(chinese.planText().contains("2026-11-11T09:00:00+08:00"))
        #expect(chinese.planText().contains("逐条读取"), "names the partitions that were read")
        #expect(chinese.planText().contains("SQLite"), "a vigil- group gets the note on Vigil's services")
        #expect(chinese.refusalText(members: 2, reason: "Stable").contains("2 个在线成员"))

        let english = OffsetResetReport(plan: plan, language: .english)
        #expect(english.refusalText(members: 3, reason: "Stable").contains("has 3 live members"))
        #expect(english.dryRunText().hasPrefix("Dry run"))
        let loader = OffsetResetReport(plan: OffsetResetPlan(group: "warehouse-loader", time: plan.time, rows: []),
                                       language: .english)
        #expect(!loader.planText().contains("SQLite"), "other groups get no note on Vigil's services")
    }
}

import Foundation
import Testing
import VigilContracts
import VigilKafka
import VigilRuntime
import VigilStore
@testable import Notifier

/// The whole notifier on librdkafka's mock cluster: alerts produced to the
/// alerts topic end up as posts on a local robot.
@Suite("Notifier service on the embedded broker", .serialized)
struct NotifierServiceTests {
    static let secret = "SECintegration0123"

    @Test("alerts from the topic reach their robots")
    func alertsReachRobots() throws {
        let broker = try EmbeddedBroker(brokerCount: 1, logger: testLogger)
        let catalogue = TopicCatalogue(prefix: "notify-test.")
        for topic in catalogue.all {
            try broker.createTopic(name: topic.name, partitions: topic.partitions)
        }
        let robot = try FakeRobot()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-notify-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let storePath = folder.appendingPathComponent("notify.sqlite").path

        let routes = try routeTable("""
            {"routes": [
              {"team": "T-hf-b", "kind": "dingtalk", "url": "\(robot.url())", "secretEnv": "DING_SECRET"},
              {"default": true, "kind": "wecom", "url": "\(robot.url(path: "/wecom", query: "key=k-1"))"}
            ]}
            """, environment: ["DING_SECRET": Self.secret])

        // The service compares event times with the host's clock, so these alerts are raised now.
        let now = WallClock.now()
        let alerts = [
            makeAlert("alert/1", buyer: "buyer-1", raisedAt: now),
            makeAlert("alert/2", buyer: "buyer-2", raisedAt: now),
            makeAlert("alert/2/repeated/m-9", buyer: "buyer-2", notify: false, action: .repeated, raisedAt: now),
            makeAlert("alert/3", severity: .high, category: .complaint, buyer: "buyer-3", raisedAt: now),
            makeAlert("alert/4", team: "T-sh-a", site: "sh", buyer: "buyer-4", raisedAt: now),
            makeAlert("alert/5-yesterday", buyer: "buyer-5",
                      raisedAt: Timestamp(epochMilliseconds: now.epochMilliseconds - 86_400_000)),
        ]
        var values = try alerts.map { (key: $0.thread.recordKey, value: try EventCoding.encode($0)) }
        values.insert((key: "shop-waimai/buyer-6", value: Array("{not json".utf8)), at: 2)
        try produce(values, to: catalogue.alerts.name, bootstrap: broker.bootstrapServers)
        // Alerting forwards watermarks onto the alerts topic, and the notifier must skip them, not dead-letter them.
        let watermark = Watermark(source: "vigil-ingest/hz", topic: catalogue.alerts.name, partition: 3, time: now)
        try produceWatermark(watermark, bootstrap: broker.bootstrapServers)

        let arguments = ["--bootstrap-servers", broker.bootstrapServers, "--store", storePath,
                         "--topic-prefix", catalogue.prefix, "--log-level", "critical"]
        let options = CommandLineOptions(ServiceConfiguration.options(serviceName: "vigil-notify"))
        let configuration = try ServiceConfiguration(serviceName: "vigil-notify",
                                                     options: options.parse(arguments, environment: [:]))
        let shutdown = ShutdownSignal(signals: [])
        let service = NotifierService(configuration: configuration, routes: routes, policy: RetryPolicy(),
                                      shutdown: shutdown)
        let finished = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var failure: (any Error)?
        Thread.detachNewThread {
            do {
                try service.run()
            } catch {
                failure = error
            }
            finished.signal()
        }

        let posts = robot.waitForPosts(4)
        // Give a wrong implementation time to post the silent event or a duplicate.
        Thread.sleep(forTimeInterval: 1)
        shutdown.request()
        #expect(finished.wait(timeout: .now() + 30) == .success)
        #expect(failure == nil)

        #expect(posts.count == 4)
        #expect(robot.posts.count == 4)
        let dingTalk = robot.posts.filter { $0.path == "/robot/send" }
        let weCom = robot.posts.filter { $0.path == "/wecom" }
        #expect(dingTalk.count == 3)
        #expect(weCom.count == 1)
        for post in dingTalk {
            let timestamp = try #require(post.queryValue("timestamp").flatMap { Int64($0) })
            #expect(post.queryValue("sign") == DingTalkSignature.signature(secret: Self.secret,
                                                                            timestampMilliseconds: timestamp))
        }
        let titles = try dingTalk.map { try post(title: $0) }.sorted()
        #expect(titles == ["【严重】监管投诉风险预警", "【严重】监管投诉风险预警", "【高】投诉举报预警"])

        let log = DeliveryLog(database: try Database(path: storePath))
        let records = try log.deliveries()
        #expect(records.count == 4)
        #expect(records.allSatisfy { $0.status == .sent })
        #expect(Set(records.map(\.alertEventId)) == ["alert/1", "alert/2", "alert/3", "alert/4"])

        let letters = try TopicReader(properties: ["bootstrap.servers": broker.bootstrapServers], logger: testLogger)
            .records(of: catalogue.deadLetters)
        #expect(letters.count == 1, "the undecodable record becomes a dead letter, and the watermark none")
    }

    /// Produces a watermark as alerting does: to its partition, without a key, with the watermark schema header.
    private func produceWatermark(_ watermark: Watermark, bootstrap: String) throws {
        let producer = try KafkaProducer(properties: ["bootstrap.servers": bootstrap], logger: testLogger)
        try producer.send(OutgoingRecord(topic: watermark.topic, partition: watermark.partition, key: nil,
                                         value: try EventCoding.encode(watermark),
                                         timestampMilliseconds: watermark.time.epochMilliseconds,
                                         headers: [KafkaHeader(name: EventHeaders.eventId, text: watermark.eventId),
                                                   KafkaHeader(name: EventHeaders.schema, text: "watermark/1")]),
                          tag: 0)
        var delivered = 0
        for _ in 0..<300 where delivered == 0 {
            let reports = try producer.poll(timeoutMilliseconds: 100)
            #expect(reports.allSatisfy { $0.error == nil })
            delivered += reports.count
        }
        #expect(delivered == 1)
    }

    private func post(title post: ReceivedPost) throws -> String {
        try #require(try post.markdown()["title"] as? String)
    }

    private func produce(_ values: [(key: String, value: [UInt8])], to topic: String, bootstrap: String) throws {
        let producer = try KafkaProducer(properties: ["bootstrap.servers": bootstrap], logger: testLogger)
        for (index, entry) in values.enumerated() {
            try producer.send(OutgoingRecord(topic: topic, key: Array(entry.key.utf8), value: entry.value,
                                             timestampMilliseconds: 0,
                                             headers: [KafkaHeader(name: EventHeaders.schema, text: "alert/1")]),
                              tag: Int64(index))
        }
        var delivered = 0
        for _ in 0..<300 where delivered < values.count {
            let reports = try producer.poll(timeoutMilliseconds: 100)
            #expect(reports.allSatisfy { $0.error == nil })
            delivered += reports.count
        }
        #expect(delivered == values.count)
    }
}

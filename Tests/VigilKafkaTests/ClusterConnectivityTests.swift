import Foundation
import Testing
import VigilLog
@testable import VigilKafka

@Suite("Cluster connectivity on the embedded broker", .serialized)
struct ClusterConnectivityTests {
    // Critical only: the outage warnings would clutter the test output.
    let logger = Logger(label: "vigil-connectivity-tests", logLevel: .critical)

    /// Sends one record to each partition, tagged from `tag` on.
    private func send(_ producer: KafkaProducer, topic: String, partitions: Int32, tag: Int64) throws {
        for partition in 0..<partitions {
            try producer.send(OutgoingRecord(topic: topic, partition: partition, key: nil, value: Array("v".utf8),
                                             timestampMilliseconds: 0), tag: tag + Int64(partition))
        }
    }

    /// Polls until every record sent is delivered or `seconds` pass, and returns the tags delivered,
    /// those that ``pollUntil(_:seconds:collecting:_:)`` collected included.
    private func deliveredTags(_ producer: KafkaProducer, seconds: Int, after earlier: Set<Int64> = []) throws -> Set<Int64> {
        var delivered = earlier
        let deadline = ContinuousClock.now + .seconds(seconds)
        while producer.pendingDeliveries > 0, ContinuousClock.now < deadline {
            for report in try producer.poll(timeoutMilliseconds: 100) where report.error == nil {
                delivered.insert(report.tag)
            }
        }
        return delivered
    }

    /// Polls the producer until `condition` is true or `seconds` pass, and returns the condition.
    /// Adds the tags of delivery reports that arrive meanwhile to `delivered`, so none is lost.
    private func pollUntil(_ producer: KafkaProducer, seconds: Int, collecting delivered: inout Set<Int64>,
                           _ condition: () -> Bool) throws -> Bool {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while !condition(), ContinuousClock.now < deadline {
            for report in try producer.poll(timeoutMilliseconds: 100) where report.error == nil {
                delivered.insert(report.tag)
            }
        }
        return condition()
    }

    @Test("all brokers down, then back")
    func wholeClusterOutage() throws {
        let broker = try EmbeddedBroker(brokerCount: 3, logger: logger)
        try broker.createTopic(name: "outage", partitions: 3)
        let producer = try KafkaProducer(properties: ["bootstrap.servers": broker.bootstrapServers], logger: logger)
        let consumer = try KafkaConsumer(properties: ["bootstrap.servers": broker.bootstrapServers], logger: logger)
        let connectivity = ClusterConnectivity.shared(bootstrapServers: broker.bootstrapServers)
        try send(producer, topic: "outage", partitions: 3, tag: 0)
        #expect(try deliveredTags(producer, seconds: 20) == [0, 1, 2])
        #expect(connectivity.isReachable)

        for id in 1...broker.brokerCount {
            try broker.setBroker(id, up: false)
        }
        let cut = ContinuousClock.now
        // The producer reconnects to the leaders it needs, so records in flight make it try.
        try send(producer, topic: "outage", partitions: 3, tag: 10)
        // Producers do not linger, so reports can arrive while the loops below wait.
        var delivered: Set<Int64> = []
        let unreachable = try pollUntil(producer, seconds: 20, collecting: &delivered) { !connectivity.isReachable }
        #expect(unreachable, "no failed attempt made the cluster unreachable")
        #expect(!consumer.isClusterReachable, "the consumer shares the producer's view")
        Thread.sleep(forTimeInterval: 3)

        for id in 1...broker.brokerCount {
            try broker.setBroker(id, up: true)
        }
        let reachable = try pollUntil(producer, seconds: 30, collecting: &delivered) { connectivity.isReachable }
        let downFor = ContinuousClock.now - cut
        #expect(reachable, "no connection came back up")
        try send(producer, topic: "outage", partitions: 3, tag: 20)
        #expect(try deliveredTags(producer, seconds: 30, after: delivered) == [10, 11, 12, 20, 21, 22],
                "nothing sent is lost")

        let outage = try #require(connectivity.lastOutage)
        #expect(outage.failedAttempts > 0)
        #expect(outage.duration >= .seconds(2), "the brokers were down 3 s")
        #expect(outage.duration <= downFor)
    }

    @Test("one broker down leaves cluster reachable")
    func oneBrokerDown() throws {
        let broker = try EmbeddedBroker(brokerCount: 3, logger: logger)
        try broker.createTopic(name: "partial", partitions: 3)
        let producer = try KafkaProducer(properties: ["bootstrap.servers": broker.bootstrapServers], logger: logger)
        let connectivity = ClusterConnectivity.shared(bootstrapServers: broker.bootstrapServers)
        try send(producer, topic: "partial", partitions: 3, tag: 0)
        #expect(try deliveredTags(producer, seconds: 20) == [0, 1, 2])

        try broker.setBroker(1, up: false)
        var delivered: Set<Int64> = []
        let stayed = try pollUntil(producer, seconds: 3, collecting: &delivered) { !connectivity.isReachable }
        try broker.setBroker(1, up: true)

        #expect(!stayed, "one broker down made the whole cluster unreachable")
        #expect(connectivity.lastOutage == nil)
    }
}

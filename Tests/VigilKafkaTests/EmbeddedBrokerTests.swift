import Testing
import VigilLog
@testable import VigilKafka

@Suite("Kafka bridge on the embedded broker")
struct EmbeddedBrokerTests {
    let logger = Logger(label: "vigil-kafka-tests", logLevel: .warning)

    @Test("bootstrap address is on loopback")
    func bootstrapOnLoopback() throws {
        let broker = try EmbeddedBroker(brokerCount: 1, logger: logger)
        let addresses = broker.bootstrapServers.split(separator: ",")
        #expect(addresses.count == 1)
        #expect(addresses.allSatisfy { $0.hasPrefix("127.0.0.1:") })
    }

    @Test("idempotent producer delivers every record once")
    func producerDeliversRecords() throws {
        let broker = try EmbeddedBroker(logger: logger)
        try broker.createTopic(name: "produce-test", partitions: 4)
        let producer = try KafkaProducer(properties: ["bootstrap.servers": broker.bootstrapServers], logger: logger)

        for index in 0..<200 {
            let record = OutgoingRecord(topic: "produce-test", key: Array("key-\(index % 10)".utf8),
                                        value: Array("value-\(index)".utf8), timestampMilliseconds: 1_000 + Int64(index),
                                        headers: [KafkaHeader(name: "vigil.event-id", text: "event-\(index)")])
            try producer.send(record, tag: Int64(index))
        }
        var reports: [DeliveryReport] = []
        for _ in 0..<100 where reports.count < 200 {
            reports += try producer.poll(timeoutMilliseconds: 100)
        }

        #expect(reports.count == 200)
        #expect(reports.allSatisfy { $0.error == nil })
        #expect(Set(reports.map(\.tag)) == Set(0..<200))
        #expect(producer.pendingDeliveries == 0)

        var total: Int64 = 0
        for partition in 0..<Int32(4) {
            let consumer = try KafkaConsumer(properties: ["bootstrap.servers": broker.bootstrapServers], logger: logger)
            total += try consumer.watermarks(TopicPartition(topic: "produce-test", partition: partition)).high
        }
        #expect(total == 200)
    }

    @Test("assigned consumer reads keys, values, timestamps and headers")
    func assignedConsumerReadsRecords() throws {
        let broker = try EmbeddedBroker(brokerCount: 1, logger: logger)
        try broker.createTopic(name: "read-test", partitions: 1)
        let producer = try KafkaProducer(properties: ["bootstrap.servers": broker.bootstrapServers], logger: logger)
        try producer.send(OutgoingRecord(topic: "read-test", key: Array("k".utf8), value: Array("v".utf8),
                                         timestampMilliseconds: 1_700_000_000_123,
                                         headers: [KafkaHeader(name: "h", text: "x")]), tag: 7)
        var reports: [DeliveryReport] = []
        while reports.isEmpty {
            reports = try producer.poll(timeoutMilliseconds: 100)
        }

        let consumer = try KafkaConsumer(properties: ["bootstrap.servers": broker.bootstrapServers], logger: logger)
        try consumer.assign([TopicPartition(topic: "read-test", partition: 0): .beginning])
        var records: [KafkaRecord] = []
        for _ in 0..<50 where records.isEmpty {
            records = try consumer.poll(maxRecords: 10, timeoutMilliseconds: 100)
        }

        let record = try #require(records.first)
        #expect(record.keyString == "k")
        #expect(record.value == Array("v".utf8))
        #expect(record.timestampMilliseconds == 1_700_000_000_123)
        #expect(record.header("h") == "x")
        #expect(record.offset == 0)
    }

    @Test("group consumer starts where the handler says and commits")
    func groupConsumerUsesHandlerOffsets() throws {
        let broker = try EmbeddedBroker(logger: logger)
        try broker.createTopic(name: "group-test", partitions: 2)
        let producer = try KafkaProducer(properties: ["bootstrap.servers": broker.bootstrapServers], logger: logger)
        for index in 0..<20 {
            try producer.send(OutgoingRecord(topic: "group-test", key: Array("key-\(index)".utf8),
                                             value: Array("\(index)".utf8), timestampMilliseconds: 0), tag: Int64(index))
        }
        var delivered = 0
        while delivered < 20 {
            delivered += try producer.poll(timeoutMilliseconds: 100).count
        }

        let handler = RecordingHandler(start: .offset(3))
        let properties = ["bootstrap.servers": broker.bootstrapServers, "group.id": "group-test-group"]
        let consumer = try KafkaConsumer(properties: properties, logger: logger, rebalanceHandler: handler)
        try consumer.subscribe(["group-test"])

        var records: [KafkaRecord] = []
        for _ in 0..<200 where records.count < 14 {
            records += try consumer.poll(maxRecords: 100, timeoutMilliseconds: 100)
        }
        #expect(Set(handler.assigned) == [TopicPartition(topic: "group-test", partition: 0),
                                          TopicPartition(topic: "group-test", partition: 1)])
        #expect(records.count == 14, "20 records minus the first 3 of each partition")
        #expect(records.allSatisfy { $0.offset >= 3 })

        let partition0 = TopicPartition(topic: "group-test", partition: 0)
        try consumer.commit([partition0: 5], synchronously: true)
        #expect(try consumer.committed([partition0]) == [partition0: 5])

        consumer.close()
        #expect(Set(handler.revoked) == Set(handler.assigned))
    }

    @Test("topic listing shows created topics only")
    func topicListing() throws {
        let broker = try EmbeddedBroker(brokerCount: 1, logger: logger)
        try broker.createTopic(name: "listed", partitions: 3)
        let admin = try KafkaAdmin(properties: ["bootstrap.servers": broker.bootstrapServers], logger: logger)
        let topics = try admin.topics()
        #expect(topics["listed"] == 3)
        #expect(topics["never-created"] == nil)
    }

    @Test("invalid property is rejected with its name")
    func invalidProperty() throws {
        let error = #expect(throws: KafkaError.self) {
            _ = try KafkaProducer(properties: ["no.such.property": "secret-value"], logger: logger)
        }
        #expect(error?.message.contains("no.such.property") == true)
        #expect(error?.message.contains("secret-value") == false)
    }
}

private final class RecordingHandler: KafkaRebalanceHandler {
    let start: StartOffset
    var assigned: [TopicPartition] = []
    var revoked: [TopicPartition] = []

    init(start: StartOffset) {
        self.start = start
    }

    func partitionsAssigned(_ partitions: [TopicPartition]) -> [TopicPartition: StartOffset] {
        assigned += partitions
        return Dictionary(uniqueKeysWithValues: partitions.map { ($0, start) })
    }

    func partitionsRevoked(_ partitions: [TopicPartition], lost: Bool) {
        revoked += partitions
    }
}

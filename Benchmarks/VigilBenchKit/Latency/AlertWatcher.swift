import Foundation
import Synchronization
import VigilContracts
import VigilKafka
import VigilLog
import VigilRuntime

/// Reads the alerts topic on a thread of its own, as an alert consumer such
/// as the notifier does, and notes when the first alert of each chat message
/// arrived.
///
/// A keyword alert's event id ends with the event id of the message that
/// raised it (`alert/<category>/message/<site>/<id>`), which ties the
/// arrival to the message without decoding the alert.
public final class AlertWatcher: Sendable {
    private let bootstrap: String
    private let properties: [String: String]
    private let logger: Logger
    private let receipts = Mutex<[String: Int64]>([:])
    private let alertRecords = Atomic<Int>(0)
    private let stopRequested = Atomic<Bool>(false)
    private let failure = Mutex<String?>(nil)

    /// `properties` are librdkafka settings added to the reader's, such as `fetch.wait.max.ms`.
    public init(bootstrap: String, properties: [String: String], logger: Logger) {
        self.bootstrap = bootstrap
        self.properties = properties
        self.logger = logger
    }

    /// When the first alert of each message arrived, by chat-message event id, in ``MonotonicTime`` nanoseconds.
    public var arrivals: [String: Int64] { receipts.withLock { $0 } }
    /// Every alert record read, watermarks left out.
    public var alertCount: Int { alertRecords.load(ordering: .relaxed) }
    /// The error that stopped reading early, if any.
    public var error: String? { failure.withLock { $0 } }

    /// Asks ``run(partitions:)`` to return after its current poll.
    public func stop() {
        stopRequested.store(true, ordering: .releasing)
    }

    /// Reads `partitions` from their start until ``stop()``. Runs on the calling thread.
    public func run(partitions: [TopicPartition]) {
        do {
            var settings = properties
            settings["bootstrap.servers"] = bootstrap
            let consumer = try KafkaConsumer(properties: settings, logger: logger)
            try consumer.assign(Dictionary(uniqueKeysWithValues: partitions.map { ($0, StartOffset.beginning) }))
            while !stopRequested.load(ordering: .acquiring) {
                let records = try consumer.poll(maxRecords: 1_000, timeoutMilliseconds: 20)
                let arrived = MonotonicTime.now()
                var messages: [String] = []
                for record in records {
                    guard let eventId = record.header(EventHeaders.eventId) else { continue }
                    alertRecords.add(1, ordering: .relaxed)
                    if let message = Self.messageEventId(inAlert: eventId) {
                        messages.append(message)
                    }
                }
                if !messages.isEmpty {
                    receipts.withLock { receipts in
                        for message in messages where receipts[message] == nil {
                            receipts[message] = arrived
                        }
                    }
                }
            }
            consumer.close()
        } catch {
            failure.withLock { $0 = String(describing: error) }
        }
    }

    /// Returns the chat-message event id at the end of an alert's event id, or nil for an alert no message raised.
    public static func messageEventId(inAlert eventId: String) -> String? {
        guard let range = eventId.range(of: "message/", options: .backwards) else { return nil }
        return String(eventId[range.lowerBound...])
    }
}

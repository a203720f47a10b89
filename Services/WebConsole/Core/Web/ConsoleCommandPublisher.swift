import Foundation
import VigilContracts
import VigilKafka
import VigilLog
import VigilRuntime

/// Publishes the case commands people send from the console's pages to the
/// case command topic, as `vigil case` does: keyed by the case's thread,
/// with the idempotent producer, waiting for the broker's acknowledgement.
///
/// Safe to use from many HTTP threads at once: one producer, used under a
/// lock, so commands go out one at a time.
public final class ConsoleCommandPublisher: @unchecked Sendable {
    // @unchecked: `producer` is used only under `lock`; the rest is immutable.

    /// How long the broker may take to confirm a command before the page reports a failure.
    public static let deliveryTimeoutMilliseconds = 10_000

    private let producer: KafkaProducer
    private let topic: TopicSpec
    private let shutdown: ShutdownSignal
    private let logger: Logger
    private let lock = NSLock()

    /// Connects a producer with the configuration's client settings and
    /// checks that the case command topic exists.
    /// - Throws: ``KafkaError`` when the producer cannot start or the topic is missing.
    public init(configuration: ServiceConfiguration, shutdown: ShutdownSignal, logger: Logger) throws {
        var properties = configuration.clientProperties
        if properties["message.timeout.ms"] == nil {
            properties["message.timeout.ms"] = String(Self.deliveryTimeoutMilliseconds)
        }
        producer = try KafkaProducer(properties: properties, logger: logger)
        topic = configuration.catalogue.caseCommands
        _ = try TopicCheck.require([topic], on: producer)
        self.shutdown = shutdown
        self.logger = logger
    }

    /// Sends `command` and returns once the broker has confirmed it.
    /// - Throws: the delivery error, or a ``KafkaError`` when shutdown is
    ///   requested before the confirmation.
    public func publish(_ command: CaseCommand) throws {
        try lock.withLock {
            try EventDelivery.send([try EventDelivery.record(command, topic: topic)], with: producer, shutdown: shutdown,
                                   stoppedMessage: "the console stopped before the broker confirmed the command")
        }
        logger.info("case command published", metadata: [
            "vigil.command_id": command.commandId,
            "vigil.case_id": command.caseId,
            "vigil.action": command.action.rawValue,
            "vigil.actor": command.actor,
        ])
    }
}

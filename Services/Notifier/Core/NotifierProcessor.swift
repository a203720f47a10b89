import VigilContracts
import VigilKafka
import VigilLog
import VigilRuntime
import VigilStore

/// Reads alert events and records one delivery per event and robot route,
/// in the transaction that stores the consumed offset.
///
/// Only events whose ``Alert/notifies`` is true are delivered. Repeats,
/// closings and inhibited alerts are skipped. So are events raised longer
/// than the maximum age before the host's clock: a new store or consumer
/// group starts at the beginning of the alerts topic, and its old alerts
/// must not flood the robots. The message body is rendered
/// here, so a delivery posts what was decided when the alert arrived even if
/// the routes file changes later. ``DeliverySender`` does the posting.
///
/// Alerting masks personal numbers in every alert it raises. The notifier
/// masks the event again before it renders the body, so a robot never
/// receives a number from an alert of another producer either.
public final class NotifierProcessor: StreamProcessor {
    private let catalogue: TopicCatalogue
    private let routes: RouteTable
    private let logger: Logger
    private let clock: @Sendable () -> Int64
    private let maxEventAgeMilliseconds: Int64
    private let storeOpened: (String) -> Void
    private var staleSinceReport = 0
    private let masker = PersonalDataMasker()

    /// - Parameters:
    ///   - maxEventAgeMilliseconds: events raised longer ago than this are not delivered.
    ///   - clock: the time stamped on new deliveries, in epoch milliseconds.
    ///   - storeOpened: called with the store's path once it is migrated, so
    ///     the sender can open its own connection to it.
    public init(catalogue: TopicCatalogue, routes: RouteTable, logger: Logger,
                maxEventAgeMilliseconds: Int64 = RetryPolicy().maxAgeMilliseconds,
                clock: @escaping @Sendable () -> Int64 = { WallClock.now().epochMilliseconds },
                storeOpened: @escaping (String) -> Void = { _ in }) {
        self.catalogue = catalogue
        self.routes = routes
        self.logger = logger
        self.clock = clock
        self.maxEventAgeMilliseconds = maxEventAgeMilliseconds
        self.storeOpened = storeOpened
    }

    public var inputTopics: [TopicSpec] { [catalogue.alerts] }
    public var outputTopics: [TopicSpec] { [] }

    public func registerMigrations(in migrator: inout Migrator) {
        DeliverySchema.register(in: &migrator)
    }

    public func open(_ database: Database) throws {
        storeOpened(database.path)
    }

    public func process(_ record: KafkaRecord, context: ProcessingContext) throws {
        let alert = try context.decode(Alert.self, from: record).masked(by: masker)
        guard try context.markApplied(alert.eventId) else { return }
        guard alert.notifies else { return }
        let now = clock()
        guard now - alert.raisedAt.epochMilliseconds <= maxEventAgeMilliseconds else {
            staleSinceReport += 1
            return
        }

        let chosen = routes.routes(for: alert)
        if chosen.isEmpty {
            logger.debug("no route for alert", metadata: [
                "vigil.alert.event": alert.eventId,
                "vigil.team": alert.team ?? "",
                "vigil.site": alert.site,
                "vigil.severity": alert.severity.rawValue,
            ])
        }
        for route in chosen {
            let body = RobotMessage.body(for: alert, kind: route.kind, language: route.language)
            try context.database.run("""
                INSERT OR IGNORE INTO notify_deliveries
                    (alert_event_id, route_id, alert_id, kind, target, severity, body, status, attempts,
                     created_at_ms, next_attempt_at_ms)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?)
                """, [alert.eventId, route.id, alert.id, route.kind.rawValue, route.url.masked,
                      alert.severity.rawValue, body, now, now])
        }
    }

    public func finishBatch(context: ProcessingContext) throws {
        guard staleSinceReport > 0 else { return }
        logger.notice("old alerts not delivered", metadata: [
            "vigil.alerts": String(staleSinceReport),
            "vigil.max-age-ms": String(maxEventAgeMilliseconds),
        ])
        staleSinceReport = 0
    }
}

import VigilContracts
import VigilHTTP
import VigilKafka
import VigilLog
import VigilRuntime

/// `vigil-ingest serve`: the HTTP intake. Server threads hand requests to
/// this loop, which owns the store. It commits each round of requests in one
/// transaction, hands the results back to the waiting threads, and then
/// publishes the outbox.
///
/// A client gets 2xx only after its records are committed to the store, and
/// the outbox survives restarts, so an acknowledged record is never lost.
/// While the broker is unreachable, publishing blocks, the loop stops taking
/// requests, and clients get 503 with Retry-After instead of filling memory.
public final class IngestServer {
    /// The event time follows the wall clock less this allowance for records in flight.
    public var wallClockAllowanceMilliseconds: Int64 = 5_000
    /// How far event time moves between rounds of watermarks: one record per
    /// partition of each watermarked topic every 10 s while the wall clock drives it.
    public var clockIntervalMilliseconds: Int64 = 10_000
    /// True to advance event time with the wall clock when no records arrive.
    public var clockFollowsWallClock = true
    /// How long a request waits for this loop before 503.
    public var submitTimeout: Duration = .seconds(5)
    /// How long publishing may block before new requests get 503 at once.
    public var stallLimit: Duration = .seconds(2)
    /// The requests each site token may make; a token over it gets 429.
    public var rateLimiter = TokenRateLimiter(requestsPerSecond: 50, burst: 100)

    private let configuration: ServiceConfiguration
    private let httpConfiguration: HTTPServerConfiguration
    private let tokens: SiteTokens
    private let maxRecordsPerRequest: Int
    private let shutdown: ShutdownSignal
    private let logger: Logger

    /// The queue between the server's threads and this loop.
    public let queue = IntakeQueue()
    public let counters = IntakeCounters()
    public let metrics = IngestMetrics()

    public init(configuration: ServiceConfiguration, http: HTTPServerConfiguration, tokens: SiteTokens,
                maxRecordsPerRequest: Int, shutdown: ShutdownSignal) {
        self.configuration = configuration
        self.httpConfiguration = http
        self.tokens = tokens
        self.maxRecordsPerRequest = maxRecordsPerRequest
        self.shutdown = shutdown
        self.logger = configuration.logger
    }

    /// Serves until shutdown is requested. `onListening` receives the bound
    /// port once the server accepts connections.
    public func run(onListening: (Int) -> Void = { _ in }) throws {
        let environment = try IntakeEnvironment(
            configuration: configuration,
            clockSource: EventClock.source(serviceName: configuration.serviceName, storePath: configuration.storePath),
            clockIntervalMilliseconds: clockIntervalMilliseconds, counters: counters, shutdown: shutdown)
        var handler = IngestHTTPHandler(tokens: tokens, queue: queue, counters: counters, metrics: metrics,
                                        maxRecordsPerRequest: maxRecordsPerRequest)
        handler.submitTimeout = submitTimeout
        handler.stallLimit = stallLimit
        handler.rateLimiter = rateLimiter
        let server = try HTTPServer(configuration: httpConfiguration, logger: logger, handler: handler)
        logger.info("listening", metadata: [
            "vigil.address": "\(httpConfiguration.host):\(server.port)", "vigil.tokens": String(tokens.entries.count),
        ])
        onListening(server.port)

        var lastRosterPoll = ContinuousClock.now
        while !shutdown.isRequested {
            let jobs = queue.take(timeout: .milliseconds(100))
            if clockFollowsWallClock {
                environment.intake.clock.observe(
                    Timestamp(epochMilliseconds: WallClock.now().epochMilliseconds - wallClockAllowanceMilliseconds))
            }
            do {
                let results = try commit(jobs, environment: environment)
                queue.complete(results)
            } catch {
                queue.fail(jobs)
                throw error
            }
            try publish(environment)
            if ContinuousClock.now - lastRosterPoll > .seconds(5) {
                try environment.pollRoster()
                lastRosterPoll = ContinuousClock.now
            }
        }

        logger.info("shutting down", metadata: [
            "vigil.signal": shutdown.signalName ?? "none",
            "vigil.reason": shutdown.reason ?? "none",
        ])
        // Stop taking requests first: those waiting get 503 and nothing of
        // theirs is stored, so the server's threads return and it can stop.
        queue.close()
        server.stop()
        try environment.publisher.publishPending(shutdown: shutdown)
        let left = try environment.store.outbox.count()
        logger.info("service stopped", metadata: ["vigil.outbox.left": String(left)])
    }

    private func commit(_ jobs: [IntakeQueue.Job],
                        environment: IntakeEnvironment) throws -> [(IntakeQueue.Job, [IntakeOutcome])] {
        let intake = environment.intake
        return try environment.store.database.transaction {
            var results: [(IntakeQueue.Job, [IntakeOutcome])] = []
            for job in jobs {
                let parser = InterchangeParser(fixedKind: job.kind)
                var outcomes: [IntakeOutcome] = []
                outcomes.reserveCapacity(job.records.count)
                for (offset, bytes) in job.records.enumerated() {
                    let source = IntakeSource.http(site: job.scope.label, request: job.request, index: offset + 1)
                    outcomes.append(try intake.offer(bytes, parser: parser, source: source, scope: job.scope))
                }
                results.append((job, outcomes))
            }
            try environment.emitClocksIfDue()
            return results
        }
    }

    private func publish(_ environment: IntakeEnvironment) throws {
        let started = ContinuousClock.now
        queue.setPublishing(true)
        defer { queue.setPublishing(false) }
        let published = try environment.publisher.publishPending(shutdown: shutdown)
        if published > 0 {
            let elapsed = ContinuousClock.now - started
            metrics.observePublish(seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        }
        metrics.setOutboxDepth(try environment.store.outbox.count())
        metrics.setEventTime(environment.intake.clock.time)
    }
}

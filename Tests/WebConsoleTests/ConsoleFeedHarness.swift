import Foundation
import Synchronization
import VigilContracts
import VigilKafka
import VigilLog
import VigilRuntime
import VigilTestSupport
import WebConsole

/// The console's feed and read model on an embedded broker with topics under
/// a unique prefix, and a store in a temporary folder.
final class ConsoleFeedHarness {
    let topics: EmbeddedTopics
    let storePath: String
    let logger = Logger(label: "vigil-console-tests", logLevel: .critical)

    init() throws {
        topics = try EmbeddedTopics()
        storePath = topics.folder.appendingPathComponent("console.sqlite").path
    }

    var catalogue: TopicCatalogue { topics.catalogue }

    // MARK: - Publishing

    /// Publishes `events` to `topic` as Vigil's services write them, in order.
    func publish<Event: VigilEvent>(_ events: [Event], to topic: TopicSpec) throws {
        try topics.produce(events.map { try EmbeddedTopics.record($0, to: topic) })
    }

    /// Publishes the fixture roster.
    func publishRoster() throws {
        try publish(ConsoleFixtures.roster, to: catalogue.roster)
    }

    // MARK: - Running

    /// Opens a read model on the store.
    func readModel() throws -> ConsoleReadModel {
        try ConsoleReadModel(path: storePath)
    }

    /// Runs a new feed on the store until `done` returns true, waits `settle`
    /// seconds more so that records applied twice would show, stops it and returns it.
    ///
    /// - Throws: the feed's error, or ``HarnessTimeout`` when `done` stayed false for 30 s.
    @discardableResult
    func runFeed(settle: Double = 0,
                 until done: (ConsoleFeed, ConsoleReadModel) throws -> Bool) throws -> ConsoleFeed {
        let configuration = try topics.configuration(serviceName: "vigil-console", store: "console.sqlite")
        let feed = try ConsoleFeed(configuration: configuration, storePath: storePath, logger: logger)
        let model = try readModel()
        let shutdown = ShutdownSignal(signals: [])
        let finished = DispatchSemaphore(value: 0)
        let failure = Mutex<(any Error)?>(nil)
        Thread.detachNewThread {
            do {
                try feed.run(until: shutdown)
            } catch {
                failure.withLock { $0 = error }
            }
            finished.signal()
        }

        var met = false
        var checkFailure: (any Error)?
        let deadline = Date().addingTimeInterval(30)
        while !met, Date() < deadline, failure.withLock({ $0 }) == nil {
            do {
                met = try done(feed, model)
            } catch {
                checkFailure = error
                break
            }
            if !met {
                Thread.sleep(forTimeInterval: 0.1)
            }
        }
        if met, settle > 0 {
            Thread.sleep(forTimeInterval: settle)
        }

        shutdown.request()
        guard finished.wait(timeout: .now() + 30) == .success else {
            throw HarnessTimeout(message: "the feed did not stop within 30 s of the shutdown request")
        }
        if let error = failure.withLock({ $0 }) ?? checkFailure {
            throw error
        }
        guard met else {
            throw HarnessTimeout(message: "the feed did not reach the expected state within 30 s "
                + "(applied \(feed.appliedRecords), skipped \(feed.skippedRecords))")
        }
        return feed
    }

    /// Runs a new feed until it has applied or skipped `count` records.
    @discardableResult
    func runFeed(handling count: Int, settle: Double = 0) throws -> ConsoleFeed {
        try runFeed(settle: settle) { feed, _ in feed.appliedRecords + feed.skippedRecords >= count }
    }
}

/// The feed did not reach a state or did not stop in time.
struct HarnessTimeout: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

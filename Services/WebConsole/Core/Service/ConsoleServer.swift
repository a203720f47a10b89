import Foundation
import VigilHTTP
import VigilLog
import VigilRuntime

/// Runs the console: the feed that keeps the read model current, on a
/// thread of its own, and the web server that reads it.
///
/// The two share nothing but the SQLite file: the feed is its only writer,
/// and requests read through a pool of connections of their own. A stop
/// (SIGTERM, SIGINT) reaches both at once: the feed commits its current
/// batch and returns, and the web server stops within half a second,
/// ending the open event streams. The feed's connection closes only after
/// the web server has stopped. A feed that fails (a damaged store, a disk
/// full) stops the web server too, because pages that silently stop moving
/// would mislead the people watching them.
final class ConsoleServer {
    private let configuration: ServiceConfiguration
    private let http: HTTPServerConfiguration
    private let tokens: ConsoleTokens
    private let settings: ConsoleWebSettings
    private let shutdown: ShutdownSignal

    init(configuration: ServiceConfiguration, http: HTTPServerConfiguration, tokens: ConsoleTokens,
         settings: ConsoleWebSettings, shutdown: ShutdownSignal) {
        self.configuration = configuration
        self.http = http
        self.tokens = tokens
        self.settings = settings
        self.shutdown = shutdown
    }

    /// Serves until a stop is requested. `onListening` gets the bound port
    /// once the server accepts connections. Throws what stopped the feed.
    func run(onListening: (Int) -> Void) throws {
        let logger = configuration.logger

        // The feed creates and migrates the store before any page opens it.
        let feed = try ConsoleFeed(configuration: configuration, storePath: configuration.storePath, logger: logger)
        let model = try ConsoleReadModel(path: configuration.storePath)
        let feedResult = FeedResult()
        let feedThread = Thread { [shutdown] in
            do {
                try feed.run(until: shutdown)
            } catch {
                feedResult.store(error)
                shutdown.request(reason: "the console feed failed")
            }
            feedResult.finish()
        }
        feedThread.name = "vigil-console-feed"
        feedThread.start()

        let server: HTTPServer
        do {
            let commands = try ConsoleCommandPublisher(configuration: configuration, shutdown: shutdown, logger: logger)
            let handler = ConsoleHandler(readModel: model, tokens: tokens, commands: commands, settings: settings,
                                         logger: logger)
            server = try HTTPServer(configuration: http, logger: logger, handler: handler)
        } catch {
            shutdown.request(reason: "the web server did not start")
            feedResult.wait()
            throw error
        }
        logger.notice("console listening", metadata: [
            "vigil.http.host": http.host,
            "vigil.http.port": String(server.port),
            "vigil.store": configuration.storePath,
        ])
        onListening(server.port)

        // MARK: - Stopping

        while !shutdown.isRequested {
            shutdown.sleep(milliseconds: 500)
        }
        // Open event streams end within a moment of the stop.
        server.stop()
        feedResult.wait()
        if let failure = feedResult.failure {
            throw failure
        }
        logger.notice("service stopped", metadata: ["vigil.reason": shutdown.reason ?? "stop requested"])
    }
}

/// The outcome of the feed thread, for the thread that waits for it.
private final class FeedResult: @unchecked Sendable {
    private let condition = NSCondition()
    private var finished = false
    private(set) var failure: (any Error)?

    func store(_ error: any Error) {
        condition.lock()
        failure = error
        condition.unlock()
    }

    func finish() {
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    func wait() {
        condition.lock()
        while !finished {
            condition.wait()
        }
        condition.unlock()
    }
}

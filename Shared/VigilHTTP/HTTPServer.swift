import Foundation
import VigilLog

/// An HTTP/1.1 server on libmicrohttpd that hands whole requests to an
/// ``HTTPHandler``.
///
/// The server listens as soon as it is created and serves on
/// libmicrohttpd's own threads, so the creating thread is free at once.
/// libmicrohttpd parses the protocol and handles keep-alive,
/// `Expect: 100-continue`, chunked bodies and HEAD. It responds to some
/// requests without calling the handler. A malformed request line, header
/// line, `Content-Length` or chunk gets 400. An HTTP version other than 1.0
/// and 1.1 gets 505, and a head over its 32 KiB per-connection memory gets
/// 431. The server itself answers 400 to an ambiguous body length. It
/// closes a request line without any space without a response. It runs in
/// its tolerant mode, the one it recommends for production, so it accepts
/// HTTP/1.1 without `Host`. The server adds the body limits and decides
/// nothing about routes or methods; that is the handler's job. ``stop()``
/// or the end of the last reference stops it.
public final class HTTPServer: @unchecked Sendable {
    // @unchecked: the daemon is reached only under `lock`; the rest is immutable.

    /// The configuration the server started with.
    public let configuration: HTTPServerConfiguration
    /// The port it listens on, which the system picked when the configuration gave 0.
    public let port: Int

    private let context: MHDServerContext
    private let lock = NSLock()
    private var daemon: MHDDaemon?

    /// Starts listening and serving.
    ///
    /// - Throws: ``HTTPServerError`` when the configuration is invalid or the
    ///   address cannot be bound; the message then carries the system's
    ///   reason, e.g. "Address already in use".
    public init(configuration: HTTPServerConfiguration = HTTPServerConfiguration(), logger: Logger,
                handler: some HTTPHandler) throws(HTTPServerError) {
        let context = MHDServerContext(handler: handler, logger: logger,
                                       maxBodyBytes: configuration.maxBodyBytes,
                                       maxDiscardedBodyBytes: configuration.maxDiscardedBodyBytes,
                                       streamsAllowed: configuration.threading == .threadPerConnection,
                                       idleTimeoutSeconds: configuration.connectionTimeoutSeconds)
        let daemon = try MHDDaemon(configuration: configuration, context: context)
        self.configuration = configuration
        self.context = context
        self.daemon = daemon
        self.port = daemon.port
        logger.info("HTTP server listening", metadata: [
            "vigil.http.host": configuration.host,
            "vigil.http.port": String(daemon.port),
        ])
    }

    /// Starts a server whose every request goes to `respond`.
    public convenience init(configuration: HTTPServerConfiguration = HTTPServerConfiguration(), logger: Logger,
                            respond: @escaping @Sendable (HTTPRequest) -> HTTPResponse) throws(HTTPServerError) {
        try self.init(configuration: configuration, logger: logger, handler: ClosureHandler(body: respond))
    }

    deinit {
        stop()
    }

    /// Stops listening, closes every connection (clients in the middle of a
    /// request get no response, streamed bodies end within about 200 ms) and
    /// returns once the handlers still running have returned. Calling it again does nothing. It must not be called
    /// from a handler, which would wait for itself.
    public func stop() {
        lock.withLock {
            guard let daemon else { return }
            context.beginStop()
            daemon.stop()
            self.daemon = nil
            context.logger.info("HTTP server stopped", metadata: ["vigil.http.port": String(port)])
        }
    }

    /// True until ``stop()``.
    public var isRunning: Bool {
        lock.withLock { daemon != nil }
    }

    /// The number of requests whose head has arrived and that have not ended
    /// yet (reading a body, in a handler, or sending the response), for a
    /// `/metrics` gauge.
    public var requestsInProgress: Int {
        context.requestsInProgress
    }
}

/// The listening address and the limits of an ``HTTPServer``.
public struct HTTPServerConfiguration: Sendable, Equatable {
    /// The assignment of libmicrohttpd's threads to connections. Handlers run on these threads.
    public enum Threading: Sendable, Equatable {
        /// One thread per connection, created when the client connects. A
        /// handler that blocks (waiting for Kafka, say) holds up only its own
        /// client, so `/healthz` stays responsive and a long-lived stream
        /// needs no special care. The thread count is bounded by
        /// ``HTTPServerConfiguration/connectionLimit``.
        case threadPerConnection
        /// A fixed number of threads (at least 1), each polling its share of
        /// the connections. A handler that blocks holds up every connection
        /// of its thread, so use this only for handlers that return quickly.
        case pool(threads: Int)
    }

    /// The numeric address to bind: `127.0.0.1` (the default, local only),
    /// `0.0.0.0` for every IPv4 interface, or an IPv6 address such as `::1`.
    /// `::` accepts IPv6 connections only. Host names are rejected, so the
    /// server never binds an address the operator did not write down.
    public var host: String
    /// The TCP port. 0 lets the system pick a free one, which
    /// ``HTTPServer/port`` then reports.
    public var port: Int
    /// The maximum body size in bytes. A larger declared `Content-Length`
    /// gets 413 before the body is read. A chunked body that grows past it
    /// is no longer kept (see ``maxDiscardedBodyBytes``). Bodies stay in
    /// memory until the handler returns, so the worst case is about
    /// ``connectionLimit`` times this.
    public var maxBodyBytes: Int
    /// The number of bytes of a chunked body beyond ``maxBodyBytes`` that
    /// the server reads and discards to reach the end of the body and
    /// respond with 413. libmicrohttpd 0.9.75 cannot queue a response while a
    /// body is still arriving, so a chunked body that runs past this
    /// allowance too makes the server close the connection without a response.
    public var maxDiscardedBodyBytes: Int
    /// The maximum number of open connections. libmicrohttpd accepts and
    /// immediately closes any connection beyond it, without an HTTP response.
    public var connectionLimit: Int
    /// The maximum number of open connections from one client address, so
    /// one client holding slow connections cannot take them all; 0 for no
    /// limit, which suits a server behind a proxy whose address every
    /// request shares. libmicrohttpd closes a connection beyond it at once.
    public var perAddressConnectionLimit: Int
    /// The seconds a connection may stay idle (no bytes in either direction)
    /// before libmicrohttpd closes it. 0 disables the timeout, which lets
    /// idle clients hold connections forever.
    public var connectionTimeoutSeconds: Int
    /// The thread model.
    public var threading: Threading

    public init(host: String = "127.0.0.1",
                port: Int = 0,
                maxBodyBytes: Int = 8 << 20,
                maxDiscardedBodyBytes: Int = 1 << 20,
                connectionLimit: Int = 128,
                perAddressConnectionLimit: Int = 0,
                connectionTimeoutSeconds: Int = 30,
                threading: Threading = .threadPerConnection) {
        self.host = host
        self.port = port
        self.maxBodyBytes = maxBodyBytes
        self.maxDiscardedBodyBytes = maxDiscardedBodyBytes
        self.connectionLimit = connectionLimit
        self.perAddressConnectionLimit = perAddressConnectionLimit
        self.connectionTimeoutSeconds = connectionTimeoutSeconds
        self.threading = threading
    }
}

import CMicroHTTPD
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Owns one `MHD_Daemon`: starts it listening and stops it.
///
/// Not thread-safe: ``HTTPServer`` serialises the calls. Stopping comes
/// before the context goes away, because libmicrohttpd's threads and the
/// request-completed callbacks that run while it stops still use it.
final class MHDDaemon {
    let context: MHDServerContext
    /// The bound port, which the system picked when the configuration gave 0.
    let port: Int
    private var handle: OpaquePointer?

    init(configuration: HTTPServerConfiguration, context: MHDServerContext) throws(HTTPServerError) {
        let endpoint = "\(configuration.host):\(configuration.port)"
        guard let port = UInt16(exactly: configuration.port) else {
            throw HTTPServerError(message: "could not listen on \(endpoint): invalid port, expected 0 to 65535")
        }
        guard let address = MHDSocketAddress(host: configuration.host, port: port) else {
            throw HTTPServerError(message: "could not listen on \(endpoint): invalid host \"\(configuration.host)\", "
                                  + "expected a numeric IPv4 or IPv6 address such as 127.0.0.1")
        }
        let limits = [
            ("maxBodyBytes", configuration.maxBodyBytes),
            ("maxDiscardedBodyBytes", configuration.maxDiscardedBodyBytes),
            ("connectionTimeoutSeconds", configuration.connectionTimeoutSeconds),
            ("connectionLimit", configuration.connectionLimit - 1),
        ]
        if let (name, _) = limits.first(where: { $0.1 < 0 }) {
            let minimum = name == "connectionLimit" ? 1 : 0
            throw HTTPServerError(message: "could not listen on \(endpoint): invalid \(name), expected at least \(minimum)")
        }

        var flags = MHD_USE_ERROR_LOG.rawValue | MHD_USE_INTERNAL_POLLING_THREAD.rawValue | MHD_USE_AUTO.rawValue
        var poolSize: UInt32 = 0
        switch configuration.threading {
        case .threadPerConnection:
            flags |= MHD_USE_THREAD_PER_CONNECTION.rawValue
        case .pool(let threads):
            guard threads >= 1 else {
                throw HTTPServerError(message: "could not listen on \(endpoint): invalid thread pool size \(threads), expected at least 1")
            }
            // A pool of 1 is the single internal polling thread.
            poolSize = UInt32(clamping: threads)
        }
        if address.isIPv6 {
            flags |= MHD_USE_IPv6.rawValue
        }

        self.context = context
        var failure: Int32 = 0
        let started = address.withSockaddr { sockaddr in
            vigil_mhd_start_daemon(flags, sockaddr,
                                   UInt32(clamping: configuration.connectionLimit),
                                   UInt32(clamping: configuration.perAddressConnectionLimit),
                                   UInt32(clamping: configuration.connectionTimeoutSeconds),
                                   poolSize,
                                   mhdAccessHandler, context.opaque,
                                   mhdRequestCompleted, context.opaque,
                                   mhdLogCallback, context.opaque,
                                   &failure)
        }
        let messages = context.finishStart()

        guard let started else {
            var reason = messages.joined(separator: "; ")
            if reason.isEmpty {
                reason = failure != 0 ? String(cString: strerror(failure)) : "libmicrohttpd gave no reason"
            }
            throw HTTPServerError(message: "could not listen on \(endpoint): \(reason)",
                                  systemError: failure != 0 ? failure : nil)
        }
        self.handle = started
        self.port = Int(vigil_mhd_daemon_port(started))
        for message in messages {
            context.logger.info("libmicrohttpd message", metadata: ["vigil.http.message": message])
        }
    }

    deinit {
        stop()
    }

    /// Closes the listening socket and every connection, waits for the
    /// handlers still running, and joins libmicrohttpd's threads.
    func stop() {
        guard let handle else { return }
        self.handle = nil
        MHD_stop_daemon(handle)
    }
}

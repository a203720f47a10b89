import CMicroHTTPD
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The connection state that the producer of an ``HTTPResponseStream`` reads:
/// whether the stream must end, and a wait that ends early when it must.
///
/// The stream must end when the server is stopping or the client has closed
/// the connection. Used on the connection's thread only, so not Sendable.
public final class HTTPStreamContext {
    /// The maximum single sleep inside ``wait(seconds:)``, so that a stopping
    /// server is noticed within this time even when its socket stays quiet.
    static let checkIntervalMilliseconds: Int32 = 200

    private let server: MHDServerContext
    /// The connection's socket, polled and never read; -1 when libmicrohttpd did not report it.
    private let socket: Int32
    private var clientGone = false

    init(server: MHDServerContext, socket: Int32) {
        self.server = server
        self.socket = socket
    }

    /// True once the server is stopping or the client has closed the connection.
    public var isCancelled: Bool {
        server.isStopping || clientHasGone(waitingMilliseconds: 0)
    }

    /// Waits up to `seconds` and returns true, or returns false as soon as the
    /// stream must end (see ``isCancelled``).
    public func wait(seconds: Double) -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now + .milliseconds(Int64(max(seconds, 0) * 1000))
        while true {
            if server.isStopping {
                return false
            }
            let left = clock.now.duration(to: deadline)
            guard left > .zero else { return true }
            let milliseconds = Int32(min(Double(Self.checkIntervalMilliseconds), (left / .milliseconds(1)).rounded(.up)))
            if clientHasGone(waitingMilliseconds: milliseconds) {
                return false
            }
        }
    }

    /// Polls the socket for the peer's close (or for libmicrohttpd shutting
    /// it down while the server stops) for up to `waitingMilliseconds`.
    /// Bytes the client sends do not count: they stay unread for libmicrohttpd.
    private func clientHasGone(waitingMilliseconds: Int32) -> Bool {
        if clientGone {
            return true
        }
        guard socket >= 0 else {
            if waitingMilliseconds > 0 {
                usleep(UInt32(waitingMilliseconds) * 1000)
            }
            return false
        }
        let peerClosed = vigil_poll_peer_closed_event()
        let closeEvents = peerClosed | Int16(POLLHUP) | Int16(POLLERR) | Int16(POLLNVAL)
        var entry = pollfd(fd: socket, events: peerClosed, revents: 0)
        let result = poll(&entry, 1, waitingMilliseconds)
        if result > 0, entry.revents & closeEvents != 0 {
            clientGone = true
        }
        return clientGone
    }
}

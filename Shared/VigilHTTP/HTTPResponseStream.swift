/// A response body that a producer writes piece by piece while the response
/// is sent, such as a stream of server-sent events.
///
/// libmicrohttpd calls the producer on the connection's thread whenever it
/// can send more, until the producer returns nil, and sends the pieces with
/// chunked encoding (HTTP/1.0 clients get the bytes until the connection
/// closes). The producer may block while it waits for data, but it should
/// wait through ``HTTPStreamContext/wait(seconds:)``. That wait returns early
/// when the server stops or the client closes the connection, so the stream
/// ends promptly and ``HTTPServer/stop()`` does not wait for it. An empty piece
/// means nothing to send yet: the server waits 50 ms and calls the producer again.
///
/// The connection's idle timeout (``HTTPServerConfiguration/connectionTimeoutSeconds``)
/// is off while the body streams and back on when the producer returns nil.
/// A client that vanishes without closing its connection (a network cut) is
/// noticed only when a write fails, so a producer should send something,
/// such as an event-stream comment, every few seconds.
///
/// A stream needs ``HTTPServerConfiguration/Threading/threadPerConnection``.
/// In the pool mode a blocked producer would hold up every other connection
/// of its thread, so the server logs an error and sends 500 instead.
public final class HTTPResponseStream: Sendable, Equatable {
    /// Returns the next piece of the body, blocking as long as it needs, or nil at the end.
    public typealias Producer = @Sendable (HTTPStreamContext) -> [UInt8]?

    let producer: Producer

    public init(_ producer: @escaping Producer) {
        self.producer = producer
    }

    /// Two streams are equal only when they are the same object.
    public static func == (lhs: HTTPResponseStream, rhs: HTTPResponseStream) -> Bool {
        lhs === rhs
    }
}

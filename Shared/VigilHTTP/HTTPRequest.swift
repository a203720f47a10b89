/// A complete request: its head and the whole body.
///
/// The body is at most ``HTTPServerConfiguration/maxBodyBytes`` long; the
/// server responds with 413 to anything longer without calling the handler.
public struct HTTPRequest: Sendable, Equatable {
    /// Request line, headers and peer address.
    public var head: HTTPRequestHead
    /// The body bytes, empty when the request has none.
    public var body: [UInt8]

    public init(head: HTTPRequestHead, body: [UInt8] = []) {
        self.head = head
        self.body = body
    }

    /// The method, e.g. `POST`.
    public var method: String { head.method }
    /// The percent-decoded path without the query string.
    public var path: String { head.path }
    /// The query items in order.
    public var query: [HTTPRequestHead.QueryItem] { head.query }
    /// The request headers, looked up without regard to case.
    public var headers: HTTPHeaders { head.headers }
    /// The client's IP address.
    public var remoteAddress: String { head.remoteAddress }
}

/// Responds to the requests of an ``HTTPServer``.
///
/// Every method runs on one of libmicrohttpd's threads, several at once for
/// different connections, so an implementation must be safe to call
/// concurrently. While a method runs, its connection waits. In the thread
/// pool mode the other connections of that thread wait too (see
/// ``HTTPServerConfiguration/Threading``). The methods cannot throw, so turn
/// failures into 4xx or 5xx responses. Never call ``HTTPServer/stop()`` from
/// here, because stopping waits for these threads.
public protocol HTTPHandler: Sendable {
    /// Decides on the head alone, before any body byte is read.
    ///
    /// Return a response to send at once, e.g. 401 for a missing token or
    /// 404 for an unknown path, or nil to read the body and call
    /// ``respond(to:)``. When the request declares a body, libmicrohttpd
    /// sends the response without reading the body and then closes the
    /// connection (with `Connection: close`). A request without a body keeps
    /// its connection open. A client that sent `Expect: 100-continue` gets
    /// `100 Continue` only after this returns nil, so a rejected client never
    /// sends its body. The default returns nil.
    func earlyResponse(for head: HTTPRequestHead) -> HTTPResponse?

    /// Responds to a request whose body has arrived whole and within the limit.
    func respond(to request: HTTPRequest) -> HTTPResponse

    /// Returns the response to a body longer than `limit` bytes. The default
    /// is a plain-text 413 that states the limit.
    func bodyTooLarge(_ head: HTTPRequestHead, limit: Int) -> HTTPResponse
}

extension HTTPHandler {
    public func earlyResponse(for head: HTTPRequestHead) -> HTTPResponse? {
        nil
    }

    public func bodyTooLarge(_ head: HTTPRequestHead, limit: Int) -> HTTPResponse {
        .text(413, "Request body is larger than the limit of \(limit) bytes.\n")
    }
}

/// The part of a request that arrives before its body: request line,
/// headers and the peer's address.
///
/// ``HTTPHandler/earlyResponse(for:)`` receives it alone, so a handler can
/// reject a request (401, 403, 404, 405) before a byte of the body is read.
public struct HTTPRequestHead: Sendable, Equatable {
    /// One `name=value` pair of the query string.
    public struct QueryItem: Sendable, Equatable {
        /// The name, percent-decoded.
        public var name: String
        /// The value, percent-decoded; nil for a bare `?name` without `=`.
        public var value: String?

        public init(name: String, value: String?) {
            self.name = name
            self.value = value
        }
    }

    /// The method as the client sent it, e.g. `POST`. Methods are case-sensitive.
    public var method: String
    /// The path without the query string, percent-decoded by libmicrohttpd.
    public var path: String
    /// The query items in order.
    public var query: [QueryItem]
    /// The HTTP version, e.g. `HTTP/1.1`.
    public var version: String
    /// The request headers.
    public var headers: HTTPHeaders
    /// The client's IP address (`127.0.0.1`, `::1`), or an empty string when
    /// the socket does not tell. A proxy in front of the server shows here
    /// instead of the client.
    public var remoteAddress: String

    public init(method: String, path: String, query: [QueryItem] = [], version: String = "HTTP/1.1",
                headers: HTTPHeaders = HTTPHeaders(), remoteAddress: String = "") {
        self.method = method
        self.path = path
        self.query = query
        self.version = version
        self.headers = headers
        self.remoteAddress = remoteAddress
    }

    /// Returns the first value of the named query item, or nil when it is absent or bare.
    public func queryValue(_ name: String) -> String? {
        query.first { $0.name == name }?.value
    }

    /// The declared body length, or nil when the request has no valid
    /// `Content-Length` (a chunked body, or no body). libmicrohttpd has
    /// already responded with 400 to a request whose length does not parse.
    public var contentLength: Int? {
        guard let text = headers["Content-Length"], let length = Int(text), length >= 0 else { return nil }
        return length
    }

    /// True when the body arrives in chunks of unknown total length.
    public var isChunked: Bool {
        headers.values(for: "Transfer-Encoding").contains { $0.lowercased().contains("chunked") }
    }
}

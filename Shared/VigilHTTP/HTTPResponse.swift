import Foundation

/// A complete response: status, headers and body.
///
/// libmicrohttpd writes the status line with the standard reason phrase,
/// `Content-Length`, `Date` and the connection headers itself, so the server
/// drops `Content-Length`, `Transfer-Encoding` and `Connection` from
/// ``headers``. It also drops, with a warning in the log, any header whose
/// name or value contains CR, LF or NUL, because such a header could forge
/// further headers, and any header with an empty value, which libmicrohttpd
/// 0.9.75 rejects. A status outside 200…599 is sent as 500.
public struct HTTPResponse: Sendable, Equatable {
    /// The status code, e.g. 200 or 413.
    public var status: Int
    /// Headers to send, e.g. `Content-Type` and `Retry-After`.
    public var headers: HTTPHeaders
    /// The body bytes. A HEAD request gets the headers only.
    public var body: [UInt8]
    /// A body written while it is sent, in place of ``body``; nil for a complete body.
    public var stream: HTTPResponseStream?

    public init(status: Int, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// Creates a response whose body `stream` writes while it is sent.
    public init(status: Int, headers: HTTPHeaders = HTTPHeaders(), stream: HTTPResponseStream) {
        self.status = status
        self.headers = headers
        self.body = []
        self.stream = stream
    }

    // MARK: - Bodies

    /// Returns a plain-text response in UTF-8.
    public static func text(_ status: Int, _ text: String) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Content-Type": "text/plain; charset=utf-8"], body: Array(text.utf8))
    }

    /// Returns a response whose body is JSON that the caller has already encoded.
    public static func json(_ status: Int, bytes: [UInt8]) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Content-Type": "application/json"], body: bytes)
    }

    /// Returns a response whose body is `value` encoded as JSON with sorted
    /// keys, so the same value always gives the same bytes.
    public static func json(_ status: Int, _ value: some Encodable) throws -> HTTPResponse {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return json(status, bytes: Array(try encoder.encode(value)))
    }

    // MARK: - Headers

    /// Returns this response with one more header, replacing any earlier header of that name.
    public func header(_ name: String, _ value: String) -> HTTPResponse {
        var copy = self
        copy.headers.replace(name: name, value: value)
        return copy
    }

    /// Returns this response with `Retry-After` in whole seconds: the time a
    /// client rejected with 429 or 503 should wait before it retries.
    public func retryAfter(seconds: Int) -> HTTPResponse {
        header("Retry-After", String(max(0, seconds)))
    }
}

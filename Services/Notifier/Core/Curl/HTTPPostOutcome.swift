/// The result of one HTTP POST: a response with any status, or no response at all.
enum HTTPPostOutcome: Sendable, Equatable {
    /// The server responded, and `body` contains at most the client's response limit.
    case response(status: Int, body: [UInt8])
    /// No response arrived: the connection failed, timed out or was cut.
    case transportFailure(HTTPTransportFailure)
}

/// A request that got no HTTP response, with libcurl's reason.
struct HTTPTransportFailure: Error, Sendable, Equatable {
    /// libcurl's CURLcode.
    var code: Int
    /// libcurl's error message, which may name the host. The sender redacts the webhook's secrets before storing it.
    var message: String
    /// True when the connect or total timeout ran out.
    var isTimeout: Bool
    /// True when trying again cannot help: the URL is malformed or its scheme unsupported.
    var isPermanent: Bool
}

/// The reason an HTTP request body was rejected as a whole, before any record was read.
public struct RequestBodyError: Error, CustomStringConvertible, Equatable {
    /// The kinds of whole-request failures, each with its HTTP status.
    public enum Kind: Sendable, Equatable {
        /// The Content-Type is neither JSON nor NDJSON, or its charset is not UTF-8: 415.
        case unsupportedMediaType
        /// The body is not a JSON array or NDJSON, or the array is broken: 400.
        case malformed
        /// The body contains more records than the server accepts in one request: 413.
        case tooManyRecords
    }

    public var kind: Kind
    /// The reason and what to send instead, in English, for the integrator who reads the response.
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// The HTTP status code of the response.
    public var httpStatus: Int {
        switch kind {
        case .unsupportedMediaType: 415
        case .malformed: 400
        case .tooManyRecords: 413
        }
    }

    public var description: String { message }
}

import Foundation
import VigilContracts
import VigilHTTP
import VigilLog

/// The HTTP front of ingestion: `POST /v1/messages`, `/v1/complaints`,
/// `/v1/orders` and `/v1/roster` with a site's bearer token, plus
/// `GET /healthz` and `GET /metrics`.
///
/// Runs on the server's threads. The handler rejects requests as a whole
/// (unknown path, missing token, wrong content type, intake stalled) from the
/// head alone, before the body is read. Accepted bodies are cut into records
/// here and handed to the intake thread through the ``IntakeQueue``.
public struct IngestHTTPHandler: HTTPHandler {
    /// The ingestion endpoints and the record kind each takes.
    static let routes: [String: RecordKind] = [
        "/v1/messages": .message, "/v1/complaints": .complaint, "/v1/orders": .order, "/v1/roster": .roster,
    ]

    /// Seconds a client should wait before retrying a 503.
    public var retryAfterSeconds = 5
    /// How long a request waits for the intake thread before 503.
    public var submitTimeout: Duration = .seconds(5)
    /// How long publishing may block before new requests get 503 at once.
    public var stallLimit: Duration = .seconds(2)
    /// The requests each token may make; nil for no limit.
    public var rateLimiter: TokenRateLimiter?

    private let tokens: SiteTokens
    private let queue: IntakeQueue
    private let counters: IntakeCounters
    private let metrics: IngestMetrics
    private let splitter: RequestBodySplitter

    public init(tokens: SiteTokens, queue: IntakeQueue, counters: IntakeCounters, metrics: IngestMetrics,
                maxRecordsPerRequest: Int) {
        self.tokens = tokens
        self.queue = queue
        self.counters = counters
        self.metrics = metrics
        self.splitter = RequestBodySplitter(maxRecords: maxRecordsPerRequest)
    }

    // MARK: - HTTPHandler

    public func earlyResponse(for head: HTTPRequestHead) -> HTTPResponse? {
        let response = decideOnHead(head)
        if let response {
            metrics.countResponse(status: response.status)
        }
        return response
    }

    public func respond(to request: HTTPRequest) -> HTTPResponse {
        let response = ingest(request)
        metrics.countResponse(status: response.status)
        return response
    }

    public func bodyTooLarge(_ head: HTTPRequestHead, limit: Int) -> HTTPResponse {
        metrics.countResponse(status: 413)
        return error(413, "body-too-large", "the body is larger than the limit of \(limit) bytes; send fewer records per request")
    }

    // MARK: - Heads

    private func decideOnHead(_ head: HTTPRequestHead) -> HTTPResponse? {
        switch head.path {
        case "/healthz":
            guard head.method == "GET" || head.method == "HEAD" else { return methodNotAllowed("GET") }
            return queue.isResponsive(within: stallLimit)
                ? .text(200, "ok\n")
                : unavailable("the intake is not keeping up: the broker is slow or unreachable")
        case "/metrics":
            guard head.method == "GET" || head.method == "HEAD" else { return methodNotAllowed("GET") }
            var response = HTTPResponse.text(200, metrics.render(counters: counters))
            response.headers.replace(name: "Content-Type", value: "text/plain; version=0.0.4; charset=utf-8")
            return response
        default:
            break
        }
        guard Self.routes[head.path] != nil else {
            return error(404, "not-found", "no such endpoint; use POST /v1/messages, /v1/complaints, /v1/orders or /v1/roster")
        }
        guard head.method == "POST" else { return methodNotAllowed("POST") }
        guard let entry = authorize(head) else {
            var response = error(401, "unauthorized", "send the site's token as Authorization: Bearer <token>")
            response.headers.replace(name: "WWW-Authenticate", value: "Bearer")
            return response
        }
        if let wait = rateLimiter?.admit(token: entry.sha256) {
            return error(429, "rate-limited", "too many requests with this token; retry after \(wait) s")
                .retryAfter(seconds: wait)
        }
        if let contentType = head.headers["Content-Type"], !Self.isSupported(contentType) {
            return error(415, "unsupported-media-type",
                         "send application/json (an array of records) or application/x-ndjson (a record per line)")
        }
        guard queue.isResponsive(within: stallLimit) else {
            return unavailable("the intake is not keeping up: the broker is slow or unreachable")
        }
        return nil
    }

    private func authorize(_ head: HTTPRequestHead) -> SiteTokens.Entry? {
        guard let header = head.headers["Authorization"] else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        return tokens.entry(forToken: parts[1].trimmingCharacters(in: .whitespaces))
    }

    private static func isSupported(_ contentType: String) -> Bool {
        let media = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        return ["application/json", "application/x-ndjson", "application/ndjson", "application/jsonl",
                "application/jsonlines", "application/x-jsonlines"].contains(media)
    }

    // MARK: - Bodies

    private func ingest(_ request: HTTPRequest) -> HTTPResponse {
        // The head was checked already; these only fail if the handler is misused.
        guard let kind = Self.routes[request.path], let entry = authorize(request.head) else {
            return error(400, "bad-request", "request not routable")
        }
        let slices: [BodyRecord]
        do {
            slices = try splitter.split(request.body, contentType: request.headers["Content-Type"])
        } catch let failure {
            let code = switch failure.kind {
            case .unsupportedMediaType: "unsupported-media-type"
            case .malformed: "malformed-body"
            case .tooManyRecords: "too-many-records"
            }
            return error(failure.httpStatus, code, failure.message)
        }
        let records = slices.map { request.body[$0.range] }
        switch queue.submit(records, kind: kind, scope: SiteTokens.scope(of: entry), timeout: submitTimeout) {
        case .committed(let outcomes, let requestId):
            let body = IngestResponse(request: requestId, outcomes: outcomes)
            return (try? HTTPResponse.json(200, body)) ?? error(500, "internal", "could not encode the response")
        case .unavailable:
            return unavailable("the intake is busy or the broker is unreachable; nothing from this request was stored")
        }
    }

    // MARK: - Responses

    private func error(_ status: Int, _ code: String, _ message: String) -> HTTPResponse {
        (try? HTTPResponse.json(status, IngestError(error: code, message: message))) ?? .text(status, message + "\n")
    }

    private func methodNotAllowed(_ allowed: String) -> HTTPResponse {
        var response = error(405, "method-not-allowed", "use \(allowed)")
        response.headers.replace(name: "Allow", value: allowed)
        return response
    }

    private func unavailable(_ message: String) -> HTTPResponse {
        var response = error(503, "unavailable", message)
        response.headers.replace(name: "Retry-After", value: String(retryAfterSeconds))
        return response
    }
}

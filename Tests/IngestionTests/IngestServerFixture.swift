import Foundation
import Testing
import VigilContracts
import VigilHTTP
import VigilRuntime
import VigilTestSupport
@testable import Ingestion

/// `vigil-ingest serve` on port 0 over an embedded broker, with a roster of
/// two sites and tokens for site "sh", site "hz" and the brand.
final class IngestServerFixture {
    static let shToken = "token-for-sh"
    static let hzToken = "token-for-hz"
    static let brandToken = "token-for-brand"

    let harness: IngestHarness
    let run: BackgroundRun
    let port: Int
    let maxBodyBytes = 256 * 1024
    let maxRecords = 50

    init(submitTimeout: Duration = .seconds(5), stallLimit: Duration = .seconds(2),
         rateLimiter: TokenRateLimiter = TokenRateLimiter(requestsPerSecond: 50, burst: 100)) throws {
        harness = try IngestHarness()
        let hz = try InterchangeLines.line(InterchangeLines.person(["id": "A-hz-a01", "site": "hz", "reportsTo": "M-sh"]))
        try harness.importFiles([IngestHarness.sample("roster.ndjson"), try harness.write("hz.ndjson", lines: [Array(hz)])])

        let tokens = try SiteTokens(entries: [
            .init(site: "sh", name: "上海", sha256: SHA256.hex(Self.shToken)),
            .init(site: "hz", name: "杭州", sha256: SHA256.hex(Self.hzToken)),
            .init(site: "*", name: "品牌方", sha256: SHA256.hex(Self.brandToken)),
        ])
        var http = HTTPServerConfiguration()
        http.port = 0
        http.maxBodyBytes = maxBodyBytes
        let httpConfiguration = http
        let configuration = try harness.configuration(serviceName: "vigil-ingest-http", store: "http.sqlite")
        let listening = DispatchSemaphore(value: 0)
        let bound = PortBox()
        let records = maxRecords
        run = BackgroundRun { shutdown in
            let server = IngestServer(configuration: configuration, http: httpConfiguration, tokens: tokens,
                                      maxRecordsPerRequest: records, shutdown: shutdown)
            server.submitTimeout = submitTimeout
            server.stallLimit = stallLimit
            server.rateLimiter = rateLimiter
            try server.run { port in
                bound.port = port
                listening.signal()
            }
        }
        guard listening.wait(timeout: .now() + 30) == .success else {
            throw TestSocketError(call: "listen", code: 0)
        }
        port = bound.port
    }

    deinit {
        run.stop()
    }

    /// Posts a body on a new connection and returns the response.
    func post(_ path: String, token: String?, contentType: String? = "application/json",
              body: [UInt8]) throws -> TestResponse {
        let connection = try TestConnection(port: port, timeoutSeconds: 30)
        var headers: [(String, String)] = []
        if let token {
            headers.append(("Authorization", "Bearer \(token)"))
        }
        if let contentType {
            headers.append(("Content-Type", contentType))
        }
        return try connection.exchange("POST", path, headers: headers, body: body)
    }

    func get(_ path: String) throws -> TestResponse {
        try TestConnection(port: port).exchange("GET", path)
    }

    /// Returns a JSON array of the records.
    static func array(_ records: [[UInt8]]) -> [UInt8] {
        Array("[".utf8) + records.joined(separator: Array(",".utf8)) + Array("]".utf8)
    }

    /// Decodes an ingestion response body.
    static func results(_ response: TestResponse) throws -> IngestResult {
        try JSONDecoder().decode(IngestResult.self, from: Data(response.body))
    }
}

/// The ingestion response as a client reads it.
struct IngestResult: Decodable {
    struct Item: Decodable {
        var index: Int
        var status: String
        var eventId: String?
        var reason: String?
        var message: String?
    }

    var request: String
    var accepted: Int
    var duplicates: Int
    var rejected: Int
    var results: [Item]
}

private final class PortBox: @unchecked Sendable {
    var port = 0
}

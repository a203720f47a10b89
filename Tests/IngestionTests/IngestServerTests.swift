import Foundation
import Testing
import VigilContracts
import VigilKafka
import VigilRuntime
import VigilTestSupport
@testable import Ingestion

@Suite("HTTP intake", .serialized)
struct IngestServerTests {
    private typealias Fixture = IngestServerFixture

    private static func message(_ id: String, _ changes: [String: Any] = [:]) throws -> [UInt8] {
        var fields: [String: Any] = ["messageId": id, "site": "sh", "agent": "A-sh-a01",
                                     "sentAt": "2026-11-11T09:00:00+08:00"]
        fields.merge(changes) { _, new in new }
        return Array(try InterchangeLines.line(InterchangeLines.message(fields)))
    }

    /// Returns a bad record for every reason an HTTP request can give.
    private static func badRecords() throws -> [(DeadLetterReason, [UInt8])] {
        [
            (.invalidJSON, Array(#""just a string""#.utf8)),
            (.invalidUTF8, Array(#"{"messageId":"u-1","text":""#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8)),
            (.invalidField, try message("f-1", ["role": "robot"])),
            (.invalidTime, try message("t-1", ["sentAt": "2026-11-11T09:00:00"])),
            (.unsupportedSchema, try message("s-1", ["schemaVersion": 3])),
            (.unknownAgent, try message("a-1", ["agent": "A-ghost"])),
            (.wrongSite, try message("w-1", ["site": "hz", "agent": "A-hz-a01"])),
            (.conflictingDuplicate, try message("good-0", ["text": "内容不同"])),
        ]
    }

    @Test("result for every record", arguments: [
        "application/json", "application/x-ndjson",
    ])
    func answersEveryRecord(contentType: String) throws {
        let fixture = try Fixture()
        let first = try fixture.post("/v1/messages", token: Fixture.shToken,
                                     body: Fixture.array([try Self.message("good-0")]))
        #expect(first.status == 200)

        let bad = try Self.badRecords()
        var records: [[UInt8]] = []
        for (index, (_, record)) in bad.enumerated() {
            records.append(try Self.message("good-\(index + 1)"))
            records.append(record)
        }
        let body = contentType == "application/json"
            ? Fixture.array(records)
            : Array(records.joined(separator: [0x0A]))
        let response = try fixture.post("/v1/messages", token: Fixture.shToken, contentType: contentType, body: body)
        #expect(response.status == 200, "\(response.text)")
        let result = try Fixture.results(response)
        #expect(result.accepted == bad.count)
        #expect(result.rejected == bad.count)
        #expect(result.results.map(\.index) == Array(1...records.count))
        for (offset, (reason, _)) in bad.enumerated() {
            let item = result.results[2 * offset + 1]
            #expect(item.status == "rejected")
            #expect(item.reason == reason.rawValue, "record \(item.index)")
            #expect(result.results[2 * offset].status == "accepted")
        }

        let harness = fixture.harness
        let arrived = try eventually {
            try harness.events(ChatMessage.self, harness.catalogue.chatMessages).count == bad.count + 1
                && harness.events(DeadLetter.self, harness.catalogue.deadLetters).count == bad.count
        }
        #expect(arrived)
        let letters = try harness.events(DeadLetter.self, harness.catalogue.deadLetters)
        for (offset, (reason, record)) in bad.enumerated() {
            let source = DeadLetterSource(file: "http/sh/\(result.request)", line: 2 * offset + 2)
            let letter = letters.first { $0.source == source }
            #expect(letter?.reasonCode == reason)
            #expect(letter?.payloadBytes == record.count)
        }
    }

    @Test("site token limited to its site")
    func enforcesSites() throws {
        let fixture = try Fixture()
        let hzMessage = try Self.message("hz-1", ["site": "hz", "agent": "A-hz-a01"])
        let rejected = try Fixture.results(try fixture.post("/v1/messages", token: Fixture.shToken,
                                                           body: Fixture.array([hzMessage])))
        #expect(rejected.results.map(\.reason) == ["wrong-site"])
        let own = try Fixture.results(try fixture.post("/v1/messages", token: Fixture.hzToken,
                                                       body: Fixture.array([hzMessage])))
        #expect(own.results.map(\.status) == ["accepted"])

        let complaint = Array(try InterchangeLines.line(InterchangeLines.complaint()))
        let bySite = try Fixture.results(try fixture.post("/v1/complaints", token: Fixture.shToken,
                                                          body: Fixture.array([complaint])))
        #expect(bySite.results.map(\.reason) == ["wrong-site"])
        let byBrand = try Fixture.results(try fixture.post("/v1/complaints", token: Fixture.brandToken,
                                                           body: Fixture.array([complaint])))
        #expect(byBrand.results.map(\.status) == ["accepted"])

        for token in [nil, "no-such-token", Fixture.shToken + "x"] {
            let response = try fixture.post("/v1/messages", token: token, body: Fixture.array([hzMessage]))
            #expect(response.status == 401)
            #expect(response.headers["WWW-Authenticate"] == "Bearer")
        }
    }

    @Test("a token over its rate gets 429 with Retry-After, other tokens go on")
    func rateLimited() throws {
        let fixture = try Fixture(rateLimiter: TokenRateLimiter(requestsPerSecond: 0.05, burst: 2))
        let body = Fixture.array([try Self.message("limited-1")])

        #expect(try fixture.post("/v1/messages", token: Fixture.shToken, body: body).status == 200)
        #expect(try fixture.post("/v1/messages", token: Fixture.shToken, body: body).status == 200)
        let limited = try fixture.post("/v1/messages", token: Fixture.shToken, body: body)

        #expect(limited.status == 429)
        #expect(limited.headers["Retry-After"] == "20")
        #expect(limited.text.contains("rate-limited"))
        #expect(try fixture.post("/v1/messages", token: Fixture.brandToken, body: body).status == 200)
    }

    @Test("oversized body rejected from headers")
    func rejectsOversizedBody() throws {
        let fixture = try Fixture()
        let connection = try TestConnection(port: fixture.port, timeoutSeconds: 10)
        try connection.sendAll("""
            POST /v1/messages HTTP/1.1\r
            Host: 127.0.0.1\r
            Authorization: Bearer \(Fixture.shToken)\r
            Content-Type: application/json\r
            Content-Length: \(fixture.maxBodyBytes * 40)\r
            \r

            """)
        // Not one byte of the body is sent, so the response must come from the headers alone.
        let response = try connection.receiveResponse()
        #expect(response.status == 413)
        #expect(response.text.contains("body-too-large"))
    }

    @Test("malformed request gets 4xx", arguments: [
        ("POST", "/v1/messages", "application/json", "[{\"messageId\": 1", 400),
        ("POST", "/v1/messages", "application/json", "{\"a\":1}\n{\"a\":2}\n[", 400),
        ("POST", "/v1/messages", "text/csv", "a,b", 415),
        ("GET", "/v1/messages", "application/json", "", 405),
        ("POST", "/v1/unknown", "application/json", "[]", 404),
    ])
    func rejectsMalformedRequests(method: String, path: String, contentType: String, body: String, status: Int) throws {
        let fixture = try Fixture()
        let connection = try TestConnection(port: fixture.port)
        let response = try connection.exchange(method, path, headers: [
            ("Authorization", "Bearer \(Fixture.shToken)"), ("Content-Type", contentType),
        ], body: Array(body.utf8))
        #expect(response.status == status, "\(response.text)")
        #expect(response.text.contains("\"message\""))
    }

    @Test("too many records rejected whole")
    func rejectsTooManyRecords() throws {
        let fixture = try Fixture()
        let records = try (0...fixture.maxRecords).map { try Self.message("many-\($0)") }
        let response = try fixture.post("/v1/messages", token: Fixture.shToken, body: Fixture.array(records))
        #expect(response.status == 413, "\(response.text)")
        #expect(response.text.contains("too-many-records"))
        #expect(try fixture.harness.events(ChatMessage.self, fixture.harness.catalogue.chatMessages).isEmpty)
    }

    @Test("health and metrics endpoints")
    func reportsHealthAndMetrics() throws {
        let fixture = try Fixture()
        #expect(try fixture.get("/healthz").status == 200)
        _ = try fixture.post("/v1/messages", token: Fixture.shToken,
                             body: Fixture.array([try Self.message("m-1"), try Self.message("m-2", ["role": "x"])]))
        let metrics = try fixture.get("/metrics")
        #expect(metrics.status == 200)
        #expect(metrics.headers["Content-Type"]?.hasPrefix("text/plain; version=0.0.4") == true)
        #expect(metrics.text.contains("vigil_ingest_records_accepted_total{site=\"sh\",kind=\"message\"} 1"))
        #expect(metrics.text.contains("vigil_ingest_records_rejected_total{site=\"sh\",reason=\"invalid-field\"} 1"))
        #expect(metrics.text.contains("vigil_ingest_outbox_depth"))
        #expect(metrics.text.contains("vigil_ingest_publish_latency_seconds_count"))
    }
}

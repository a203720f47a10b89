import Foundation
import Testing
@testable import VigilHTTP
import VigilTestSupport

@Suite("HTTP server round trips")
struct HTTPServerRoundTripTests {
    @Test("GET round trip with query")
    func getRoundTrip() throws {
        let handler = EchoHandler()
        let server = try startServer(handler: handler)
        #expect(server.port > 0)

        let connection = try TestConnection(port: server.port)
        let response = try connection.exchange("GET", "/v1/echo%20me?site=s1&flag&empty=",
                                               headers: [("X-Site-Token", "tok-1")])
        #expect(response.status == 200)
        #expect(response.headers["x-method"] == "GET")
        #expect(response.headers["X-Path"] == "/v1/echo me")
        #expect(response.headers["X-Query"] == "site=s1&flag=<none>&empty=")
        #expect(response.headers["X-Remote"] == "127.0.0.1")
        #expect(response.headers["X-Site-Token-Seen"] == "tok-1")
        #expect(response.body.isEmpty)
    }

    @Test("POST round trips on keep-alive")
    func postKeepAlive() throws {
        let handler = EchoHandler()
        let server = try startServer(handler: handler)
        let connection = try TestConnection(port: server.port)

        for index in 0..<3 {
            let body = Array("[{\"n\":\(index)}]".utf8)
            let response = try connection.exchange("POST", "/v1/messages",
                                                   headers: [("Content-Type", "application/json")], body: body)
            #expect(response.status == 200)
            #expect(response.body == body)
        }
        #expect(handler.respondCalls.value == 3)
    }

    @Test("header lookup ignores case")
    func headerCase() throws {
        let server = try startServer(handler: EchoHandler())
        let connection = try TestConnection(port: server.port)
        let response = try connection.exchange("GET", "/", headers: [("x-site-TOKEN", "mixed")])
        #expect(response.headers["X-SITE-TOKEN-SEEN"] == "mixed")
        #expect(response.headers["content-type"] == "application/octet-stream")
    }

    @Test("chunked body under limit")
    func chunkedUnderLimit() throws {
        let server = try startServer(handler: EchoHandler())
        let connection = try TestConnection(port: server.port)
        try connection.sendAll("POST /v1/orders HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n")
        try connection.sendAll("5\r\nhello\r\n")
        try connection.sendAll("6\r\n world\r\n0\r\n\r\n")
        let response = try connection.receiveResponse()
        #expect(response.status == 200)
        #expect(response.text == "hello world")
    }

    @Test("large body under limit")
    func largeBody() throws {
        let handler = EchoHandler()
        let server = try startServer(HTTPServerConfiguration(maxBodyBytes: 8 << 20), handler: handler)
        let connection = try TestConnection(port: server.port)
        let body = (0..<(5 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 >> 11) }

        let response = try connection.exchange("POST", "/v1/roster", body: body)
        #expect(response.status == 200)
        #expect(response.body.count == body.count)
        #expect(response.body == body)
    }

    @Test("Retry-After reaches client")
    func retryAfter() throws {
        let server = try HTTPServer(logger: testLogger) { _ in
            HTTPResponse.text(503, "queue full\n").retryAfter(seconds: 7)
        }
        let connection = try TestConnection(port: server.port)
        let response = try connection.exchange("POST", "/v1/messages", body: Array("[]".utf8))
        #expect(response.status == 503)
        #expect(response.headers["Retry-After"] == "7")
        #expect(response.text == "queue full\n")
    }

    @Test("unsafe response headers dropped")
    func headerInjection() throws {
        let server = try HTTPServer(logger: testLogger) { _ in
            HTTPResponse.text(200, "ok")
                .header("X-Evil", "a\r\nSet-Cookie: stolen=1")
                .header("Content-Length", "999")
                .header("X-Empty", "")
                .header("X-Fine", "yes")
        }
        let connection = try TestConnection(port: server.port)
        let response = try connection.exchange("GET", "/")
        #expect(response.status == 200)
        #expect(response.headers["X-Evil"] == nil)
        #expect(response.headers["Set-Cookie"] == nil)
        #expect(response.headers["Content-Length"] == "2")
        #expect(response.headers["X-Empty"] == nil)
        #expect(response.headers["X-Fine"] == "yes")
    }

    @Test("thread pool mode serves")
    func threadPool() throws {
        let server = try startServer(HTTPServerConfiguration(threading: .pool(threads: 2)), handler: EchoHandler())
        let connection = try TestConnection(port: server.port)
        let response = try connection.exchange("POST", "/v1/complaints", body: Array("x".utf8))
        #expect(response.status == 200)
        #expect(response.text == "x")
    }

    @Test("IPv6 loopback round trip", .enabled(if: ipv6LoopbackAvailable()))
    func ipv6() throws {
        let server = try startServer(HTTPServerConfiguration(host: "::1"), handler: EchoHandler())
        let connection = try TestConnection(port: server.port, host: "::1")
        let response = try connection.exchange("GET", "/healthz")
        #expect(response.status == 200)
        #expect(response.headers["X-Remote"] == "::1")
    }

    @Test("20 concurrent clients")
    func concurrentClients() throws {
        let clients = 20
        let barrier = Barrier(parties: clients)
        let server = try HTTPServer(logger: testLogger) { request in
            // Each handler waits for all the others, which only works when
            // they really run at once.
            let together = barrier.arriveAndWait(timeoutSeconds: 5)
            return HTTPResponse(status: together ? 200 : 500, body: request.body)
        }

        let results = ResultBox(count: clients)
        let group = DispatchGroup()
        for index in 0..<clients {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                let body = Array("client-\(index)".utf8)
                let response = try? TestConnection(port: server.port).exchange("POST", "/v1/messages", body: body)
                results.set(index, response.map { $0.status == 200 && $0.body == body } ?? false)
            }
        }
        #expect(group.wait(timeout: .now() + 10) == .success)
        #expect(results.all { $0 })
        server.stop()
        #expect(server.requestsInProgress == 0)
    }
}

/// Results written by client threads, one slot each.
final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Bool]

    init(count: Int) {
        values = Array(repeating: false, count: count)
    }

    func set(_ index: Int, _ value: Bool) {
        lock.withLock { values[index] = value }
    }

    func all(_ predicate: (Bool) -> Bool) -> Bool {
        lock.withLock { values.allSatisfy(predicate) }
    }
}

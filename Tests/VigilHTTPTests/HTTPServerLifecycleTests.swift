import Foundation
import Testing
@testable import VigilHTTP
import VigilTestSupport

@Suite("HTTP server lifecycle and protocol errors")
struct HTTPServerLifecycleTests {
    @Test("port in use throws")
    func bindFailure() throws {
        let first = try startServer(handler: EchoHandler())
        let error = #expect(throws: HTTPServerError.self) {
            _ = try startServer(HTTPServerConfiguration(port: first.port), handler: EchoHandler())
        }
        #expect(error?.systemError == EADDRINUSE)
        #expect(error?.message.contains("127.0.0.1:\(first.port)") == true)
        #expect(error?.message.contains("Address already in use") == true)
        #expect(error?.message.contains("Warning") == false)
    }

    @Test("invalid configuration throws",
          arguments: [
              (HTTPServerConfiguration(host: "localhost"), "invalid host \"localhost\""),
              (HTTPServerConfiguration(port: 70_000), "invalid port"),
              (HTTPServerConfiguration(maxBodyBytes: -1), "invalid maxBodyBytes, expected at least 0"),
              (HTTPServerConfiguration(connectionLimit: 0), "invalid connectionLimit, expected at least 1"),
              (HTTPServerConfiguration(threading: .pool(threads: 0)), "invalid thread pool size 0"),
          ])
    func invalidConfiguration(_ configuration: HTTPServerConfiguration, _ expected: String) {
        let error = #expect(throws: HTTPServerError.self) {
            _ = try startServer(configuration, handler: EchoHandler())
        }
        #expect(error?.message.contains(expected) == true)
        #expect(error?.systemError == nil)
    }

    @Test("stop with client connected")
    func stopWithClientConnected() throws {
        let server = try startServer(handler: EchoHandler())
        let port = server.port
        let connection = try TestConnection(port: port)
        try connection.sendAll("POST /v1/messages HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nhalf")
        Thread.sleep(forTimeInterval: 0.1)

        let started = ContinuousClock.now
        server.stop()
        #expect(ContinuousClock.now - started < .seconds(2))
        #expect(!server.isRunning)
        #expect(connection.waitForClose())
        #expect(server.requestsInProgress == 0)
        #expect(throws: TestSocketError.self) { _ = try TestConnection(port: port) }

        server.stop()
        let again = try startServer(HTTPServerConfiguration(port: port), handler: EchoHandler())
        #expect(again.port == port)
    }

    @Test("deinit stops server")
    func deinitStops() throws {
        var server: HTTPServer? = try startServer(handler: EchoHandler())
        let port = server!.port
        server = nil
        #expect(throws: TestSocketError.self) { _ = try TestConnection(port: port) }
    }

    @Test("idle connection times out")
    func idleTimeout() throws {
        let server = try startServer(HTTPServerConfiguration(connectionTimeoutSeconds: 1), handler: EchoHandler())
        let connection = try TestConnection(port: server.port, timeoutSeconds: 4)
        try connection.sendAll("GET / HTTP/1.1\r\n")
        let started = ContinuousClock.now
        #expect(connection.waitForClose())
        #expect(ContinuousClock.now - started < .seconds(3))
    }

    @Test("per-address limit closes extra connections")
    func perAddressLimit() throws {
        let configuration = HTTPServerConfiguration(perAddressConnectionLimit: 2)
        let server = try startServer(configuration, handler: EchoHandler())
        // Two slow clients hold their connections open with half a request each.
        let slowClients = try (0..<2).map { _ in try TestConnection(port: server.port) }
        for connection in slowClients {
            try connection.sendAll("GET / HTTP/1.1\r\n")
        }
        Thread.sleep(forTimeInterval: 0.2)

        let third = try TestConnection(port: server.port, timeoutSeconds: 2)
        #expect(third.waitForClose(), "a third connection from the same address is closed")

        try slowClients[0].sendAll("Host: x\r\n\r\n")
        #expect(try slowClients[0].receiveResponse().status == 200, "the slow clients' connections still work")
    }

    @Test("malformed request gets 4xx or 5xx",
          arguments: [
              ("GET /\r\n\r\n", 400),
              ("GET / HTTP/1.1\r\nHost: x\r\nNo colon here\r\n\r\n", 400),
              ("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n", 400),
              ("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", 400),
              ("GET / HTTP/2.0\r\nHost: x\r\n\r\n", 505),
              ("GET / HTTP/1.1\r\nHost: x\r\nX-Big: \(String(repeating: "a", count: 40_000))\r\n\r\n", 431),
          ])
    func malformedRequest(_ request: String, _ status: Int) throws {
        let handler = EchoHandler()
        let server = try startServer(handler: handler)
        let connection = try TestConnection(port: server.port)
        try connection.sendAll(request)
        let response = try connection.receiveResponse()
        #expect(response.status == status)
        #expect(connection.waitForClose())
        #expect(handler.respondCalls.value == 0)
    }

    @Test("request line without spaces closed")
    func requestLineWithoutSpaces() throws {
        let handler = EchoHandler()
        let server = try startServer(handler: handler)
        let connection = try TestConnection(port: server.port)
        try connection.sendAll("GARBAGE\r\n\r\n")
        #expect(connection.waitForClose())
        #expect(handler.earlyCalls.value == 0)
    }

    @Test("HTTP/1.1 without Host accepted")
    func missingHost() throws {
        let server = try startServer(handler: EchoHandler())
        let connection = try TestConnection(port: server.port)
        try connection.sendAll("GET /healthz HTTP/1.1\r\n\r\n")
        #expect(try connection.receiveResponse().status == 200)
    }

    @Test("request contexts freed")
    func noContextLeft() throws {
        let server = try startServer(HTTPServerConfiguration(maxBodyBytes: 10), handler: EchoHandler(requiredToken: "t"))
        for body in ["short", "far too long for the limit"] {
            let connection = try TestConnection(port: server.port)
            _ = try connection.exchange("POST", "/", headers: [("Authorization", "Bearer t")], body: Array(body.utf8))
        }
        let rejected = try TestConnection(port: server.port)
        _ = try rejected.exchange("GET", "/")
        let abandoned = try TestConnection(port: server.port)
        try abandoned.sendAll("POST / HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer t\r\nContent-Length: 5\r\n\r\nab")
        Thread.sleep(forTimeInterval: 0.1)
        #expect(server.requestsInProgress == 1)

        server.stop()
        #expect(server.requestsInProgress == 0)
    }
}

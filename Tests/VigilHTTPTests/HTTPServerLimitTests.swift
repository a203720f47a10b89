import Foundation
import Testing
@testable import VigilHTTP
import VigilTestSupport

@Suite("HTTP server body limits and early responses")
struct HTTPServerLimitTests {
    static let limit = 64 * 1024

    @Test("declared length over limit")
    func declaredLengthTooLarge() throws {
        let handler = EchoHandler()
        let server = try startServer(HTTPServerConfiguration(maxBodyBytes: Self.limit), handler: handler)
        let connection = try TestConnection(port: server.port)

        // Only the head goes out, so the response proves the server did not wait for the body.
        try connection.sendAll("POST /v1/messages HTTP/1.1\r\nHost: x\r\nContent-Length: \(Self.limit + 1)\r\n\r\n")
        let response = try connection.receiveResponse()
        #expect(response.status == 413)
        #expect(response.text == "too large for \(Self.limit)\n")
        #expect(connection.waitForClose())
        #expect(handler.tooLargeCalls.value == 1)
        #expect(handler.respondCalls.value == 0)
    }

    @Test("ambiguous body length rejected", arguments: [
        "Content-Length: 0\r\nContent-Length: 34\r\n",
        "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n",
    ])
    func ambiguousLength(headers: String) throws {
        let handler = EchoHandler()
        let server = try startServer(HTTPServerConfiguration(maxBodyBytes: Self.limit), handler: handler)
        let connection = try TestConnection(port: server.port)

        // A smuggled second request hides in the body that the first length leaves out.
        try connection.sendAll("POST /v1/messages HTTP/1.1\r\nHost: x\r\n\(headers)\r\nGET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        let response = try connection.receiveResponse()
        #expect(response.status == 400)
        #expect(connection.waitForClose(), "no second response follows")
        #expect(handler.respondCalls.value == 0)
    }

    @Test("length at limit read")
    func lengthAtLimit() throws {
        let server = try startServer(HTTPServerConfiguration(maxBodyBytes: Self.limit), handler: EchoHandler())
        let connection = try TestConnection(port: server.port)
        let body = [UInt8](repeating: 65, count: Self.limit)
        let response = try connection.exchange("POST", "/v1/messages", body: body)
        #expect(response.status == 200)
        #expect(response.body.count == Self.limit)
    }

    @Test("100-continue over limit")
    func expectContinueTooLarge() throws {
        let server = try startServer(HTTPServerConfiguration(maxBodyBytes: Self.limit), handler: EchoHandler())
        let connection = try TestConnection(port: server.port)
        try connection.sendAll("POST /v1/messages HTTP/1.1\r\nHost: x\r\nContent-Length: \(Self.limit * 10)\r\n"
                               + "Expect: 100-continue\r\n\r\n")
        let response = try connection.receiveResponse()
        #expect(response.status == 413)
    }

    @Test("100-continue within limit")
    func expectContinueAccepted() throws {
        let server = try startServer(HTTPServerConfiguration(maxBodyBytes: Self.limit), handler: EchoHandler())
        let connection = try TestConnection(port: server.port)
        try connection.sendAll("POST /v1/messages HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n")
        let interim = try connection.receiveResponse()
        #expect(interim.status == 100)
        try connection.sendAll("abcd")
        let response = try connection.receiveResponse()
        #expect(response.status == 200)
        #expect(response.text == "abcd")
    }

    @Test("chunked over limit gets 413")
    func chunkedOverLimitWithinAllowance() throws {
        let handler = EchoHandler()
        let configuration = HTTPServerConfiguration(maxBodyBytes: Self.limit, maxDiscardedBodyBytes: 4 * Self.limit)
        let server = try startServer(configuration, handler: handler)
        let connection = try TestConnection(port: server.port)

        try connection.sendAll("POST /v1/orders HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n")
        let chunk = [UInt8](repeating: 66, count: 16 * 1024)
        for _ in 0..<6 {
            try connection.sendAll(Array(String(chunk.count, radix: 16).utf8) + [13, 10] + chunk + [13, 10])
        }
        try connection.sendAll("0\r\n\r\n")
        let response = try connection.receiveResponse()
        #expect(response.status == 413)
        #expect(handler.respondCalls.value == 0)
        #expect(handler.tooLargeCalls.value == 1)
    }

    @Test("chunked past allowance cut off")
    func chunkedFarOverLimit() throws {
        let handler = EchoHandler()
        let configuration = HTTPServerConfiguration(maxBodyBytes: Self.limit, maxDiscardedBodyBytes: Self.limit)
        let server = try startServer(configuration, handler: handler)
        let connection = try TestConnection(port: server.port)

        try connection.sendAll("POST /v1/orders HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n")
        let chunk = [UInt8](repeating: 67, count: 64 * 1024)
        let framed = Array(String(chunk.count, radix: 16).utf8) + [13, 10] + chunk + [13, 10]
        let attempted = 256 << 20
        var sent = 0
        var failure: TestSocketError?
        while sent < attempted {
            do {
                try connection.sendAll(framed)
                sent += chunk.count
            } catch let error as TestSocketError {
                failure = error
                break
            }
        }
        // The server closed the connection; the kernel buffers on both ends
        // hold a few MiB at most, far below what the client meant to send.
        #expect(failure?.code == EPIPE || failure?.code == ECONNRESET)
        #expect(sent < 32 << 20)
        #expect(handler.respondCalls.value == 0)
    }

    @Test("early 401 skips body")
    func earlyRejection() throws {
        let handler = EchoHandler(requiredToken: "good")
        let server = try startServer(handler: handler)

        let rejected = try TestConnection(port: server.port)
        try rejected.sendAll("POST /v1/messages HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer bad\r\nContent-Length: 5000\r\n\r\n")
        let response = try rejected.receiveResponse()
        #expect(response.status == 401)
        #expect(response.headers["WWW-Authenticate"] == "Bearer")
        #expect(response.headers["Connection"] == "close")
        #expect(rejected.waitForClose())
        #expect(handler.respondCalls.value == 0)

        let authorized = try TestConnection(port: server.port)
        let accepted = try authorized.exchange("POST", "/v1/messages", headers: [("Authorization", "Bearer good")],
                                             body: Array("[]".utf8))
        #expect(accepted.status == 200)
        #expect(handler.respondCalls.value == 1)
        #expect(handler.earlyCalls.value == 2)
    }

    @Test("early 401 without body keeps connection")
    func earlyRejectionWithoutBody() throws {
        let handler = EchoHandler(requiredToken: "good")
        let server = try startServer(handler: handler)
        let connection = try TestConnection(port: server.port)

        for _ in 0..<2 {
            let response = try connection.exchange("GET", "/metrics")
            #expect(response.status == 401)
            #expect(response.headers["Connection"] == nil)
        }
        let accepted = try connection.exchange("GET", "/metrics", headers: [("Authorization", "Bearer good")])
        #expect(accepted.status == 200)
        #expect(handler.respondCalls.value == 1)
    }
}

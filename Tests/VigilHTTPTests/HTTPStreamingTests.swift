import Foundation
import Testing
@testable import VigilHTTP
import VigilTestSupport

/// A handler whose every response is the stream its closure makes.
private struct StreamHandler: HTTPHandler {
    let producer: HTTPResponseStream.Producer

    func respond(to request: HTTPRequest) -> HTTPResponse {
        HTTPResponse(status: 200, headers: ["Content-Type": "text/event-stream"], stream: HTTPResponseStream(producer))
    }
}

/// Pieces handed out one per call, then nil.
private final class Pieces: @unchecked Sendable {
    private let lock = NSLock()
    private var pieces: [[UInt8]]

    init(_ pieces: [[UInt8]]) {
        self.pieces = pieces
    }

    func next() -> [UInt8]? {
        lock.withLock { pieces.isEmpty ? nil : pieces.removeFirst() }
    }
}

/// Records when a producer began to wait and when it learned that its stream must end.
///
/// A test ends the stream only once the producer waits. When the client
/// closes the connection before the next call, the stream body ends without
/// calling the producer again, so the producer never learns of the end.
private final class EndRecord: @unchecked Sendable {
    private let condition = NSCondition()
    private var waiting = false
    private var ended: ContinuousClock.Instant?

    func markWaiting() {
        condition.withLock {
            waiting = true
            condition.broadcast()
        }
    }

    /// Waits up to `seconds` for the producer to begin waiting and returns whether it did.
    func waitForWaiting(seconds: Double) -> Bool {
        condition.withLock {
            let deadline = Date(timeIntervalSinceNow: seconds)
            while !waiting, condition.wait(until: deadline) {}
            return waiting
        }
    }

    func markEnded() {
        condition.withLock {
            ended = ContinuousClock.now
            condition.broadcast()
        }
    }

    /// Waits up to `seconds` for the end and returns the instant the producer saw it.
    func waitForEnd(seconds: Double) -> ContinuousClock.Instant? {
        condition.withLock {
            let deadline = Date(timeIntervalSinceNow: seconds)
            while ended == nil, condition.wait(until: deadline) {}
            return ended
        }
    }
}

@Suite("HTTP streamed responses")
struct HTTPStreamingTests {
    @Test("pieces arrive as chunks")
    func piecesArriveAsChunks() throws {
        let pieces = Pieces([Array("data: one\n\n".utf8), [], Array("data: two\n\n".utf8)])
        let server = try startServer(handler: StreamHandler { _ in pieces.next() })
        let connection = try TestConnection(port: server.port)

        try connection.sendRequest("GET", "/events")
        let head = try connection.receiveResponse(expectBody: false)
        #expect(head.status == 200)
        #expect(head.headers["Content-Type"] == "text/event-stream")
        #expect(head.headers["Transfer-Encoding"] == "chunked")
        #expect(try connection.receiveChunk() == Array("data: one\n\n".utf8))
        #expect(try connection.receiveChunk() == Array("data: two\n\n".utf8), "the empty piece sends nothing")
        #expect(try connection.receiveChunk() == nil)

        try connection.sendRequest("GET", "/events")
        #expect(try connection.receiveResponse(expectBody: false).status == 200, "the connection stays open")
        #expect(try connection.receiveChunk() == nil)
    }

    @Test("large piece split into blocks")
    func largePiece() throws {
        let large = (0..<100_000).map { UInt8(truncatingIfNeeded: $0 % 251) }
        let pieces = Pieces([large])
        let server = try startServer(handler: StreamHandler { _ in pieces.next() })
        let connection = try TestConnection(port: server.port)

        try connection.sendRequest("GET", "/events")
        _ = try connection.receiveResponse(expectBody: false)
        var received: [UInt8] = []
        while let chunk = try connection.receiveChunk() {
            received += chunk
        }
        #expect(received == large)
    }

    @Test("stop ends a waiting stream")
    func stopEndsWaitingStream() throws {
        let record = EndRecord()
        let first = Pieces([Array(": open\n\n".utf8)])
        let server = try startServer(handler: StreamHandler { context in
            if let piece = first.next() {
                return piece
            }
            record.markWaiting()
            while context.wait(seconds: 60) {}
            #expect(context.isCancelled)
            record.markEnded()
            return nil
        })
        let connection = try TestConnection(port: server.port)
        try connection.sendRequest("GET", "/events")
        _ = try connection.receiveResponse(expectBody: false)
        #expect(try connection.receiveChunk() == Array(": open\n\n".utf8))
        #expect(record.waitForWaiting(seconds: 5))

        let started = ContinuousClock.now
        server.stop()
        #expect(ContinuousClock.now - started < .seconds(2))
        #expect(record.waitForEnd(seconds: 1) != nil)
        #expect(connection.waitForClose())
        #expect(server.requestsInProgress == 0)
    }

    @Test("client close ends a waiting stream")
    func clientCloseEndsStream() throws {
        let record = EndRecord()
        let first = Pieces([Array(": open\n\n".utf8)])
        let server = try startServer(handler: StreamHandler { context in
            if let piece = first.next() {
                return piece
            }
            record.markWaiting()
            while context.wait(seconds: 60) {}
            record.markEnded()
            return nil
        })
        var connection: TestConnection? = try TestConnection(port: server.port)
        try connection!.sendRequest("GET", "/events")
        _ = try connection!.receiveResponse(expectBody: false)
        #expect(try connection!.receiveChunk() == Array(": open\n\n".utf8))
        #expect(server.requestsInProgress == 1)
        #expect(record.waitForWaiting(seconds: 5))

        let closed = ContinuousClock.now
        connection = nil
        let ended = try #require(record.waitForEnd(seconds: 3))
        #expect(ended - closed < .seconds(1))

        let deadline = ContinuousClock.now + .seconds(3)
        while server.requestsInProgress > 0, ContinuousClock.now < deadline {
            Thread.sleep(forTimeInterval: 0.02)
        }
        #expect(server.requestsInProgress == 0)
    }

    @Test("client bytes do not end a stream")
    func clientBytesKeepStream() throws {
        let record = EndRecord()
        let pieces = Pieces([Array(": open\n\n".utf8), Array("data: late\n\n".utf8)])
        let server = try startServer(handler: StreamHandler { context in
            let piece = pieces.next()
            if piece != nil, !context.wait(seconds: 0.3) {
                record.markEnded()
                return nil
            }
            return piece
        })
        let connection = try TestConnection(port: server.port)
        try connection.sendRequest("GET", "/events")
        _ = try connection.receiveResponse(expectBody: false)
        try connection.sendAll("GET /next HTTP/1.1\r\nHost: x\r\n\r\n")

        #expect(try connection.receiveChunks(until: "late").hasSuffix("data: late\n\n"))
        #expect(record.waitForEnd(seconds: 0.1) == nil)
    }

    @Test("slow pieces outlast idle timeout")
    func slowPiecesOutlastIdleTimeout() throws {
        let pieces = Pieces([Array("a".utf8), Array("b".utf8)])
        let server = try startServer(HTTPServerConfiguration(connectionTimeoutSeconds: 1), handler: StreamHandler { context in
            guard let piece = pieces.next() else { return nil }
            _ = context.wait(seconds: 1.5)
            return piece
        })
        let connection = try TestConnection(port: server.port)
        try connection.sendRequest("GET", "/events")
        _ = try connection.receiveResponse(expectBody: false)
        #expect(try connection.receiveChunk() == Array("a".utf8))
        #expect(try connection.receiveChunk() == Array("b".utf8))
        #expect(try connection.receiveChunk() == nil)

        let started = ContinuousClock.now
        #expect(connection.waitForClose(), "the idle timeout applies again after the stream")
        #expect(ContinuousClock.now - started < .seconds(3))
    }

    @Test("HEAD gets the head only")
    func headRequest() throws {
        let calls = Counter()
        let server = try startServer(handler: StreamHandler { _ in
            calls.increment()
            return nil
        })
        let connection = try TestConnection(port: server.port)
        try connection.sendRequest("HEAD", "/events")
        let head = try connection.receiveResponse(expectBody: false)
        #expect(head.status == 200)
        #expect(head.headers["Content-Type"] == "text/event-stream")

        try connection.sendRequest("GET", "/events")
        #expect(try connection.receiveResponse(expectBody: false).statusLine == "HTTP/1.1 200 OK",
                "nothing after the head is left for the next response")
        #expect(try connection.receiveChunk() == nil)
        #expect(calls.value == 1, "only the GET calls the producer")
    }

    @Test("thread pool server sends 500")
    func poolRejectsStreams() throws {
        let server = try startServer(HTTPServerConfiguration(threading: .pool(threads: 2)),
                                     handler: StreamHandler { _ in nil })
        let connection = try TestConnection(port: server.port)
        let response = try connection.exchange("GET", "/events")
        #expect(response.status == 500)
        #expect(response.text.contains("thread-per-connection"))
    }
}

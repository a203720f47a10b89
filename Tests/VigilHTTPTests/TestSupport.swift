import Foundation
import VigilHTTP
import VigilLog
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The logger of every test server; warnings and worse only, to keep test output readable.
let testLogger = Logger(label: "vigil-http-tests", logLevel: .warning)

/// Starts a server on 127.0.0.1 and a free port.
func startServer(_ configuration: HTTPServerConfiguration = HTTPServerConfiguration(),
                 handler: some HTTPHandler) throws -> HTTPServer {
    try HTTPServer(configuration: configuration, logger: testLogger, handler: handler)
}

/// A thread-safe counter that handlers bump, so a test can tell whether
/// (and how often) a handler method ran.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func increment() {
        lock.withLock { count += 1 }
    }

    var value: Int { lock.withLock { count } }
}

/// Lets `parties` threads wait for one another: each arrives and waits
/// until all have arrived or the timeout passes.
final class Barrier: @unchecked Sendable {
    private let condition = NSCondition()
    private let parties: Int
    private var arrived = 0

    init(parties: Int) {
        self.parties = parties
    }

    /// True when every party arrived before the timeout.
    func arriveAndWait(timeoutSeconds: Double) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        arrived += 1
        condition.broadcast()
        let deadline = Date(timeIntervalSinceNow: timeoutSeconds)
        while arrived < parties {
            if !condition.wait(until: deadline) {
                return arrived >= parties
            }
        }
        return true
    }
}

/// A handler for the tests: echoes the body and describes the request in
/// headers, rejects requests without the right token early, and counts
/// what it was asked.
struct EchoHandler: HTTPHandler {
    /// When set, requests must carry `Authorization: Bearer <token>`.
    var requiredToken: String?
    let earlyCalls = Counter()
    let respondCalls = Counter()
    let tooLargeCalls = Counter()

    func earlyResponse(for head: HTTPRequestHead) -> HTTPResponse? {
        earlyCalls.increment()
        guard let requiredToken, head.headers["authorization"] != "Bearer \(requiredToken)" else { return nil }
        return HTTPResponse.text(401, "missing or wrong token\n").header("WWW-Authenticate", "Bearer")
    }

    func respond(to request: HTTPRequest) -> HTTPResponse {
        respondCalls.increment()
        let query = request.query.map { "\($0.name)=\($0.value ?? "<none>")" }.joined(separator: "&")
        // libmicrohttpd rejects empty header values.
        return HTTPResponse(status: 200, headers: [
            "Content-Type": "application/octet-stream",
            "X-Method": request.method,
            "X-Path": request.path,
            "X-Query": query.isEmpty ? "<empty>" : query,
            "X-Remote": request.remoteAddress,
            "X-Site-Token-Seen": request.headers["x-SITE-token"] ?? "<none>",
        ], body: request.body)
    }

    func bodyTooLarge(_ head: HTTPRequestHead, limit: Int) -> HTTPResponse {
        tooLargeCalls.increment()
        return HTTPResponse.text(413, "too large for \(limit)\n")
    }
}

/// True when this machine can bind the IPv6 loopback address.
func ipv6LoopbackAvailable() -> Bool {
    let descriptor = socket(AF_INET6, Int32(SOCK_STREAM.rawValue), 0)
    guard descriptor >= 0 else { return false }
    defer { close(descriptor) }
    var address = sockaddr_in6()
    address.sin6_family = sa_family_t(AF_INET6)
    address.sin6_addr = in6addr_loopback
    return withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
            bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in6>.size)) == 0
        }
    }
}

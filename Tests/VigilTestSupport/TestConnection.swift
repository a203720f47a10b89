import Foundation
import VigilHTTP
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A failed socket call in the test client, with errno.
public struct TestSocketError: Error, CustomStringConvertible {
    public let call: String
    public let code: Int32

    public init(call: String, code: Int32) {
        self.call = call
        self.code = code
    }

    public var description: String { "\(call) failed: \(String(cString: strerror(code))) (errno \(code))" }
}

/// A response as the test client read it off the wire.
public struct TestResponse {
    public let statusLine: String
    public let status: Int
    public let headers: HTTPHeaders
    public let body: [UInt8]

    public var text: String { String(decoding: body, as: UTF8.self) }
}

/// A minimal HTTP/1.1 client on one TCP connection to a loopback address, written on
/// POSIX sockets so the tests need no curl and can send exactly the bytes
/// they mean to, malformed ones included.
public final class TestConnection {
    private let descriptor: Int32
    /// Bytes read past the last response, kept for the next one.
    private var pending: [UInt8] = []

    /// Connects to a numeric IPv4 or IPv6 address; every later send and
    /// receive gives up after `timeoutSeconds`.
    public init(port: Int, host: String = "127.0.0.1", timeoutSeconds: Int = 5) throws {
        let family = host.contains(":") ? AF_INET6 : AF_INET
        descriptor = socket(family, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw TestSocketError(call: "socket", code: errno) }

        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))

        let result: Int32
        if family == AF_INET6 {
            var address = sockaddr_in6()
            address.sin6_family = sa_family_t(AF_INET6)
            address.sin6_port = UInt16(port).bigEndian
            inet_pton(AF_INET6, host, &address.sin6_addr)
            result = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in6>.size))
                }
            }
        } else {
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = UInt16(port).bigEndian
            inet_pton(AF_INET, host, &address.sin_addr)
            result = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
        }
        guard result == 0 else {
            let code = errno
            close(descriptor)
            throw TestSocketError(call: "connect", code: code)
        }
    }

    deinit {
        close(descriptor)
    }

    // MARK: - Sending

    /// Sends every byte, or throws when the peer has gone (EPIPE, ECONNRESET).
    public func sendAll(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes {
                send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            guard sent > 0 else { throw TestSocketError(call: "send", code: errno) }
            offset += sent
        }
    }

    public func sendAll(_ text: String) throws {
        try sendAll(Array(text.utf8))
    }

    /// Sends a request with `Host` and, when there is a body, `Content-Length`.
    public func sendRequest(_ method: String, _ target: String, headers: [(String, String)] = [], body: [UInt8] = []) throws {
        var head = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        for (name, value) in headers {
            head += "\(name): \(value)\r\n"
        }
        if !body.isEmpty {
            head += "Content-Length: \(body.count)\r\n"
        }
        try sendAll(head + "\r\n")
        try sendAll(body)
    }

    /// Sends one request and reads its response.
    public func exchange(_ method: String, _ target: String, headers: [(String, String)] = [],
                  body: [UInt8] = []) throws -> TestResponse {
        try sendRequest(method, target, headers: headers, body: body)
        return try receiveResponse()
    }

    // MARK: - Receiving

    /// Reads one response: status line, headers and a body of
    /// `Content-Length` bytes (or up to the end of the connection without one).
    public func receiveResponse(expectBody: Bool = true) throws -> TestResponse {
        let separator: [UInt8] = [13, 10, 13, 10]
        var headEnd = pending.firstRange(of: separator)
        while headEnd == nil {
            guard try receiveMore() else { throw TestSocketError(call: "recv (connection closed before a response)", code: 0) }
            headEnd = pending.firstRange(of: separator)
        }
        let headText = String(decoding: pending[..<headEnd!.lowerBound], as: UTF8.self)
        pending.removeSubrange(..<headEnd!.upperBound)

        var lines = headText.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst()
        let statusParts = statusLine.split(separator: " ")
        let status = statusParts.count > 1 ? Int(statusParts[1]) ?? 0 : 0
        var headers = HTTPHeaders()
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers.add(name: String(line[..<colon]),
                        value: line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }

        var body: [UInt8] = []
        if !expectBody || status == 100 {
            return TestResponse(statusLine: statusLine, status: status, headers: headers, body: body)
        }
        if let length = headers["Content-Length"].flatMap({ Int($0) }) {
            while pending.count < length {
                guard try receiveMore() else { throw TestSocketError(call: "recv (connection closed inside a body)", code: 0) }
            }
            body = Array(pending[..<length])
            pending.removeSubrange(..<length)
        } else {
            while try receiveMore() {}
            body = pending
            pending = []
        }
        return TestResponse(statusLine: statusLine, status: status, headers: headers, body: body)
    }

    /// Reads one chunk of a chunked body whose head ``receiveResponse(expectBody:)``
    /// read with `expectBody: false`. Returns nil for the last, empty chunk,
    /// and has then read the blank line after it too.
    public func receiveChunk() throws -> [UInt8]? {
        let lineEnd: [UInt8] = [13, 10]
        var sizeEnd = pending.firstRange(of: lineEnd)
        while sizeEnd == nil {
            guard try receiveMore() else { throw TestSocketError(call: "recv (connection closed before a chunk)", code: 0) }
            sizeEnd = pending.firstRange(of: lineEnd)
        }
        let sizeText = String(decoding: pending[..<sizeEnd!.lowerBound], as: UTF8.self)
        guard let size = Int(sizeText.split(separator: ";").first ?? "", radix: 16) else {
            throw TestSocketError(call: "chunk size \"\(sizeText)\" is not hexadecimal", code: 0)
        }
        pending.removeSubrange(..<sizeEnd!.upperBound)

        while pending.count < size + 2 {
            guard try receiveMore() else { throw TestSocketError(call: "recv (connection closed inside a chunk)", code: 0) }
        }
        let chunk = Array(pending[..<size])
        pending.removeSubrange(..<(size + 2))
        return size == 0 ? nil : chunk
    }

    /// Reads chunks until their text contains `marker` and returns the text
    /// read so far; throws when the body ends or the receive timeout passes first.
    public func receiveChunks(until marker: String) throws -> String {
        var text = ""
        while !text.contains(marker) {
            guard let chunk = try receiveChunk() else {
                throw TestSocketError(call: "body ended before \"\(marker)\" arrived", code: 0)
            }
            text += String(decoding: chunk, as: UTF8.self)
        }
        return text
    }

    /// True when the server closes the connection (end of stream or reset)
    /// before the timeout; false when it stays open and silent. Data that
    /// arrives is discarded.
    public func waitForClose() -> Bool {
        while true {
            do {
                guard try receiveMore() else { return true }
                pending = []
            } catch let error as TestSocketError {
                return error.code == ECONNRESET
            } catch {
                return false
            }
        }
    }

    /// Reads what is available into `pending`; false at the end of the stream.
    private func receiveMore() throws -> Bool {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        if count < 0 {
            throw TestSocketError(call: "recv", code: errno)
        }
        pending.append(contentsOf: buffer[..<count])
        return count > 0
    }
}

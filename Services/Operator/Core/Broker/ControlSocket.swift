import VigilRuntime
#if canImport(Glibc)
import Glibc
#endif

/// The Unix-domain socket calls that the broker's control channel shares
/// between ``BrokerControlListener`` and ``BrokerControlClient``: one line of
/// at most ``maxLineLength`` bytes each way per connection.
enum ControlSocket {
    static let maxLineLength = 512

    /// A failed socket call, with the path and errno's text.
    struct Failure: Error, CustomStringConvertible {
        var call: String
        var path: String
        var code: Int32

        var description: String {
            "\(call) on control socket \(path) failed: \(String(cString: strerror(code))) (errno \(code))"
        }
    }

    /// Creates a stream socket and the address of `path`.
    /// - Throws: ``UsageError`` for a path longer than a socket address takes (107 bytes on Linux).
    static func open(_ path: String) throws -> (descriptor: Int32, address: sockaddr_un) {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard !bytes.isEmpty, bytes.count < capacity else {
            throw UsageError("invalid control socket path \"\(path)\": expected 1 to \(capacity - 1) bytes")
        }
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            buffer.copyBytes(from: bytes)
        }
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else {
            throw Failure(call: "socket", path: path, code: errno)
        }
        return (descriptor, address)
    }

    /// Calls `body` with the address as the `sockaddr` that bind and connect take.
    static func withSocketAddress<Result>(_ address: sockaddr_un,
                                          _ body: (UnsafePointer<sockaddr>, socklen_t) -> Result) -> Result {
        var address = address
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                body($0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
    }

    /// Makes reads and writes on `descriptor` give up after `seconds`.
    static func setTimeout(_ descriptor: Int32, seconds: Int) {
        var timeout = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    /// Reads up to the first newline; nil when the peer closed, timed out or
    /// sent more than ``maxLineLength`` bytes without one.
    static func readLine(_ descriptor: Int32) -> String? {
        var line: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 128)
        while line.count <= maxLineLength {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { return nil }
            line += buffer.prefix(count)
            if let end = line.firstIndex(of: UInt8(ascii: "\n")) {
                return String(decoding: line[..<end], as: UTF8.self)
            }
        }
        return nil
    }

    /// Writes `line` and a newline; false when the peer is gone. MSG_NOSIGNAL
    /// keeps a closed peer from killing the process with SIGPIPE.
    @discardableResult
    static func writeLine(_ descriptor: Int32, _ line: String) -> Bool {
        let bytes = Array((line + "\n").utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes {
                send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            guard count > 0 else { return false }
            written += count
        }
        return true
    }
}

#if canImport(Glibc)
import Glibc
#endif

/// Sends one control line to a running `vigil broker --control PATH` and
/// returns its reply line.
enum BrokerControlClient {
    /// Connects to `path`, sends `line` and waits up to `timeoutSeconds` for the reply.
    /// - Throws: ``ControlSocket/Failure`` when no broker listens at `path` or
    ///   the broker does not reply in time.
    static func send(_ line: String, to path: String, timeoutSeconds: Int = 10) throws -> String {
        let (descriptor, address) = try ControlSocket.open(path)
        defer { close(descriptor) }
        ControlSocket.setTimeout(descriptor, seconds: timeoutSeconds)

        let connected = ControlSocket.withSocketAddress(address) { connect(descriptor, $0, $1) }
        guard connected == 0 else {
            throw ControlSocket.Failure(call: "connect", path: path, code: errno)
        }
        guard ControlSocket.writeLine(descriptor, line) else {
            throw ControlSocket.Failure(call: "send", path: path, code: errno)
        }
        guard let reply = ControlSocket.readLine(descriptor) else {
            throw ControlSocket.Failure(call: "recv", path: path, code: errno == 0 ? ECONNRESET : errno)
        }
        return reply
    }
}

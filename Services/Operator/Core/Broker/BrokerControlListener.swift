#if canImport(Glibc)
import Glibc
#endif

/// The Unix-domain socket on which `vigil broker --control PATH` takes
/// commands: each connection sends one line and gets one line back.
///
/// The socket file gets mode 0600, so only the user who started the broker
/// may connect. Checking
/// for connections never blocks. An accepted client then has up to a second
/// to send its line, during which the broker's loop waits.
final class BrokerControlListener {
    let path: String
    private let descriptor: Int32

    /// Listens on `path`. A socket file left there by a broker that is gone
    /// is replaced; a live one is not.
    /// - Throws: ``ControlSocket/Failure`` when `path` exists and is no stale
    ///   socket, or when the socket cannot be created.
    init(path: String) throws {
        self.path = path
        try Self.removeStaleSocket(path)
        let (descriptor, address) = try ControlSocket.open(path)
        self.descriptor = descriptor

        let bound = ControlSocket.withSocketAddress(address) { bind(descriptor, $0, $1) }
        guard bound == 0 else {
            let code = errno
            close(descriptor)
            throw ControlSocket.Failure(call: "bind", path: path, code: code)
        }
        guard chmod(path, 0o600) == 0 else {
            let code = errno
            close(descriptor)
            unlink(path)
            throw ControlSocket.Failure(call: "chmod", path: path, code: code)
        }
        guard listen(descriptor, 8) == 0 else {
            let code = errno
            close(descriptor)
            unlink(path)
            throw ControlSocket.Failure(call: "listen", path: path, code: code)
        }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
    }

    deinit {
        close(descriptor)
        unlink(path)
    }

    /// Replies to every connection waiting now with `answer` applied to its line.
    func serve(_ answer: (String) -> String) {
        while true {
            // Linux does not pass O_NONBLOCK on to accepted sockets, so the
            // client's socket blocks up to its timeout.
            let client = accept(descriptor, nil, nil)
            guard client >= 0 else { return }
            defer { close(client) }
            ControlSocket.setTimeout(client, seconds: 1)
            guard let line = ControlSocket.readLine(client) else { continue }
            ControlSocket.writeLine(client, answer(line))
        }
    }

    /// Removes a socket file that refuses connections, so no broker listens on it. Leaves a missing path alone.
    private static func removeStaleSocket(_ path: String) throws {
        var status = stat()
        guard lstat(path, &status) == 0 else { return }
        guard status.st_mode & S_IFMT == S_IFSOCK else {
            throw ControlSocket.Failure(call: "bind", path: path, code: EEXIST)
        }
        let (probe, address) = try ControlSocket.open(path)
        defer { close(probe) }
        let connected = ControlSocket.withSocketAddress(address) { connect(probe, $0, $1) }
        let failure = errno
        guard connected != 0 else {
            throw ControlSocket.Failure(call: "bind", path: path, code: EADDRINUSE)
        }
        // Only a refused connection proves nobody listens. A socket we may not
        // reach (EACCES) or whose backlog is full (EAGAIN) may belong to a live broker.
        guard failure == ECONNREFUSED else {
            throw ControlSocket.Failure(call: "connect", path: path, code: failure)
        }
        unlink(path)
    }
}

import Foundation
import VigilContracts
#if canImport(Glibc)
import Glibc
#endif

/// The framing of `--remote-debugging-pipe`: each message is one JSON text
/// followed by a NUL byte, in both directions.
///
/// The descriptors belong to the ``ChromiumProcess``, which closes them.
struct DevToolsPipe {
    let writeDescriptor: Int32
    let readDescriptor: Int32
    private var buffer: [UInt8] = []

    init(writeDescriptor: Int32, readDescriptor: Int32) {
        self.writeDescriptor = writeDescriptor
        self.readDescriptor = readDescriptor
    }

    /// Writes one message. Throws `closed` when Chromium no longer reads the pipe.
    func send(_ text: String) throws(PipeFailure) {
        let bytes = Array(text.utf8) + [0]

        // A write to a pipe whose reader has gone raises SIGPIPE, which would
        // end the whole test process. The signal is blocked on this thread for
        // the write, and the one the write raised is taken off the pending set.
        var pipeSignal = sigset_t()
        sigemptyset(&pipeSignal)
        sigaddset(&pipeSignal, SIGPIPE)
        var previousMask = sigset_t()
        pthread_sigmask(SIG_BLOCK, &pipeSignal, &previousMask)
        defer { pthread_sigmask(SIG_SETMASK, &previousMask, nil) }

        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(writeDescriptor, $0.baseAddress, $0.count) }
            if written >= 0 {
                offset += written
            } else if errno == EINTR {
                continue
            } else if errno == EPIPE {
                var noWait = timespec()
                _ = sigtimedwait(&pipeSignal, nil, &noWait)
                throw .closed
            } else {
                throw .failed("write to the DevTools pipe failed: \(String(cString: strerror(errno)))")
            }
        }
    }

    /// Returns the next message, or nil if none arrived before `deadline`.
    mutating func receive(until deadline: ContinuousClock.Instant) throws(PipeFailure) -> JSONValue? {
        while true {
            if let end = buffer.firstIndex(of: 0) {
                let message = Array(buffer[..<end])
                buffer.removeSubrange(...end)
                do {
                    return try JSONValue(parsing: message)
                } catch {
                    throw .failed("Chromium sent a message that is not JSON: \(String(decoding: message.prefix(200), as: UTF8.self))")
                }
            }

            let remaining = ContinuousClock.now.duration(to: deadline)
            guard remaining > .zero else { return nil }
            var descriptor = pollfd(fd: readDescriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, Self.milliseconds(remaining))
            if ready < 0, errno != EINTR {
                throw .failed("poll on the DevTools pipe failed: \(String(cString: strerror(errno)))")
            }
            guard ready > 0 else { continue }

            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            let count = chunk.withUnsafeMutableBytes { read(readDescriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                buffer += chunk[..<count]
            } else if count == 0 {
                throw .closed
            } else if errno != EINTR, errno != EAGAIN {
                throw .failed("read from the DevTools pipe failed: \(String(cString: strerror(errno)))")
            }
        }
    }

    /// Rounds up, so a wait never ends before its deadline, and caps the wait at a minute per poll.
    private static func milliseconds(_ duration: Duration) -> Int32 {
        let (seconds, attoseconds) = duration.components
        let total = seconds * 1_000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int32(min(max(total, 0), 60_000))
    }

    /// A failure of the pipe itself, which the connection turns into a ``BrowserError``.
    enum PipeFailure: Error {
        /// Chromium closed its end.
        case closed
        case failed(String)
    }
}

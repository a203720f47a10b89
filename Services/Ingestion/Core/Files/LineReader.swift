import VigilContracts
#if canImport(Glibc)
import Glibc
#endif

/// The result of ``LineReader/next(waitMilliseconds:)``.
enum LineReadResult: Equatable {
    /// A line without its terminator.
    case line(ArraySlice<UInt8>)
    /// A line longer than the limit: its first bytes and its full length.
    case tooLong(prefix: [UInt8], length: Int)
    /// No complete line arrived within the wait.
    case idle
    /// The input ended.
    case end
}

/// Reads a file, pipe or standard input line by line, without loading it whole.
///
/// Lines end at "\n"; a trailing "\r" is dropped so CRLF files read the same.
/// A line longer than `maxLineBytes` is reported as too long and skipped
/// without being held in memory.
final class LineReader {
    /// The name used in dead letters and logs: the path, or "-" for standard input.
    let name: String
    /// The default longest line, 1 MiB: a chat message is at most 20,000 bytes of text.
    static let defaultMaxLineBytes = 1 << 20

    /// The maximum line length returned whole, in bytes.
    let maxLineBytes: Int
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private var buffer: [UInt8] = []
    /// The index in `buffer` at which the current line starts.
    private var start = 0
    /// The index at which the search for the next newline resumes, so no byte is scanned twice.
    private var scanned = 0
    private var reachedEnd = false
    /// The start and length so far of a line being skipped for its length.
    private var overlong: (prefix: [UInt8], length: Int)?

    /// Opens `path`, or standard input for "-".
    init(path: String, maxLineBytes: Int = LineReader.defaultMaxLineBytes) throws {
        name = path
        self.maxLineBytes = maxLineBytes
        if path == "-" {
            descriptor = STDIN_FILENO
            ownsDescriptor = false
        } else {
            descriptor = open(path, O_RDONLY)
            guard descriptor >= 0 else {
                throw IngestionError.cannotOpen(path: path, reason: String(cString: strerror(errno)))
            }
            ownsDescriptor = true
        }
    }

    deinit {
        if ownsDescriptor {
            close(descriptor)
        }
    }

    /// Returns the next line. With `waitMilliseconds` it returns `.idle` when
    /// no complete line arrives in that time, which suits pipes fed live.
    /// Without it, it blocks until a line or the end arrives.
    func next(waitMilliseconds: Int32? = nil) throws -> LineReadResult {
        while true {
            if let newline = buffer[scanned...].firstIndex(of: 0x0A) {
                return takeLine(endingAt: newline)
            }
            scanned = buffer.count
            skipIfTooLong()

            if reachedEnd {
                if let skipped = overlong {
                    overlong = nil
                    return .tooLong(prefix: skipped.prefix, length: skipped.length)
                }
                guard start < buffer.count else { return .end }
                let line = buffer[start...]
                start = buffer.count
                scanned = start
                return .line(line)
            }
            if let wait = waitMilliseconds, try !isReadable(withinMilliseconds: wait) {
                return .idle
            }
            try fill()
        }
    }

    // MARK: - Lines

    private func takeLine(endingAt newline: Int) -> LineReadResult {
        defer {
            start = newline + 1
            scanned = start
        }
        if let skipped = overlong {
            overlong = nil
            return .tooLong(prefix: skipped.prefix, length: skipped.length + newline - start)
        }
        if newline - start > maxLineBytes {
            let end = start + min(newline - start, DeadLetter.maxPayloadBytes)
            return .tooLong(prefix: Array(buffer[start..<end]), length: newline - start)
        }
        var line = buffer[start..<newline]
        if line.last == 0x0D {
            line = line.dropLast()
        }
        return .line(line)
    }

    /// Drops the buffered part of a line once it passes the limit, keeping
    /// only its first bytes for the dead letter.
    private func skipIfTooLong() {
        let pending = buffer.count - start
        if overlong == nil, pending > maxLineBytes {
            overlong = (Array(buffer[start..<start + min(pending, DeadLetter.maxPayloadBytes)]), 0)
        }
        guard var skipped = overlong else { return }
        skipped.length += pending
        overlong = skipped
        buffer.removeAll(keepingCapacity: true)
        start = 0
        scanned = 0
    }

    // MARK: - Reading

    private func isReadable(withinMilliseconds milliseconds: Int32) throws -> Bool {
        var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        let result = poll(&request, 1, milliseconds)
        if result < 0, errno != EINTR {
            throw IngestionError.cannotRead(path: name, reason: String(cString: strerror(errno)))
        }
        return result > 0
    }

    private func fill() throws {
        if start > 0 {
            buffer.removeFirst(start)
            scanned -= start
            start = 0
        }
        let chunk = 1 << 16
        let oldCount = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: chunk))
        let count = buffer.withUnsafeMutableBytes { bytes in
            read(descriptor, bytes.baseAddress! + oldCount, chunk)
        }
        guard count >= 0 else {
            buffer.removeLast(chunk)
            if errno == EINTR {
                return
            }
            throw IngestionError.cannotRead(path: name, reason: String(cString: strerror(errno)))
        }
        buffer.removeLast(chunk - count)
        if count == 0 {
            reachedEnd = true
        }
    }
}

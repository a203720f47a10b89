#if canImport(Glibc)
import Glibc
#endif

/// Reads a file or standard input line by line, without loading it whole.
///
/// Lines end at "\n"; a trailing "\r" is dropped so CRLF files read the same.
final class LineReader {
    /// The name used in dead letters and logs: the path, or "-" for standard input.
    let name: String
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private var buffer: [UInt8] = []
    private var start = 0
    private var reachedEnd = false

    /// Opens `path`, or standard input for "-".
    init(path: String) throws {
        name = path
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

    /// The next line without its terminator, or nil at the end of input.
    func nextLine() throws -> ArraySlice<UInt8>? {
        while true {
            if let newline = buffer[start...].firstIndex(of: 0x0A) {
                var line = buffer[start..<newline]
                start = newline + 1
                if line.last == 0x0D {
                    line = line.dropLast()
                }
                return line
            }
            if reachedEnd {
                guard start < buffer.count else { return nil }
                let line = buffer[start...]
                start = buffer.count
                return line
            }
            try fill()
        }
    }

    private func fill() throws {
        if start > 0 {
            buffer.removeFirst(start)
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
            throw IngestionError.cannotRead(path: name, reason: String(cString: strerror(errno)))
        }
        buffer.removeLast(chunk - count)
        if count == 0 {
            reachedEnd = true
        }
    }
}

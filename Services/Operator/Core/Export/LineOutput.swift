import Foundation

/// Buffered lines to standard output or a file.
///
/// Not Sendable: one thread writes it.
final class LineOutput {
    private let handle: FileHandle
    private let path: String?
    private var buffer: [UInt8] = []
    private let flushSize = 64 * 1024

    /// Opens `path`, replacing its contents, or standard output when `path` is nil.
    init(path: String?) throws {
        self.path = path
        guard let path else {
            handle = FileHandle.standardOutput
            return
        }
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let handle = FileHandle(forWritingAtPath: path)
        else {
            throw ReportOutputError(path: path, reason: "the file could not be created")
        }
        self.handle = handle
    }

    /// Appends `line` and a newline.
    func write(_ line: String) throws {
        buffer.append(contentsOf: line.utf8)
        buffer.append(UInt8(ascii: "\n"))
        if buffer.count >= flushSize {
            try flush()
        }
    }

    /// Writes what is buffered and closes the file (standard output stays open).
    func close() throws {
        try flush()
        if path != nil {
            try handle.close()
        }
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        do {
            try handle.write(contentsOf: Data(buffer))
        } catch {
            throw ReportOutputError(path: path ?? "standard output", error: error)
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

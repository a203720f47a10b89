import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import Ingestion

@Suite("LineReader")
struct LineReaderTests {
    /// Writes `bytes` to a new temporary file, reads it back line by line and deletes it.
    private func readLines(_ bytes: [UInt8]) throws -> [[UInt8]] {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("vigil-line-reader-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("input.ndjson")
        try Data(bytes).write(to: file)

        let reader = try LineReader(path: file.path)
        var lines: [[UInt8]] = []
        while let line = try reader.nextLine() {
            lines.append(Array(line))
        }
        return lines
    }

    private func readLines(_ text: String) throws -> [String] {
        try readLines(Array(text.utf8)).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test("reads LF lines")
    func readsLFLines() throws {
        let lines = try readLines("{\"a\":1}\n{\"b\":2}\n{\"c\":3}\n")

        #expect(lines == ["{\"a\":1}", "{\"b\":2}", "{\"c\":3}"])
    }

    @Test("reads CRLF lines without CR")
    func readsCRLFLines() throws {
        let lines = try readLines("{\"a\":1}\r\n{\"b\":2}\r\n")

        #expect(lines == ["{\"a\":1}", "{\"b\":2}"])
    }

    @Test("keeps CR inside line")
    func keepsInnerCR() throws {
        let lines = try readLines("a\rb\n")

        #expect(lines == ["a\rb"])
    }

    @Test("reads last line without newline")
    func readsUnterminatedLastLine() throws {
        let lines = try readLines("first\nsecond")

        #expect(lines == ["first", "second"])
    }

    @Test("reads unterminated CRLF last line")
    func readsUnterminatedCRLFLastLine() throws {
        let lines = try readLines("first\r\nsecond")

        #expect(lines == ["first", "second"])
    }

    @Test("keeps empty lines")
    func keepsEmptyLines() throws {
        let lines = try readLines("a\n\n\r\nb\n")

        #expect(lines == ["a", "", "", "b"])
    }

    @Test("empty file has no lines")
    func emptyFileHasNoLines() throws {
        let lines = try readLines([UInt8]())

        #expect(lines.isEmpty)
    }

    @Test("end of input stays nil")
    func endOfInputStaysNil() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("vigil-line-reader-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("input.ndjson")
        try Data("only\n".utf8).write(to: file)

        let reader = try LineReader(path: file.path)

        #expect(try reader.nextLine().map(Array.init) == Array("only".utf8))
        #expect(try reader.nextLine() == nil)
        #expect(try reader.nextLine() == nil)
    }

    @Test("reads lines over 64 KiB")
    func readsLongLines() throws {
        // The reader fills its buffer 65 536 bytes at a time, so these lines span several reads.
        let long = [UInt8](repeating: UInt8(ascii: "x"), count: 200_000)
        let longer = [UInt8](repeating: UInt8(ascii: "y"), count: 70_000)
        let bytes = long + Array("\nshort\n".utf8) + longer

        let lines = try readLines(bytes)

        #expect(lines.count == 3)
        #expect(lines.first == long)
        #expect(lines.dropFirst().first == Array("short".utf8))
        #expect(lines.last == longer)
    }

    @Test("drops CR split across reads")
    func dropsCRSplitAcrossReads() throws {
        // The CR is the last byte of the first 65 536-byte read and the LF the first byte of the next.
        let first = [UInt8](repeating: UInt8(ascii: "a"), count: 65_535)
        let bytes = first + [0x0D, 0x0A] + Array("b".utf8)

        let lines = try readLines(bytes)

        #expect(lines.count == 2)
        #expect(lines.first == first)
        #expect(lines.last == Array("b".utf8))
    }

    @Test("keeps multibyte characters across reads")
    func keepsMultibyteAcrossReads() throws {
        // 65 535 ASCII bytes put the three bytes of "投" across the first read boundary.
        let prefix = String(repeating: "a", count: 65_535)
        let lines = try readLines(prefix + "投诉\n12315\n")

        #expect(lines == [prefix + "投诉", "12315"])
    }

    @Test("missing file throws cannotOpen")
    func missingFileThrows() throws {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("vigil-missing-\(UUID().uuidString).ndjson").path

        #expect {
            _ = try LineReader(path: path)
        } throws: { error in
            guard case IngestionError.cannotOpen(let failedPath, _) = error else { return false }
            return failedPath == path
        }
    }
}

extension LineReader {
    /// Returns the next complete line, or nil at the end. Anything else fails the test.
    func nextLine() throws -> ArraySlice<UInt8>? {
        switch try next() {
        case .line(let line):
            return line
        case .end:
            return nil
        case let other:
            Issue.record("expected a line or the end, got \(other)")
            return nil
        }
    }
}

@Suite("LineReader limits and pipes")
struct LineReaderLimitTests {
    private func temporaryFile(_ bytes: [UInt8]) throws -> (URL, URL) {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("vigil-line-reader-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent("input.ndjson")
        try Data(bytes).write(to: file)
        return (directory, file)
    }

    @Test("buffered long line is too long")
    func bufferedLongLine() throws {
        let (directory, file) = try temporaryFile(Array(repeating: UInt8(ascii: "x"), count: 1_000) + Array("\nok\n".utf8))
        defer { try? FileManager.default.removeItem(at: directory) }
        let reader = try LineReader(path: file.path, maxLineBytes: 100)

        #expect(try reader.next() == .tooLong(prefix: Array(repeating: UInt8(ascii: "x"), count: 1_000), length: 1_000))
        #expect(try reader.next() == .line(ArraySlice("ok".utf8)))
        #expect(try reader.next() == .end)
    }

    @Test("huge line skipped without holding it")
    func hugeLineSkipped() throws {
        let huge = Array(repeating: UInt8(ascii: "y"), count: 300_000)
        let (directory, file) = try temporaryFile(huge + Array("\nafter\n".utf8) + huge)
        defer { try? FileManager.default.removeItem(at: directory) }
        let reader = try LineReader(path: file.path, maxLineBytes: 1_000)

        let first = try reader.next()
        guard case .tooLong(let prefix, let length) = first else {
            Issue.record("expected tooLong, got \(first)")
            return
        }
        #expect(length == 300_000)
        #expect(prefix.count == 16_384, "the prefix is cut to what a dead letter keeps")
        #expect(try reader.next() == .line(ArraySlice("after".utf8)))
        let last = try reader.next()
        guard case .tooLong(_, let lastLength) = last else {
            Issue.record("expected tooLong for the unterminated last line, got \(last)")
            return
        }
        #expect(lastLength == 300_000)
        #expect(try reader.next() == .end)
    }

    @Test("idle pipe reports idle")
    func idlePipe() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("vigil-line-reader-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let fifo = directory.appendingPathComponent("feed").path
        #expect(mkfifo(fifo, 0o600) == 0)
        // Opening for reading and writing does not block on Linux, so the reader can open next.
        let writer = open(fifo, O_RDWR)
        #expect(writer >= 0)
        let reader = try LineReader(path: fifo)

        #expect(try reader.next(waitMilliseconds: 50) == .idle)
        _ = "first\n".withCString { write(writer, $0, 6) }
        #expect(try reader.next(waitMilliseconds: 1_000) == .line(ArraySlice("first".utf8)))
        #expect(try reader.next(waitMilliseconds: 50) == .idle)
        close(writer)
        #expect(try reader.next(waitMilliseconds: 1_000) == .end)
    }
}

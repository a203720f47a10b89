import Testing
import VigilContracts
import VigilRuntime
@testable import Ingestion

/// Reads whole inputs through a ``DelimitedReader`` and simplifies the results for comparison.
enum DelimitedInput {
    /// A result with its fields as text, or the rejection's reason.
    enum Item: Equatable, CustomStringConvertible {
        case row(line: Int, fields: [String])
        case rejected(line: Int, reason: DeadLetterReason)

        var description: String {
            switch self {
            case let .row(line, fields): "row(\(line), \(fields))"
            case let .rejected(line, reason): "rejected(\(line), \(reason.rawValue))"
            }
        }
    }

    /// Feeds `bytes` in chunks of `chunkSize` (all at once when nil) and returns every result.
    static func results(_ bytes: [UInt8], format: DelimitedFormat = .csv,
                        limits: DelimitedReader.Limits = DelimitedReader.Limits(),
                        chunkSize: Int? = nil) -> [DelimitedReadResult] {
        var reader = DelimitedReader(format: format, limits: limits)
        var results: [DelimitedReadResult] = []
        var offset = 0
        let size = max(1, chunkSize ?? bytes.count)
        while offset < bytes.count {
            let end = min(offset + size, bytes.count)
            reader.append(bytes[offset..<end])
            offset = end
            while let result = reader.next() {
                results.append(result)
            }
        }
        reader.finish()
        while let result = reader.next() {
            results.append(result)
        }
        return results
    }

    static func items(_ text: String, format: DelimitedFormat = .csv,
                      limits: DelimitedReader.Limits = DelimitedReader.Limits(), chunkSize: Int? = nil) -> [Item] {
        results(Array(text.utf8), format: format, limits: limits, chunkSize: chunkSize).map(item)
    }

    static func item(_ result: DelimitedReadResult) -> Item {
        switch result {
        case .row(let row): .row(line: row.lineNumber, fields: row.strings)
        case let .rejected(line, _, rejection): .rejected(line: line, reason: rejection.reason)
        }
    }

    /// Returns the payload and rejection of the first rejected result, if any.
    static func firstRejection(_ results: [DelimitedReadResult]) -> (payload: [UInt8], rejection: RecordRejection)? {
        for case let .rejected(_, payload, rejection) in results {
            return (Array(payload), rejection)
        }
        return nil
    }
}

@Suite("DelimitedReader")
struct DelimitedReaderTests {
    private func items(_ text: String, format: DelimitedFormat = .csv,
                       limits: DelimitedReader.Limits = DelimitedReader.Limits()) -> [DelimitedInput.Item] {
        DelimitedInput.items(text, format: format, limits: limits)
    }

    // MARK: - RFC 4180

    @Test("reads plain rows with line numbers")
    func readsPlainRows() {
        let items = items("a,b,c\n1,2,3\n")

        #expect(items == [.row(line: 1, fields: ["a", "b", "c"]), .row(line: 2, fields: ["1", "2", "3"])])
    }

    @Test("reads empty fields")
    func readsEmptyFields() {
        let items = items("a,,c\n,\nx,y,\n")

        #expect(items == [
            .row(line: 1, fields: ["a", "", "c"]),
            .row(line: 2, fields: ["", ""]),
            .row(line: 3, fields: ["x", "y", ""]),
        ])
    }

    @Test("unquotes quoted fields")
    func unquotesQuotedFields() {
        let items = items("\"a,b\",\"say \"\"hi\"\"\",\"\"\n")

        #expect(items == [.row(line: 1, fields: ["a,b", "say \"hi\"", ""])])
    }

    @Test("keeps line breaks inside quotes")
    func keepsQuotedLineBreaks() {
        let items = items("id,text\n1,\"first\nsecond\r\nthird\"\n2,next\n")

        #expect(items == [
            .row(line: 1, fields: ["id", "text"]),
            .row(line: 2, fields: ["1", "first\nsecond\r\nthird"]),
            .row(line: 5, fields: ["2", "next"]),
        ])
    }

    @Test("reads CRLF records")
    func readsCRLFRecords() {
        let items = items("a,\"b\"\r\nc,d\r\n")

        #expect(items == [.row(line: 1, fields: ["a", "b"]), .row(line: 2, fields: ["c", "d"])])
    }

    @Test("keeps lone CR as data")
    func keepsLoneCR() {
        let items = items("a\rb,c\n")

        #expect(items == [.row(line: 1, fields: ["a\rb", "c"])])
    }

    @Test("keeps quote inside unquoted field")
    func keepsQuoteInsideUnquotedField() {
        let items = items("5\" screen,ok\n")

        #expect(items == [.row(line: 1, fields: ["5\" screen", "ok"])])
    }

    @Test("skips empty lines but counts them")
    func skipsEmptyLines() {
        let items = items("a\n\n\r\nb\n")

        #expect(items == [.row(line: 1, fields: ["a"]), .row(line: 4, fields: ["b"])])
    }

    @Test("reads last record without line break")
    func readsUnterminatedLastRecord() {
        #expect(items("a,b\nc,d") == [.row(line: 1, fields: ["a", "b"]), .row(line: 2, fields: ["c", "d"])])
        #expect(items("a,\"b\"") == [.row(line: 1, fields: ["a", "b"])])
        #expect(items("a,b\r") == [.row(line: 1, fields: ["a", "b"])])
        #expect(items("a,") == [.row(line: 1, fields: ["a", ""])])
    }

    @Test("reads empty input as no rows")
    func readsEmptyInput() {
        #expect(items("").isEmpty)
        #expect(items("\n\r\n").isEmpty)
    }

    @Test("keeps raw bytes of each row")
    func keepsRawBytes() {
        let results = DelimitedInput.results(Array("\"a\"\"b\",c\r\nd\n".utf8))

        guard case .row(let first) = results.first, case .row(let second) = results.last else {
            Issue.record("expected two rows, got \(results)")
            return
        }
        #expect(String(decoding: first.raw, as: UTF8.self) == "\"a\"\"b\",c")
        #expect(String(decoding: second.raw, as: UTF8.self) == "d")
    }

    @Test("reads Chinese text")
    func readsChineseText() {
        let items = items("发送方,内容\n客服,\"您好，请问有什么可以帮您？\"\n")

        #expect(items == [.row(line: 1, fields: ["发送方", "内容"]), .row(line: 2, fields: ["客服", "您好，请问有什么可以帮您？"])])
    }

    // MARK: - Byte order mark

    @Test("drops byte order mark")
    func dropsByteOrderMark() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("id,name\n".utf8)

        for chunkSize in [1, 2, 3, 64] {
            let items = DelimitedInput.results(bytes, chunkSize: chunkSize).map(DelimitedInput.item)
            #expect(items == [.row(line: 1, fields: ["id", "name"])], "chunk size \(chunkSize)")
        }
    }

    @Test("keeps byte order mark after start")
    func keepsLaterByteOrderMark() {
        let bytes = Array("a\n".utf8) + [0xEF, 0xBB, 0xBF] + Array("b\n".utf8)

        let items = DelimitedInput.results(bytes).map(DelimitedInput.item)

        #expect(items == [.row(line: 1, fields: ["a"]), .row(line: 2, fields: ["\u{FEFF}b"])])
    }

    @Test("reads short input that starts like byte order mark")
    func readsShortBOMPrefix() {
        let items = DelimitedInput.results([0xEF, 0xBB], chunkSize: 1)

        #expect(items.count == 1)
    }

    // MARK: - TSV

    @Test("reads TSV with commas as data")
    func readsTSV() {
        let items = items("a\tb,c\t\"x\ty\"\n", format: .tsv)

        #expect(items == [.row(line: 1, fields: ["a", "b,c", "x\ty"])])
    }

    @Test("reads TSV without quoting")
    func readsTSVWithoutQuoting() {
        let format = DelimitedFormat(delimiter: 0x09, quoting: false)

        let items = items("\"a\tb\"\n", format: format)

        #expect(items == [.row(line: 1, fields: ["\"a", "b\""])])
    }

    @Test("reads format names")
    func readsFormatNames() {
        #expect(DelimitedFormat(name: "csv") == .csv)
        #expect(DelimitedFormat(name: "TSV") == .tsv)
        #expect(DelimitedFormat(name: "json") == nil)
    }

    // MARK: - Malformed records

    @Test("rejects text after closing quote")
    func rejectsTextAfterClosingQuote() {
        let results = DelimitedInput.results(Array("\"a\"b,c\nd,e\n".utf8))

        #expect(results.map(DelimitedInput.item) == [.rejected(line: 1, reason: .invalidField), .row(line: 2, fields: ["d", "e"])])
        let rejection = DelimitedInput.firstRejection(results)
        #expect(rejection?.rejection.message.contains("after the closing quote of field 1") == true)
        #expect(rejection?.payload == Array("\"a\"b,c".utf8))
    }

    @Test("rejects CR after closing quote without LF")
    func rejectsBareCRAfterQuote() {
        let items = items("\"a\"\rb\nc\n")

        #expect(items == [.rejected(line: 1, reason: .invalidField), .row(line: 2, fields: ["c"])])
    }

    @Test("rejects unterminated quote at end")
    func rejectsUnterminatedQuote() {
        let results = DelimitedInput.results(Array("a,b\nc,\"open\nstill open\n".utf8))

        #expect(results.map(DelimitedInput.item) == [.row(line: 1, fields: ["a", "b"]), .rejected(line: 2, reason: .invalidField)])
        let rejection = DelimitedInput.firstRejection(results)
        #expect(rejection?.rejection.message.contains("field 2 opened on line 2 is not closed") == true)
        #expect(rejection?.payload == Array("c,\"open\nstill open\n".utf8))
    }

    // MARK: - Limits

    @Test("accepts record of exactly the limit")
    func acceptsRecordAtLimit() {
        let limits = DelimitedReader.Limits(maxRecordBytes: 5, maxFields: 10)

        #expect(items("ab,cd\r\nx\n", limits: limits) == [.row(line: 1, fields: ["ab", "cd"]), .row(line: 2, fields: ["x"])])
        #expect(items("ab,cd", limits: limits) == [.row(line: 1, fields: ["ab", "cd"])])
    }

    @Test("rejects record one byte over the limit")
    func rejectsRecordOverLimit() {
        let limits = DelimitedReader.Limits(maxRecordBytes: 5, maxFields: 10)

        #expect(items("ab,cde\nx\n", limits: limits) == [.rejected(line: 1, reason: .tooLarge), .row(line: 2, fields: ["x"])])
        #expect(items("ab,cde", limits: limits) == [.rejected(line: 1, reason: .tooLarge)])
    }

    @Test("skips long record to next line")
    func skipsLongRecord() {
        let limits = DelimitedReader.Limits(maxRecordBytes: 8, maxFields: 10)
        let long = String(repeating: "x", count: 100)

        let results = DelimitedInput.results(Array("a\n\(long),y\nb,c\n".utf8), limits: limits, chunkSize: 7)

        #expect(results.map(DelimitedInput.item) == [
            .row(line: 1, fields: ["a"]), .rejected(line: 2, reason: .tooLarge), .row(line: 3, fields: ["b", "c"]),
        ])
        let rejection = DelimitedInput.firstRejection(results)
        #expect(rejection?.rejection.message.contains("102 bytes") == true)
        #expect(rejection?.rejection.message.contains("resumes on line 3") == true)
        #expect(rejection?.payload.count ?? 0 <= 10)
    }

    @Test("resyncs after runaway quote")
    func resyncsAfterRunawayQuote() {
        let limits = DelimitedReader.Limits(maxRecordBytes: 17, maxFields: 10)

        let items = items("a,\"never closed\nb,c\nd,e\n", limits: limits)

        // The record from line 1 passes the limit inside its quote on line 2,
        // so reading resumes on line 3 and the quote no longer matters.
        #expect(items == [.rejected(line: 1, reason: .tooLarge), .row(line: 3, fields: ["d", "e"])])
    }

    @Test("keeps only payload limit of long record")
    func keepsPayloadPrefix() {
        let long = [UInt8](repeating: 0x61, count: DeadLetter.maxPayloadBytes * 3)
        let limits = DelimitedReader.Limits(maxRecordBytes: DeadLetter.maxPayloadBytes * 2, maxFields: 10)

        let results = DelimitedInput.results(long + [0x0A], limits: limits, chunkSize: 4096)

        #expect(DelimitedInput.firstRejection(results)?.payload.count == DeadLetter.maxPayloadBytes)
    }

    @Test("rejects too many fields")
    func rejectsTooManyFields() {
        let limits = DelimitedReader.Limits(maxRecordBytes: 1000, maxFields: 3)

        let results = DelimitedInput.results(Array("a,b,c\na,b,c,d\n\"x\",y\n".utf8), limits: limits)

        #expect(results.map(DelimitedInput.item) == [
            .row(line: 1, fields: ["a", "b", "c"]), .rejected(line: 2, reason: .tooLarge), .row(line: 3, fields: ["x", "y"]),
        ])
        #expect(DelimitedInput.firstRejection(results)?.rejection.message.contains("more than 3 fields") == true)
    }

    // MARK: - Incremental input

    @Test("gives same results for any chunk size")
    func chunkSizeDoesNotMatter() {
        let text = "\u{FEFF}id,\"text\"\r\n1,\"a \"\"quoted\"\"\r\nline\"\r\n\r\n2,plain\n3,\"x\"y\n4,\"open"
        let expected = DelimitedInput.items(text)

        for chunkSize in 1...9 {
            #expect(DelimitedInput.items(text, chunkSize: chunkSize) == expected, "chunk size \(chunkSize)")
        }
        #expect(expected.count == 5)
    }

    @Test("returns nil until record completes")
    func waitsForCompleteRecord() {
        var reader = DelimitedReader(format: .csv)

        reader.append(Array("a,\"b\n".utf8))
        #expect(reader.next() == nil)
        reader.append(Array("c\"\n".utf8))
        let result = reader.next()

        #expect(result.map(DelimitedInput.item) == .row(line: 1, fields: ["a", "b\nc"]))
        #expect(reader.next() == nil)
        #expect(!reader.isFinished)
        reader.finish()
        #expect(reader.next() == nil)
        #expect(reader.isFinished)
    }

    @Test("reads lines from LineReader")
    func readsLines() {
        var reader = DelimitedReader(format: .csv)
        var items: [DelimitedInput.Item] = []

        for line in ["id,text", "1,\"two", "lines\"", "2,x"] {
            reader.appendLine(Array(line.utf8))
            while let result = reader.next() {
                items.append(DelimitedInput.item(result))
            }
        }
        reader.finish()
        while let result = reader.next() {
            items.append(DelimitedInput.item(result))
        }

        #expect(items == [
            .row(line: 1, fields: ["id", "text"]), .row(line: 2, fields: ["1", "two\nlines"]), .row(line: 4, fields: ["2", "x"]),
        ])
    }

    @Test("rejects record with overlong line")
    func rejectsRecordWithOverlongLine() {
        var reader = DelimitedReader(format: .csv)
        var results: [DelimitedReadResult] = []

        reader.appendLine(Array("id,text".utf8))
        reader.appendLine(Array("1,\"starts here".utf8))
        reader.appendOverlongLine(prefix: Array("xxxx".utf8), length: 2_000_000)
        reader.appendLine(Array("2,after".utf8))
        reader.finish()
        while let result = reader.next() {
            results.append(result)
        }

        #expect(results.map(DelimitedInput.item) == [
            .row(line: 1, fields: ["id", "text"]), .rejected(line: 2, reason: .tooLarge), .row(line: 4, fields: ["2", "after"]),
        ])
        let rejection = DelimitedInput.firstRejection(results)
        #expect(rejection?.payload == Array("1,\"starts here\nxxxx".utf8))
        #expect(rejection?.rejection.message.contains("2000015 bytes") == true)
    }

    @Test("rejects overlong line on its own")
    func rejectsOverlongLineAlone() {
        var reader = DelimitedReader(format: .csv)
        var items: [DelimitedInput.Item] = []

        reader.appendOverlongLine(prefix: Array("yyyy".utf8), length: 2_000_000)
        reader.appendLine(Array("a,b".utf8))
        reader.finish()
        while let result = reader.next() {
            items.append(DelimitedInput.item(result))
        }

        #expect(items == [.rejected(line: 1, reason: .tooLarge), .row(line: 2, fields: ["a", "b"])])
    }
}

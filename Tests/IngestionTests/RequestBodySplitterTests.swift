import Testing
import VigilRuntime
@testable import Ingestion

@Suite("RequestBodySplitter")
struct RequestBodySplitterTests {
    private let splitter = RequestBodySplitter(maxRecords: 5)

    /// Splits `body` and returns each record's index and text.
    private func split(_ body: String, contentType: String? = "application/json",
                       splitter: RequestBodySplitter? = nil) throws(RequestBodyError) -> [(Int, String)] {
        let bytes = Array(body.utf8)
        let records = try (splitter ?? self.splitter).split(bytes, contentType: contentType)
        return records.map { ($0.index, String(decoding: bytes[$0.range], as: UTF8.self)) }
    }

    private func texts(_ body: String, contentType: String? = "application/json") throws(RequestBodyError) -> [String] {
        try split(body, contentType: contentType).map(\.1)
    }

    /// Returns the error `body` is rejected with, or nil when it splits.
    private func error(_ body: String, contentType: String? = "application/json",
                       splitter: RequestBodySplitter? = nil) -> RequestBodyError? {
        do {
            _ = try split(body, contentType: contentType, splitter: splitter)
            return nil
        } catch {
            return error
        }
    }

    // MARK: - JSON arrays

    @Test("splits array of objects")
    func splitsArray() throws {
        let records = try split("[{\"a\":1},{\"b\":[2,3]}]")

        #expect(records.map(\.0) == [1, 2])
        #expect(records.map(\.1) == ["{\"a\":1}", "{\"b\":[2,3]}"])
    }

    @Test("ignores whitespace around records")
    func ignoresWhitespace() throws {
        #expect(try texts(" \r\n\t[ \n {\"a\" : 1} ,\n\t{ } \r\n] \n") == ["{\"a\" : 1}", "{ }"])
    }

    @Test("keeps brackets inside strings")
    func keepsBracketsInsideStrings() throws {
        let first = #"{"text":"客服说]}[{,\"还有\\"}"#
        let second = #"{"a":{"b":["}",{"c":"\\\""}]}}"#

        #expect(try texts("[\(first),\(second)]") == [first, second])
    }

    @Test("splits empty array")
    func splitsEmptyArray() throws {
        #expect(try texts("[]").isEmpty)
        #expect(try texts(" [ \n ] ").isEmpty)
    }

    @Test("keeps elements that are not objects")
    func keepsNonObjectElements() throws {
        let body = "[1, \"text\", null, [ ], tru, {\"a\":1}]"

        let records = try split(body, splitter: RequestBodySplitter(maxRecords: 10)).map(\.1)

        #expect(records == ["1", "\"text\"", "null", "[ ]", "tru", "{\"a\":1}"])
        let parser = InterchangeParser()
        for record in records.dropLast() {
            #expect(throws: RecordRejection.self, "\(record)") { try parser.parse(ArraySlice(record.utf8)) }
        }
    }

    @Test("reads single object as one record")
    func readsSingleObject() throws {
        #expect(try split(" {\"a\":[1]} \n").map(\.0) == [1])
        #expect(error("{\"a\":1}\n{\"b\":2}")?.message.contains("more than one JSON value") == true)
    }

    @Test("skips byte order mark")
    func skipsByteOrderMark() throws {
        #expect(try texts("\u{FEFF}[{\"a\":1}]") == ["{\"a\":1}"])
        #expect(try texts("\u{FEFF}{\"a\":1}\n", contentType: "application/x-ndjson") == ["{\"a\":1}"])
    }

    @Test("reads raw buffer body")
    func readsRawBuffer() throws {
        let bytes = Array("[{\"a\":1}, 2]".utf8)

        let records = try bytes.withUnsafeBytes { buffer throws(RequestBodyError) in
            try splitter.split(buffer, contentType: nil)
        }

        #expect(records == [BodyRecord(index: 1, range: 1..<8), BodyRecord(index: 2, range: 10..<11)])
    }

    // MARK: - Malformed arrays

    @Test("rejects malformed arrays", arguments: [
        ("[{\"a\":1}", "the array is not closed"),
        ("[{\"a\":1},", "the array is not closed"),
        ("[{\"a\":1", "record 1, which starts at byte 1, is not closed"),
        ("[{\"a\":\"1}]", "the string that starts at byte 6 in record 1 is not closed"),
        ("[{\"a\":1}] x", "unexpected \"x\" at byte 10 after the array"),
        ("[{\"a\":1}][]", "unexpected \"[\" at byte 9 after the array"),
        ("[{\"a\":1},]", "a comma at byte 8 ends the array"),
        ("[{\"a\":1},,{}]", "expected record 2 at byte 9, found \",\""),
        ("[,{}]", "expected record 1 at byte 1, found \",\""),
        ("[{\"a\":1} {\"b\":2}]", "expected \",\" or \"]\" after record 1 at byte 9, found \"{\""),
        ("[{\"a\":[1}]", "mismatched bracket in record 1 at byte 8: expected \"]\", found \"}\""),
        ("[{\"a\":1]]", "mismatched bracket in record 1 at byte 7: expected \"}\", found \"]\""),
        ("[}]", "expected record 1 at byte 1, found \"}\""),
    ])
    func rejectsMalformedArrays(body: String, message: String) {
        let error = error(body)

        #expect(error?.kind == .malformed)
        #expect(error?.httpStatus == 400)
        #expect(error?.message.hasPrefix(message) == true, "\(String(describing: error))")
    }

    @Test("rejects body that is not array or object")
    func rejectsOtherTopLevel() {
        for body in ["\"text\"", "42", "null", "<html>", "hello"] {
            #expect(error(body)?.message.hasPrefix("the body is not a JSON array or object") == true, "\(body)")
        }
        #expect(error("")?.message.hasPrefix("the body is empty") == true)
        #expect(error("  \n ")?.message.hasPrefix("the body is empty") == true)
    }

    @Test("rejects nesting deeper than limit")
    func rejectsDeepNesting() throws {
        let splitter = RequestBodySplitter(maxRecords: 5, maxDepth: 64)
        let allowed = "[" + String(repeating: "[", count: 63) + String(repeating: "]", count: 63) + "]"
        let tooDeep = "[" + String(repeating: "[", count: 64) + String(repeating: "]", count: 64) + "]"

        #expect(try split(allowed, splitter: splitter).count == 1)
        #expect(error(tooDeep, splitter: splitter)?.message.contains("deeper than 64 levels") == true)
        #expect(error(String(repeating: "[{\"a\":", count: 100_000), splitter: splitter)?.kind == .malformed)
    }

    @Test("rejects too many records")
    func rejectsTooManyRecords() throws {
        let five = "[" + Array(repeating: "{}", count: 5).joined(separator: ",") + "]"
        let six = "[" + Array(repeating: "{}", count: 6).joined(separator: ",") + "]"

        #expect(try texts(five).count == 5)
        let error = error(six)
        #expect(error?.kind == .tooManyRecords)
        #expect(error?.httpStatus == 413)
        #expect(error?.message.contains("more than 5 records") == true)
        let ndjson = Array(repeating: "{}", count: 6).joined(separator: "\n")
        #expect(self.error(ndjson, contentType: "application/x-ndjson")?.kind == .tooManyRecords)
        #expect(self.error("{}", splitter: RequestBodySplitter(maxRecords: 0))?.kind == .tooManyRecords)
    }

    // MARK: - NDJSON

    @Test("splits NDJSON by line")
    func splitsNDJSON() throws {
        let records = try split("{\"a\":1}\r\n\n  \n{\"b\":\"[\"}\n{\"c\":3}", contentType: "application/x-ndjson")

        #expect(records.map(\.0) == [1, 4, 5])
        #expect(records.map(\.1) == ["{\"a\":1}", "{\"b\":\"[\"}", "{\"c\":3}"])
    }

    @Test("keeps malformed NDJSON lines as records")
    func keepsMalformedNDJSONLines() throws {
        #expect(try texts("{\"a\":1}\nnot json\n{\"b\"", contentType: "application/x-ndjson").count == 3)
    }

    @Test("reads empty NDJSON as no records")
    func readsEmptyNDJSON() throws {
        #expect(try texts("", contentType: "application/x-ndjson").isEmpty)
        #expect(try texts("\n \r\n", contentType: "application/x-ndjson").isEmpty)
    }

    @Test("rejects array sent as NDJSON")
    func rejectsArrayAsNDJSON() {
        let error = error("[{\"a\":1}]", contentType: "application/x-ndjson")

        #expect(error?.kind == .malformed)
        #expect(error?.message.contains("send it as application/json") == true)
        #expect(self.error("hello\n", contentType: "application/x-ndjson")?.message.hasPrefix("the body is not NDJSON") == true)
    }

    // MARK: - Content-Type

    @Test("reads Content-Type variants", arguments: [
        ("application/json", "[{}, {}]"),
        ("Application/JSON; charset=UTF-8", "[{}, {}]"),
        ("application/json;charset=\"utf-8\"", "[{}, {}]"),
        ("application/x-ndjson", "{}\n{}\n"),
        ("application/ndjson; charset=utf-8", "{}\n{}\n"),
        ("application/jsonl", "{}\n{}\n"),
        ("application/x-jsonlines", "{}\n{}\n"),
    ])
    func readsContentTypes(contentType: String, body: String) throws {
        #expect(try split(body, contentType: contentType).map(\.0) == [1, 2])
    }

    @Test("sniffs body without Content-Type")
    func sniffsBody() throws {
        #expect(try texts(" [{\"a\":1},{\"b\":2}]", contentType: nil) == ["{\"a\":1}", "{\"b\":2}"])
        #expect(try texts("{\"a\":1}\n{\"b\":2}", contentType: nil) == ["{\"a\":1}", "{\"b\":2}"])
        #expect(try texts("{\"a\":1}\n{\"b\":2}", contentType: "") == ["{\"a\":1}", "{\"b\":2}"])
        #expect(error("a=1&b=2", contentType: nil)?.message.hasPrefix("the body is not JSON") == true)
        #expect(error("", contentType: nil)?.message.hasPrefix("the body is empty") == true)
    }

    @Test("rejects unsupported media types")
    func rejectsUnsupportedMediaTypes() {
        for contentType in ["text/csv", "application/x-www-form-urlencoded", "application/json; charset=gbk"] {
            let error = error("[]", contentType: contentType)
            #expect(error?.kind == .unsupportedMediaType, "\(contentType)")
            #expect(error?.httpStatus == 415, "\(contentType)")
        }
    }
}

/// Splits an HTTP request body into records without decoding them.
///
/// - `application/json`: a JSON array of records, or one JSON object. Each
///   array element is a record, whatever its type, and `InterchangeParser`
///   rejects an element that is not an object as that record's failure.
/// - `application/x-ndjson` (also `application/ndjson`, `application/jsonl`,
///   `application/x-jsonlines`): one record per line, with blank lines skipped.
/// - No Content-Type: the first byte other than whitespace decides, `[` for
///   an array and `{` for NDJSON.
///
/// Array elements are found with a scanner that follows strings, escapes and
/// bracket nesting. The request as a whole is rejected when the array is
/// broken (not closed, mismatched brackets, a missing or extra comma, data
/// after it), nests deeper than ``maxDepth``, or contains more than ``maxRecords``.
/// A UTF-8 byte order mark at the start is skipped.
public struct RequestBodySplitter: Sendable {
    /// The maximum number of records in one request.
    public var maxRecords: Int
    /// The deepest nesting of arrays and objects allowed, the outer array included.
    public var maxDepth: Int

    public init(maxRecords: Int, maxDepth: Int = 64) {
        self.maxRecords = maxRecords
        self.maxDepth = maxDepth
    }

    /// The body layouts the splitter reads.
    enum Layout {
        case json
        case ndjson
        case sniffed
    }

    // MARK: - Splitting

    /// Returns the records of `body`, which the server has already limited in size.
    public func split(_ body: [UInt8], contentType: String?) throws(RequestBodyError) -> [BodyRecord] {
        let layout = try Self.layout(of: contentType)
        return try body.withUnsafeBufferPointer { (bytes) throws(RequestBodyError) in
            try split(bytes, layout: layout)
        }
    }

    /// Returns the records of `body`, as ``split(_:contentType:)-([UInt8],_)``.
    public func split(_ body: UnsafeRawBufferPointer, contentType: String?) throws(RequestBodyError) -> [BodyRecord] {
        let layout = try Self.layout(of: contentType)
        return try split(body.assumingMemoryBound(to: UInt8.self), layout: layout)
    }

    private func split(_ bytes: UnsafeBufferPointer<UInt8>, layout: Layout) throws(RequestBodyError) -> [BodyRecord] {
        var scanner = JSONBoundaryScanner(bytes: bytes, maxDepth: maxDepth)
        scanner.skipByteOrderMark()
        let start = scanner.index
        scanner.skipWhitespace()
        let first = scanner.peek()

        switch layout {
        case .json:
            switch first {
            case 0x5B: return try splitArray(&scanner)
            case 0x7B: return try splitObject(&scanner)
            case nil: throw RequestBodyError(.malformed, "the body is empty: expected a JSON array of records")
            default:
                throw RequestBodyError(.malformed, """
                    the body is not a JSON array or object: expected a JSON array of records, such as [{…}, {…}]
                    """)
            }
        case .ndjson:
            if first == 0x5B {
                throw RequestBodyError(.malformed, """
                    the body is a JSON array, but the Content-Type says NDJSON: send it as application/json, \
                    or send one record per line
                    """)
            }
            if let first, first != 0x7B {
                throw RequestBodyError(.malformed, "the body is not NDJSON: expected one JSON object per line")
            }
            return try splitLines(bytes, from: start)
        case .sniffed:
            switch first {
            case 0x5B: return try splitArray(&scanner)
            case 0x7B: return try splitLines(bytes, from: start)
            case nil: throw RequestBodyError(.malformed, "the body is empty: expected a JSON array or NDJSON records")
            default:
                throw RequestBodyError(.malformed, """
                    the body is not JSON: expected a JSON array of records or NDJSON (one object per line); \
                    set Content-Type to application/json or application/x-ndjson
                    """)
            }
        }
    }

    // MARK: - JSON

    private func splitArray(_ scanner: inout JSONBoundaryScanner) throws(RequestBodyError) -> [BodyRecord] {
        var records: [BodyRecord] = []
        scanner.index += 1
        scanner.skipWhitespace()
        if scanner.peek() == 0x5D {
            scanner.index += 1
            try expectEnd(&scanner, after: "the array")
            return records
        }

        while true {
            scanner.skipWhitespace()
            let start = scanner.index
            try scanner.skipValue(depth: 1, record: records.count + 1)
            records.append(BodyRecord(index: records.count + 1, range: start..<scanner.index))
            guard records.count <= maxRecords else {
                throw RequestBodyError(.tooManyRecords, """
                    the body contains more than \(maxRecords) records; send at most \(maxRecords) per request
                    """)
            }

            scanner.skipWhitespace()
            switch scanner.peek() {
            case 0x2C:
                scanner.index += 1
                scanner.skipWhitespace()
                if scanner.peek() == 0x5D {
                    throw RequestBodyError(.malformed, "a comma at byte \(scanner.index - 1) ends the array: remove it")
                }
            case 0x5D:
                scanner.index += 1
                try expectEnd(&scanner, after: "the array")
                return records
            case nil:
                throw RequestBodyError(.malformed, "the array is not closed: the body ends after record \(records.count)")
            case let byte?:
                throw RequestBodyError(.malformed, """
                    expected "," or "]" after record \(records.count) at byte \(scanner.index), \
                    found \(JSONBoundaryScanner.describe(byte))
                    """)
            }
        }
    }

    /// Reads a body that is one JSON object, as one record.
    private func splitObject(_ scanner: inout JSONBoundaryScanner) throws(RequestBodyError) -> [BodyRecord] {
        let start = scanner.index
        try scanner.skipValue(depth: 0, record: 1)
        let record = BodyRecord(index: 1, range: start..<scanner.index)
        scanner.skipWhitespace()
        guard scanner.peek() == nil else {
            throw RequestBodyError(.malformed, """
                the body contains more than one JSON value: send several records as a JSON array, \
                or as NDJSON with Content-Type application/x-ndjson
                """)
        }
        guard maxRecords >= 1 else {
            throw RequestBodyError(.tooManyRecords, "the body contains more than \(maxRecords) records")
        }
        return [record]
    }

    private func expectEnd(_ scanner: inout JSONBoundaryScanner, after what: String) throws(RequestBodyError) {
        scanner.skipWhitespace()
        if let byte = scanner.peek() {
            throw RequestBodyError(.malformed, """
                unexpected \(JSONBoundaryScanner.describe(byte)) at byte \(scanner.index) after \(what): \
                the body must hold one JSON array
                """)
        }
    }

    // MARK: - NDJSON

    private func splitLines(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) throws(RequestBodyError) -> [BodyRecord] {
        var records: [BodyRecord] = []
        var lineStart = start
        var lineNumber = 1
        while lineStart < bytes.count {
            let newline = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.count
            var end = newline
            if end > lineStart, bytes[end - 1] == 0x0D {
                end -= 1
            }
            if bytes[lineStart..<end].contains(where: { !JSONBoundaryScanner.isWhitespace($0) }) {
                records.append(BodyRecord(index: lineNumber, range: lineStart..<end))
                guard records.count <= maxRecords else {
                    throw RequestBodyError(.tooManyRecords, """
                        the body contains more than \(maxRecords) records; send at most \(maxRecords) per request
                        """)
                }
            }
            lineStart = newline + 1
            lineNumber += 1
        }
        return records
    }

    // MARK: - Content-Type

    /// Reads the media type and charset of a Content-Type header.
    static func layout(of contentType: String?) throws(RequestBodyError) -> Layout {
        guard let contentType else { return .sniffed }
        let parts = contentType.split(separator: ";", omittingEmptySubsequences: false)
        let mediaType = parts[0].trimmingSpaces.lowercased()
        for parameter in parts.dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingSpaces.lowercased() == "charset" else { continue }
            var charset = pair[1].trimmingSpaces.lowercased()
            if charset.count >= 2, charset.hasPrefix("\""), charset.hasSuffix("\"") {
                charset = String(charset.dropFirst().dropLast())
            }
            guard charset == "utf-8" || charset == "utf8" else {
                throw RequestBodyError(.unsupportedMediaType, "unsupported charset \"\(charset)\": send UTF-8")
            }
        }

        switch mediaType {
        case "":
            return .sniffed
        case "application/json":
            return .json
        case "application/x-ndjson", "application/ndjson", "application/jsonl", "application/x-jsonlines",
             "application/jsonlines":
            return .ndjson
        default:
            throw RequestBodyError(.unsupportedMediaType, """
                unsupported Content-Type "\(mediaType)": send application/json (a JSON array of records) \
                or application/x-ndjson (one record per line)
                """)
        }
    }
}

private extension Substring {
    var trimmingSpaces: String {
        String(drop(while: { $0 == " " || $0 == "\t" }).reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed())
    }
}

import Foundation
import Ingestion
import VigilContracts
import VigilRuntime

// The properties each fuzz target checks. A broken property calls
// fatalError, which libFuzzer reports as a crash and saves the input.

// MARK: - Targets

enum FuzzTarget: String {
    case ndjson
    case csv
    case body
}

let target: FuzzTarget = {
    let name = ProcessInfo.processInfo.environment["VIGIL_FUZZ_TARGET"] ?? "ndjson"
    guard let target = FuzzTarget(rawValue: name) else {
        fatalError("VIGIL_FUZZ_TARGET must be ndjson, csv or body, not \(name)")
    }
    return target
}()

let chatMapping: ColumnMapping = {
    let json = """
        {"kind": "messages", "fields": {
          "messageId": "消息ID", "site": {"constant": "sh"}, "shop": "店铺", "conversationId": "会话ID",
          "buyer": "买家", "agent": "客服工号",
          "role": {"column": "发送方", "values": {"客服": "agent", "顾客": "customer", "系统": "system"}},
          "text": "内容", "sentAt": {"column": "发送时间", "format": "yyyy-MM-dd HH:mm:ss", "zone": "+08:00"}}}
        """
    do {
        return try ColumnMapping(json: Array(json.utf8))
    } catch {
        fatalError("the built-in mapping is invalid: \(error)")
    }
}()

/// Runs one input through the chosen target, with the signature of libFuzzer's callback.
func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    switch target {
    case .ndjson: fuzzInterchange(bytes)
    case .csv: fuzzDelimited(bytes)
    case .body: fuzzBody(bytes)
    }
    return 0
}

// MARK: - NDJSON

func fuzzInterchange(_ bytes: [UInt8]) {
    for line in bytes.split(separator: 0x0A) {
        parseOrReject(line, parser: InterchangeParser(), forbidden: nil)
    }
}

/// Parses a record and stops on any failure other than a rejection, or on a rejection with the forbidden reason.
func parseOrReject(_ bytes: ArraySlice<UInt8>, parser: InterchangeParser, forbidden: DeadLetterReason?) {
    do {
        _ = try parser.parse(bytes)
    } catch let rejection as RecordRejection {
        if rejection.reason == forbidden {
            fatalError("rejected with \(rejection)")
        }
    } catch {
        fatalError("threw \(type(of: error)) instead of a RecordRejection: \(error)")
    }
}

// MARK: - CSV

func fuzzDelimited(_ bytes: [UInt8]) {
    let limits = DelimitedReader.Limits(maxRecordBytes: 512, maxFields: 16)
    let whole = readRows(bytes, chunkSize: max(1, bytes.count), limits: limits)
    let chunked = readRows(bytes, chunkSize: 1 + bytes.count % 7, limits: limits)
    guard whole == chunked else {
        fatalError("reading in chunks changed the results")
    }
    let parser = InterchangeParser(fixedKind: chatMapping.kind)
    for case let .record(_, json, _) in whole ?? [] {
        // The mapping writes the JSON itself, so it must never be invalid JSON.
        parseOrReject(ArraySlice(json), parser: parser, forbidden: .invalidJSON)
    }
}

/// Returns every row, or nil when the header does not fit the mapping.
func readRows(_ bytes: [UInt8], chunkSize: Int, limits: DelimitedReader.Limits) -> [MappedRow]? {
    var reader = MappedRowReader(format: .csv, mapping: chatMapping, limits: limits)
    var rows: [MappedRow] = []
    do {
        var offset = 0
        while offset < bytes.count {
            reader.append(bytes[offset..<min(offset + chunkSize, bytes.count)])
            offset += chunkSize
            while let row = try reader.next() {
                rows.append(row)
            }
        }
        reader.finish()
        while let row = try reader.next() {
            rows.append(row)
        }
    } catch {
        return nil
    }
    return rows
}

// MARK: - HTTP bodies

func fuzzBody(_ bytes: [UInt8]) {
    let splitter = RequestBodySplitter(maxRecords: 1000, maxDepth: 16)
    for contentType in [nil, "application/json", "application/x-ndjson"] {
        guard let records = try? splitter.split(bytes, contentType: contentType) else { continue }
        var previousEnd = 0
        for record in records {
            guard record.range.lowerBound >= previousEnd, record.range.upperBound <= bytes.count,
                  !record.range.isEmpty
            else {
                fatalError("record \(record.index) at \(record.range) is outside the body or overlaps")
            }
            previousEnd = record.range.upperBound
            parseOrReject(bytes[record.range], parser: InterchangeParser(), forbidden: nil)
        }
    }
    checkArrayBoundaries(bytes, splitter: splitter)
}

/// Compares the splitter with Foundation's JSON parser: a body that parses
/// as an array within the limits must split into its elements, each of
/// which parses on its own.
///
/// Foundation's parser in Swift 6.3 also accepts a comma before the closing
/// bracket (`[{},]`), which RFC 8259 and the splitter do not, so such bodies
/// are left out.
func checkArrayBoundaries(_ bytes: [UInt8], splitter: RequestBodySplitter) {
    guard !endsWithTrailingComma(bytes),
          let array = try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed]) as? [Any],
          depth(of: array) <= splitter.maxDepth, array.count <= splitter.maxRecords
    else { return }

    let records: [BodyRecord]
    do {
        records = try splitter.split(bytes, contentType: "application/json")
    } catch {
        fatalError("split failed (\(error)), but Foundation parses the body as an array of \(array.count) elements")
    }
    guard records.count == array.count else {
        fatalError("split found \(records.count) records, Foundation \(array.count) elements")
    }
    for record in records where (try? JSONSerialization.jsonObject(with: Data(bytes[record.range]),
                                                                   options: [.fragmentsAllowed])) == nil {
        fatalError("record \(record.index) at \(record.range) does not parse on its own")
    }
}

/// True when a comma comes right before the body's last closing bracket, spaces aside.
func endsWithTrailingComma(_ bytes: [UInt8]) -> Bool {
    let isWhitespace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    var end = bytes.endIndex
    while end > 0, isWhitespace(bytes[end - 1]) {
        end -= 1
    }
    guard end > 0, bytes[end - 1] == 0x5D else { return false }
    end -= 1
    while end > 0, isWhitespace(bytes[end - 1]) {
        end -= 1
    }
    return end > 0 && bytes[end - 1] == 0x2C
}

func depth(of value: Any) -> Int {
    if let array = value as? [Any] {
        return 1 + (array.map(depth(of:)).max() ?? 0)
    }
    if let object = value as? [String: Any] {
        return 1 + (object.values.map(depth(of:)).max() ?? 0)
    }
    return 0
}

import Foundation
import Testing
import VigilContracts
import VigilRuntime
import VigilTestSupport
@testable import Ingestion

/// A bounded, seeded fuzz run over the ingestion parsers, mutating the
/// samples. `VIGIL_FUZZ_ITERATIONS` sets the cases per target,
/// `VIGIL_FUZZ_SEED` the seed, and `VIGIL_FUZZ_CASE` replays one case.
/// docs/FUZZING.md describes longer runs.
///
/// Every target checks that nothing crashes or hangs, and
/// ``FuzzCrashReporter`` names the case of a crash or a hang. Every input
/// must yield records or rejections, never an untyped error. Each target
/// also checks a property of its own: chunking does not change CSV results,
/// mapped rows are always valid JSON, and body slices lie within the body
/// and match a JSON parser.
@Suite("Parser fuzzing", .serialized)
struct ParserFuzzTests {
    /// A CSV or TSV sample with the mapping it is read with.
    struct DelimitedSample {
        var bytes: [UInt8]
        var mapping: ColumnMapping
        var format: DelimitedFormat
    }

    private let mutator = FuzzMutator()
    private let ndjsonLines: [[UInt8]]
    private let ndjsonFiles: [[UInt8]]
    private let delimitedSamples: [DelimitedSample]
    private let bodies: [[UInt8]]
    private let mappingFiles: [[UInt8]]

    init() throws {
        let names = ["chats-sample.ndjson", "chats-malformed.ndjson", "complaints-sample.ndjson",
                     "orders-sample.ndjson", "roster.ndjson"]
        ndjsonFiles = try names.map(Samples.bytes)
        ndjsonLines = ndjsonFiles.flatMap { $0.split(separator: 0x0A).map(Array.init) }

        mappingFiles = try ["chats-export.mapping.json", "orders-export.mapping.json"].map(Samples.bytes)
        let chats = try ColumnMapping(contentsOfFile: Samples.path("chats-export.mapping.json"))
        let orders = try ColumnMapping(contentsOfFile: Samples.path("orders-export.mapping.json"))
        delimitedSamples = [
            DelimitedSample(bytes: try Samples.bytes("chats-export.csv"), mapping: chats, format: .csv),
            DelimitedSample(bytes: try Samples.bytes("chats-export-malformed.csv"), mapping: chats, format: .csv),
            DelimitedSample(bytes: try Samples.bytes("orders-export.tsv"), mapping: orders, format: .tsv),
        ]

        let someLines = Array(ndjsonLines.prefix(12))
        bodies = [
            Array("[".utf8) + Array(someLines.joined(separator: Array(",\n".utf8))) + Array("]".utf8),
            Array(someLines.joined(separator: [0x0A])),
            ndjsonLines[0],
            Array("[{\"a\":{\"b\":[1,\"]}\\\"\",{}]}}, 2, \"x\", null]".utf8),
            Array(#"[{"t":"a\"]b","u":"\\","v":"[{\"}"},{"w":"}]\\\""},"\"[",["],\\"]]"#.utf8),
        ]
    }

    // MARK: - Targets

    @Test("InterchangeParser survives mutated lines")
    func fuzzInterchangeParser() {
        run("ndjson", defaultIterations: 1500, corpus: ndjsonLines) { input, generator in
            let kind = Bool.random(using: &generator) ? nil : RecordKind.allCases.randomElement(using: &generator)
            return checkInterchange(input, parser: InterchangeParser(fixedKind: kind))
        }
    }

    @Test("MappedRowReader survives mutated exports")
    func fuzzMappedRowReader() {
        run("csv", defaultIterations: 250, corpus: delimitedSamples.map(\.bytes)) { input, generator in
            let sample = delimitedSamples.randomElement(using: &generator)!
            return checkDelimited(input, sample: sample, using: &generator)
        }
    }

    @Test("ColumnMapping loader survives mutated mapping files")
    func fuzzColumnMappings() {
        run("mapping", defaultIterations: 400, corpus: mappingFiles) { input, generator in
            checkMapping(input, using: &generator)
        }
    }

    @Test("RequestBodySplitter survives mutated bodies")
    func fuzzRequestBodySplitter() {
        run("body", defaultIterations: 600, corpus: bodies + ndjsonLines) { input, generator in
            checkBody(input, using: &generator)
        }
    }

    @Test("RequestBodySplitter finds boundaries of generated bodies")
    func fuzzGeneratedBodies() {
        let settings = FuzzSettings.fromEnvironment(defaultIterations: 300)
        for index in settings.caseIndices {
            var generator = SplitMix64(seed: settings.seed, target: "generated", index: index)
            var body = GeneratedBody()
            body.generate(ndjson: Bool.random(using: &generator), using: &generator)
            let contentType = body.isNDJSON ? "application/x-ndjson" : "application/json"

            FuzzCrashReporter.running("generated case \(index): \(settings.reproduction(index))")
            let records = Result { () throws(RequestBodyError) in
                try RequestBodySplitter(maxRecords: 1000).split(body.bytes, contentType: contentType)
            }
            FuzzCrashReporter.finished()

            let found = (try? records.get())?.map { [$0.index: $0.range] }
            let expected = body.records.map { [$0.index: $0.range] }
            guard found != expected else { continue }
            let path = FuzzSettings.save(body.bytes, target: "generated", seed: settings.seed, index: index)
            Issue.record("""
                fuzz target generated, case \(index): expected records \(expected), found \(String(describing: found)) \
                (\(records))
                replay: \(settings.reproduction(index)) swift test --disable-xctest --filter ParserFuzzTests
                body saved to \(path)
                """)
            return
        }
    }

    // MARK: - Runner

    /// Runs the cases of one target and records an issue per failing case
    /// (at most five) with what replays it.
    private func run(_ target: String, defaultIterations: Int, corpus: [[UInt8]],
                     check: ([UInt8], inout SplitMix64) -> [String]) {
        let settings = FuzzSettings.fromEnvironment(defaultIterations: defaultIterations)
        var failures = 0
        for index in settings.caseIndices {
            var generator = SplitMix64(seed: settings.seed, target: target, index: index)
            let base = corpus.randomElement(using: &generator)!
            let input = mutator.mutate(base, corpus: corpus, using: &generator)

            FuzzCrashReporter.running("\(target) case \(index): \(settings.reproduction(index))")
            let problems = check(input, &generator)
            FuzzCrashReporter.finished()

            guard !problems.isEmpty else { continue }
            failures += 1
            let path = FuzzSettings.save(input, target: target, seed: settings.seed, index: index)
            let preview = String(decoding: input.prefix(300), as: UTF8.self).debugDescription
            Issue.record("""
                fuzz target \(target), case \(index): \(problems.prefix(3).joined(separator: "; "))
                replay: \(settings.reproduction(index)) swift test --disable-xctest --filter ParserFuzzTests
                input (\(input.count) bytes) saved to \(path), starting \(preview)
                """)
            if failures == 5 {
                return
            }
        }
    }

    // MARK: - NDJSON

    /// Parses every line the way ingestion does and checks each ends as a record or a rejection.
    private func checkInterchange(_ input: [UInt8], parser: InterchangeParser) -> [String] {
        var problems: [String] = []
        for var line in input.split(separator: 0x0A, omittingEmptySubsequences: false) {
            if line.last == 0x0D {
                line = line.dropLast()
            }
            guard line.contains(where: { !JSONBoundaryScanner.isWhitespace($0) }) else { continue }
            if let problem = parseProblem(line, parser: parser) {
                problems.append(problem)
            }
        }
        return problems
    }

    /// Returns a problem when parsing throws anything but a ``RecordRejection``.
    private func parseProblem(_ bytes: ArraySlice<UInt8>, parser: InterchangeParser,
                              forbidden: DeadLetterReason? = nil) -> String? {
        do {
            _ = try parser.parse(bytes)
        } catch let rejection as RecordRejection {
            if rejection.message.isEmpty {
                return "rejection \(rejection.reason.rawValue) has no message"
            }
            if rejection.reason == forbidden {
                return "the parser rejected the record with \(rejection)"
            }
        } catch {
            return "parse threw \(type(of: error)) instead of a RecordRejection: \(error)"
        }
        return nil
    }

    // MARK: - CSV

    /// The results of one read: the header error, or every row.
    private enum DelimitedOutcome: Equatable {
        case headerError(String)
        case rows([MappedRow])
    }

    /// How a read gets its input.
    private enum Feeding {
        case chunks(Int)
        case lines
    }

    private func checkDelimited(_ input: [UInt8], sample: DelimitedSample, using generator: inout SplitMix64) -> [String] {
        var limits = DelimitedReader.Limits()
        if Int.random(in: 0..<3, using: &generator) == 0 {
            limits = DelimitedReader.Limits(maxRecordBytes: Int.random(in: 8...2048, using: &generator),
                                            maxFields: Int.random(in: 2...12, using: &generator))
        }
        var problems: [String] = []

        let whole = readDelimited(input, sample: sample, limits: limits, feeding: .chunks(max(1, input.count)))
        // Tiny chunks split every multi-byte sequence (CRLF, BOM, UTF-8, doubled quotes).
        let chunkSize = Bool.random(using: &generator)
            ? Int.random(in: 1...4, using: &generator) : Int.random(in: 5...300, using: &generator)
        if readDelimited(input, sample: sample, limits: limits, feeding: .chunks(chunkSize)) != whole {
            problems.append("reading in chunks of \(chunkSize) bytes changed the results")
        }
        // LineReader drops a CR before each LF and ends the last line, which
        // changes results only for inputs with CR or without a final LF.
        if !input.contains(0x0D), input.last == 0x0A || input.isEmpty,
           readDelimited(input, sample: sample, limits: limits, feeding: .lines) != whole {
            problems.append("reading line by line changed the results")
        }

        guard case .rows(let rows) = whole else { return problems }
        let lineCount = input.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        let parser = InterchangeParser(fixedKind: sample.mapping.kind)
        var previousLine = 0
        for row in rows {
            if row.lineNumber <= previousLine || row.lineNumber > lineCount {
                problems.append("row line \(row.lineNumber) after line \(previousLine) of \(lineCount)")
            }
            previousLine = row.lineNumber
            switch row {
            case let .record(_, json, _):
                // The mapping writes JSON itself, so it must never be invalid JSON.
                if let problem = parseProblem(ArraySlice(json), parser: parser, forbidden: .invalidJSON) {
                    problems.append("\(problem) for \(String(decoding: json, as: UTF8.self).debugDescription)")
                }
            case let .rejected(_, payload, rejection):
                if payload.count > max(limits.maxRecordBytes + 1, DeadLetter.maxPayloadBytes) {
                    problems.append("payload of \(payload.count) bytes for \(rejection)")
                }
                if rejection.message.isEmpty {
                    problems.append("rejection without a message")
                }
            }
        }
        return problems
    }

    private func readDelimited(_ input: [UInt8], sample: DelimitedSample, limits: DelimitedReader.Limits,
                               feeding: Feeding) -> DelimitedOutcome {
        var reader = MappedRowReader(format: sample.format, mapping: sample.mapping, limits: limits)
        var rows: [MappedRow] = []
        do {
            switch feeding {
            case .chunks(let size):
                var offset = 0
                while offset < input.count {
                    reader.append(input[offset..<min(offset + size, input.count)])
                    offset += size
                    while let row = try reader.next() {
                        rows.append(row)
                    }
                }
            case .lines:
                for line in input.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast() {
                    reader.appendLine(line)
                    while let row = try reader.next() {
                        rows.append(row)
                    }
                }
            }
            reader.finish()
            while let row = try reader.next() {
                rows.append(row)
            }
        } catch {
            return .headerError(error.message)
        }
        return .rows(rows)
    }

    // MARK: - Column mappings

    /// Loads a mapping file. A mapping that loads reads a sample export
    /// with the same properties as the CSV target checks.
    private func checkMapping(_ input: [UInt8], using generator: inout SplitMix64) -> [String] {
        let mapping: ColumnMapping
        do {
            mapping = try ColumnMapping(json: input)
        } catch {
            return error.message.isEmpty ? ["error without a message"] : []
        }
        let format: DelimitedFormat = mapping.kind == .order ? .tsv : .csv
        let bytes = delimitedSamples.first { $0.format == format }?.bytes ?? []
        return checkDelimited(bytes, sample: DelimitedSample(bytes: bytes, mapping: mapping, format: format),
                              using: &generator)
    }

    // MARK: - HTTP bodies

    private func checkBody(_ input: [UInt8], using generator: inout SplitMix64) -> [String] {
        let contentTypes: [String?] = [nil, "application/json", "application/x-ndjson", "application/json; charset=utf-8",
                                       "text/plain"]
        let contentType = contentTypes.randomElement(using: &generator)!
        let splitter = RequestBodySplitter(maxRecords: [1, 5, 100, 100_000].randomElement(using: &generator)!,
                                           maxDepth: [2, 8, 64].randomElement(using: &generator)!)
        let records: [BodyRecord]
        do {
            records = try splitter.split(input, contentType: contentType)
        } catch {
            var problems: [String] = []
            if error.message.isEmpty {
                problems.append("error without a message")
            }
            if let problem = oracleProblem(input, contentType: contentType, splitter: splitter, records: nil) {
                problems.append(problem)
            }
            return problems
        }

        var problems: [String] = []
        if records.count > splitter.maxRecords {
            problems.append("\(records.count) records, more than \(splitter.maxRecords)")
        }
        var previousEnd = 0
        var previousIndex = 0
        for record in records {
            if record.range.lowerBound < previousEnd || record.range.upperBound > input.count || record.range.isEmpty {
                problems.append("range \(record.range) after \(previousEnd) in a body of \(input.count) bytes")
                break
            }
            if record.index <= previousIndex {
                problems.append("index \(record.index) after \(previousIndex)")
            }
            previousEnd = record.range.upperBound
            previousIndex = record.index
            if let problem = parseProblem(input[record.range], parser: InterchangeParser()) {
                problems.append(problem)
            }
        }
        if let problem = oracleProblem(input, contentType: contentType, splitter: splitter, records: records) {
            problems.append(problem)
        }
        return problems
    }

    /// Compares the splitter with Foundation's JSON parser: a body that
    /// parses as an array within the limits must split into its elements,
    /// each of which parses on its own.
    ///
    /// Foundation's parser in Swift 6.3 also accepts a comma before the
    /// closing bracket (`[{},]`), which RFC 8259 and the splitter do not, so
    /// such bodies are left out.
    private func oracleProblem(_ input: [UInt8], contentType: String?, splitter: RequestBodySplitter,
                               records: [BodyRecord]?) -> String? {
        let first = input.drop(while: { JSONBoundaryScanner.isWhitespace($0) || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF })
            .first
        guard contentType?.hasPrefix("application/json") == true || (contentType == nil && first == 0x5B),
              !Self.endsWithTrailingComma(input),
              let array = try? JSONSerialization.jsonObject(with: Data(input), options: [.fragmentsAllowed]) as? [Any],
              Self.depth(of: array) <= splitter.maxDepth, array.count <= splitter.maxRecords
        else { return nil }

        guard let records else {
            return "split failed, but Foundation parses the body as an array of \(array.count) elements"
        }
        guard records.count == array.count else {
            return "split found \(records.count) records, Foundation \(array.count) elements"
        }
        for record in records {
            let slice = Data(input[record.range])
            if (try? JSONSerialization.jsonObject(with: slice, options: [.fragmentsAllowed])) == nil {
                return "record \(record.index) at \(record.range) does not parse on its own"
            }
        }
        return nil
    }

    /// True when a comma comes right before the body's last closing bracket, spaces aside.
    private static func endsWithTrailingComma(_ input: [UInt8]) -> Bool {
        var end = input.endIndex
        while end > 0, JSONBoundaryScanner.isWhitespace(input[end - 1]) {
            end -= 1
        }
        guard end > 0, input[end - 1] == 0x5D else { return false }
        end -= 1
        while end > 0, JSONBoundaryScanner.isWhitespace(input[end - 1]) {
            end -= 1
        }
        return end > 0 && input[end - 1] == 0x2C
    }

    private static func depth(of value: Any) -> Int {
        if let array = value as? [Any] {
            return 1 + (array.map(depth(of:)).max() ?? 0)
        }
        if let object = value as? [String: Any] {
            return 1 + (object.values.map(depth(of:)).max() ?? 0)
        }
        return 0
    }
}

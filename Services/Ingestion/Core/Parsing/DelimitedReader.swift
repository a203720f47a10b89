import VigilContracts
import VigilRuntime

/// Splits CSV or TSV bytes into records (RFC 4180), incrementally.
///
/// Push bytes with ``append(_:)`` (any chunk sizes) or ``appendLine(_:)``
/// (lines from ``LineReader``), then pull results with ``next()`` until it
/// returns nil, which means it needs more input. After ``finish()``, nil
/// means the input is used up. The reader holds only the record in progress.
///
/// - Fields are separated by the format's delimiter. A field that starts
///   with `"` is quoted: it may contain delimiters, line breaks and doubled
///   quotes (`""`), which read as one quote. A quote inside an unquoted
///   field is kept as it is, as most spreadsheet exports expect.
/// - Records end at LF or CRLF outside quotes. A lone CR is field data.
///   Empty lines are skipped. A UTF-8 byte order mark at the start is dropped.
/// - A malformed record, one with more than ``Limits/maxFields`` fields, or an
///   unterminated quote at the end of the input is rejected on its own.
/// - A record longer than ``Limits/maxRecordBytes`` is rejected and skipped
///   up to the next line break, quoted or not, so a runaway quote cannot
///   swallow the rest of the input. The reader keeps at most
///   ``DeadLetter/maxPayloadBytes`` of such a record.
///
/// The reader does not treat the first record as a header, but ``MappedRowReader`` does.
public struct DelimitedReader: Sendable {
    /// The sizes above which a record is rejected.
    public struct Limits: Sendable, Equatable {
        /// The maximum record length in bytes, quotes and line breaks inside
        /// quotes included. The default is 1 MiB, as for NDJSON lines.
        public var maxRecordBytes: Int
        /// The maximum number of fields in a record.
        public var maxFields: Int

        public init(maxRecordBytes: Int = 1 << 20, maxFields: Int = 256) {
            self.maxRecordBytes = maxRecordBytes
            self.maxFields = maxFields
        }
    }

    public let format: DelimitedFormat
    public let limits: Limits

    // MARK: - Input

    private var buffer: [UInt8] = []
    /// The index in `buffer` of the current record's first byte.
    private var recordStart = 0
    /// The index of the next byte to scan.
    private var position = 0
    private var inputEnded = false
    private var checkedByteOrderMark = false
    /// Lines that ``appendOverlongLine(prefix:length:)`` reported, in input order.
    private var overlongLines: [OverlongLine] = []

    // MARK: - Record in progress

    /// The line number of the byte at `position`.
    private var line = 1
    private var recordLine = 1
    private var state = ScanState.fieldStart
    private var storage: [UInt8] = []
    private var ends: [Int] = []
    /// The line on which the open quoted field started.
    private var quoteLine = 1
    /// The first syntax error in the record, which is then read to its end and rejected.
    private var syntaxError: String?
    private var tooManyFields = false
    /// Set while an over-long record is skipped up to the next line break.
    private var overlong: Overlong?

    private enum ScanState {
        case fieldStart
        case unquoted
        case quoted
        /// A quote inside a quoted field: either its end or the first of a doubled quote.
        case afterQuote
        /// A CR right after a closing quote, which must be followed by LF.
        case afterQuoteCR
    }

    private struct Overlong {
        var line: Int
        var prefix: [UInt8]
        var length: Int
    }

    private struct OverlongLine {
        /// The index in `buffer` at which the line sits, between the bytes around it.
        var index: Int
        var prefix: [UInt8]
        var length: Int
    }

    public init(format: DelimitedFormat, limits: Limits = Limits()) {
        self.format = format
        self.limits = limits
    }

    /// True once ``finish()`` was called and every record was returned.
    public var isFinished: Bool {
        inputEnded && position == buffer.count && overlongLines.isEmpty && overlong == nil
            && recordStart == position && state == .fieldStart && ends.isEmpty
    }

    // MARK: - Feeding

    /// Adds input bytes. Call ``next()`` until it returns nil before adding more,
    /// so the buffer contains no more than the record in progress and one chunk.
    public mutating func append(_ bytes: some Sequence<UInt8>) {
        precondition(!inputEnded, "DelimitedReader.append after finish()")
        compact()
        buffer.append(contentsOf: bytes)
    }

    /// Adds one line and a line break, for input read with ``LineReader``,
    /// which removes line terminators (and with them a CR before a quoted line break).
    public mutating func appendLine(_ line: some Sequence<UInt8>) {
        append(line)
        buffer.append(0x0A)
    }

    /// Reports a line that ``LineReader`` skipped for its length. The record
    /// it belongs to is rejected as too large, and reading resumes after it.
    public mutating func appendOverlongLine(prefix: some Sequence<UInt8>, length: Int) {
        precondition(!inputEnded, "DelimitedReader.appendOverlongLine after finish()")
        compact()
        overlongLines.append(OverlongLine(index: buffer.count, prefix: Array(prefix), length: length))
    }

    /// Marks the end of the input: the last record may lack a line break, and
    /// a quote still open is an error.
    public mutating func finish() {
        inputEnded = true
    }

    /// Drops the bytes of records already returned.
    private mutating func compact() {
        guard recordStart > 0 else { return }
        if recordStart == buffer.count {
            buffer.removeAll(keepingCapacity: true)
        } else {
            buffer.removeSubrange(0..<recordStart)
        }
        position -= recordStart
        for index in overlongLines.indices {
            overlongLines[index].index -= recordStart
        }
        recordStart = 0
    }

    // MARK: - Reading

    /// Returns the next row or rejected record, or nil when the bytes so far
    /// hold no complete record (or, after ``finish()``, when none is left).
    public mutating func next() -> DelimitedReadResult? {
        guard skipByteOrderMark() else { return nil }
        while true {
            let limit = overlongLines.first?.index ?? buffer.count
            if overlong != nil {
                if let result = skipOverlong(upTo: limit) {
                    return result
                }
            } else if let result = scan(upTo: limit) {
                return result
            }

            if position < limit {
                // scan(upTo:) stopped early because the record passed the byte limit.
                continue
            }
            if !overlongLines.isEmpty {
                return takeOverlongLine()
            }
            guard inputEnded else { return nil }
            return endOfInput()
        }
    }

    /// Drops a UTF-8 byte order mark at the start. Returns false while the
    /// first bytes could still turn out to be one.
    private mutating func skipByteOrderMark() -> Bool {
        guard !checkedByteOrderMark else { return true }
        let mark: [UInt8] = [0xEF, 0xBB, 0xBF]
        let available = min(buffer.count, 3)
        if buffer.count < 3, !inputEnded, overlongLines.isEmpty, buffer.elementsEqual(mark.prefix(available)) {
            return false
        }
        checkedByteOrderMark = true
        if buffer.starts(with: mark), overlongLines.first.map({ $0.index >= 3 }) ?? true {
            position = 3
            recordStart = 3
        }
        return true
    }

    /// Scans bytes up to `limit` and returns the first record completed, if any.
    private mutating func scan(upTo limit: Int) -> DelimitedReadResult? {
        let delimiter = format.delimiter
        let quoting = format.quoting
        while position < limit {
            // Two bytes of slack let a record of exactly the limit end with CRLF,
            // and makeResult checks the exact length.
            if position - recordStart >= limits.maxRecordBytes + 2 {
                startOverlong()
                return nil
            }
            let byte = buffer[position]
            position += 1

            switch state {
            case .fieldStart:
                if byte == 0x22, quoting {
                    state = .quoted
                    quoteLine = line
                } else if byte == delimiter {
                    endField()
                } else if byte == 0x0A {
                    endField()
                    if let result = endRecord(terminatorLength: 1) {
                        return result
                    }
                } else {
                    storage.append(byte)
                    state = .unquoted
                }
            case .unquoted:
                if byte == delimiter {
                    endField()
                    state = .fieldStart
                } else if byte == 0x0A {
                    let hasCR = storage.last == 0x0D && storage.count > (ends.last ?? 0)
                    if hasCR {
                        storage.removeLast()
                    }
                    endField()
                    if let result = endRecord(terminatorLength: hasCR ? 2 : 1) {
                        return result
                    }
                } else {
                    storage.append(byte)
                }
            case .quoted:
                if byte == 0x22 {
                    state = .afterQuote
                } else {
                    if byte == 0x0A {
                        line += 1
                    }
                    storage.append(byte)
                }
            case .afterQuote:
                if byte == 0x22 {
                    storage.append(byte)
                    state = .quoted
                } else if byte == delimiter {
                    endField()
                    state = .fieldStart
                } else if byte == 0x0A {
                    endField()
                    if let result = endRecord(terminatorLength: 1) {
                        return result
                    }
                } else if byte == 0x0D {
                    state = .afterQuoteCR
                } else {
                    noteSyntaxError("unexpected character after the closing quote of field \(ends.count + 1)")
                    storage.append(byte)
                    state = .unquoted
                }
            case .afterQuoteCR:
                if byte == 0x0A {
                    endField()
                    if let result = endRecord(terminatorLength: 2) {
                        return result
                    }
                } else {
                    noteSyntaxError("unexpected character after the closing quote of field \(ends.count + 1)")
                    storage.append(0x0D)
                    state = .unquoted
                    // Read this byte again as part of the unquoted remainder.
                    position -= 1
                }
            }
        }
        return nil
    }

    // MARK: - Records

    private mutating func endField() {
        state = .fieldStart
        if ends.count >= limits.maxFields {
            tooManyFields = true
            storage.removeAll(keepingCapacity: true)
            return
        }
        ends.append(storage.count)
    }

    private mutating func noteSyntaxError(_ message: String) {
        if syntaxError == nil {
            syntaxError = message
        }
    }

    /// Completes the record that ends at `position` with a terminator of
    /// `terminatorLength` bytes. Returns nil for an empty line.
    private mutating func endRecord(terminatorLength: Int) -> DelimitedReadResult? {
        let raw = buffer[recordStart..<position - terminatorLength]
        let result = makeResult(raw: raw)
        line += 1
        resetRecord()
        return result
    }

    private mutating func makeResult(raw: ArraySlice<UInt8>) -> DelimitedReadResult? {
        if raw.count > limits.maxRecordBytes {
            let message = "\(format.name) record of \(raw.count) bytes is longer than the limit of \(limits.maxRecordBytes) bytes"
            return .rejected(lineNumber: recordLine, payload: raw.prefix(DeadLetter.maxPayloadBytes),
                             rejection: RecordRejection(.tooLarge, message))
        }
        if let syntaxError {
            let message = "malformed \(format.name) record: \(syntaxError)"
            return .rejected(lineNumber: recordLine, payload: raw, rejection: RecordRejection(.invalidField, message))
        }
        if tooManyFields {
            let message = "\(format.name) record has more than \(limits.maxFields) fields"
            return .rejected(lineNumber: recordLine, payload: raw, rejection: RecordRejection(.tooLarge, message))
        }
        if raw.isEmpty {
            return nil
        }
        let row = DelimitedRow(lineNumber: recordLine, raw: raw, storage: storage, ends: ends)
        storage = []
        storage.reserveCapacity(row.raw.count)
        ends = []
        ends.reserveCapacity(row.count)
        return .row(row)
    }

    private mutating func resetRecord() {
        recordStart = position
        recordLine = line
        state = .fieldStart
        storage.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        syntaxError = nil
        tooManyFields = false
    }

    // MARK: - Over-long records

    /// Starts skipping the current record, keeping its first bytes for the dead letter.
    private mutating func startOverlong() {
        let prefixLength = min(position - recordStart, DeadLetter.maxPayloadBytes)
        overlong = Overlong(line: recordLine, prefix: Array(buffer[recordStart..<recordStart + prefixLength]),
                            length: position - recordStart)
        recordStart = position
    }

    /// Skips to the next LF before `limit` and returns the rejection when it finds one.
    private mutating func skipOverlong(upTo limit: Int) -> DelimitedReadResult? {
        guard let newline = buffer[position..<limit].firstIndex(of: 0x0A) else {
            overlong?.length += limit - position
            position = limit
            recordStart = position
            return nil
        }
        overlong?.length += newline - position
        position = newline + 1
        return takeOverlong(lines: 1)
    }

    /// Rejects the record in progress together with a line ``LineReader``
    /// skipped, then resumes after that line.
    private mutating func takeOverlongLine() -> DelimitedReadResult? {
        let skipped = overlongLines.removeFirst()
        if overlong == nil {
            var prefix = Array(buffer[recordStart..<min(position, recordStart + DeadLetter.maxPayloadBytes)])
            prefix.append(contentsOf: skipped.prefix.prefix(DeadLetter.maxPayloadBytes - prefix.count))
            overlong = Overlong(line: recordLine, prefix: prefix, length: position - recordStart)
        }
        overlong?.length += skipped.length
        return takeOverlong(lines: 1)
    }

    /// Returns the rejection of the skipped record and starts a new record
    /// after `lines` more line breaks.
    private mutating func takeOverlong(lines: Int) -> DelimitedReadResult {
        let skipped = overlong!
        overlong = nil
        line += lines
        resetRecord()
        let message = """
            \(format.name) record of \(skipped.length) bytes is longer than the limit of \
            \(limits.maxRecordBytes) bytes; reading resumes on line \(line)
            """
        return .rejected(lineNumber: skipped.line, payload: ArraySlice(skipped.prefix),
                         rejection: RecordRejection(.tooLarge, message))
    }

    // MARK: - End of input

    private mutating func endOfInput() -> DelimitedReadResult? {
        if overlong != nil {
            return takeOverlong(lines: 0)
        }
        if recordStart == position, state == .fieldStart, ends.isEmpty {
            return nil
        }

        let raw = buffer[recordStart..<position]
        switch state {
        case .quoted:
            let message = """
                malformed \(format.name) record: the quoted field \(ends.count + 1) opened on line \(quoteLine) \
                is not closed before the end of the input
                """
            let startLine = recordLine
            resetRecord()
            return .rejected(lineNumber: startLine, payload: raw, rejection: RecordRejection(.invalidField, message))
        case .unquoted:
            let hasCR = storage.last == 0x0D && storage.count > (ends.last ?? 0)
            if hasCR {
                storage.removeLast()
            }
            endField()
            return finishLastRecord(raw: hasCR ? raw.dropLast() : raw)
        case .afterQuoteCR:
            endField()
            return finishLastRecord(raw: raw.dropLast())
        case .fieldStart, .afterQuote:
            endField()
            return finishLastRecord(raw: raw)
        }
    }

    private mutating func finishLastRecord(raw: ArraySlice<UInt8>) -> DelimitedReadResult? {
        let result = makeResult(raw: raw)
        resetRecord()
        return result
    }
}

import VigilRuntime

/// Reads a CSV or TSV export with a header row and turns every later row
/// into interchange JSON through a ``ColumnMapping``.
///
/// Feed it like ``DelimitedReader`` and pull with ``next()``. The first
/// record is the header: when it does not fit the mapping (or the input has
/// no header), ``next()`` throws a ``ColumnMappingError`` once and again on
/// every later call, and no row is returned. Every other record becomes
/// exactly one ``MappedRow``.
public struct MappedRowReader: Sendable {
    public let mapping: ColumnMapping
    private var reader: DelimitedReader
    private var bound: BoundColumnMapping?
    private var headerError: ColumnMappingError?

    public init(format: DelimitedFormat, mapping: ColumnMapping,
                limits: DelimitedReader.Limits = DelimitedReader.Limits()) {
        self.mapping = mapping
        self.reader = DelimitedReader(format: format, limits: limits)
    }

    /// The header's mapping, once the header was read and matched.
    public var boundMapping: BoundColumnMapping? { bound }

    /// True once ``finish()`` was called and every row was returned.
    public var isFinished: Bool { reader.isFinished }

    // MARK: - Feeding

    /// Adds input bytes in chunks of any size, as ``DelimitedReader/append(_:)`` does.
    public mutating func append(_ bytes: some Sequence<UInt8>) {
        reader.append(bytes)
    }

    /// Adds one line read by ``LineReader``, as ``DelimitedReader/appendLine(_:)`` does.
    public mutating func appendLine(_ line: some Sequence<UInt8>) {
        reader.appendLine(line)
    }

    /// Reports a line ``LineReader`` skipped for its length, as ``DelimitedReader/appendOverlongLine(prefix:length:)`` does.
    public mutating func appendOverlongLine(prefix: some Sequence<UInt8>, length: Int) {
        reader.appendOverlongLine(prefix: prefix, length: length)
    }

    /// Marks the end of the input.
    public mutating func finish() {
        reader.finish()
    }

    // MARK: - Reading

    /// Returns the next row, or nil when more input is needed (or, after
    /// ``finish()``, when none is left). Throws when the header does not fit the mapping.
    public mutating func next() throws(ColumnMappingError) -> MappedRow? {
        if let headerError {
            throw headerError
        }
        while let result = reader.next() {
            guard let bound else {
                try readHeader(result)
                continue
            }
            switch result {
            case .row(let row):
                do {
                    let json = try bound.record(from: row)
                    return .record(lineNumber: row.lineNumber, json: json, source: row.raw)
                } catch {
                    return .rejected(lineNumber: row.lineNumber, payload: row.raw, rejection: error)
                }
            case let .rejected(lineNumber, payload, rejection):
                return .rejected(lineNumber: lineNumber, payload: payload, rejection: rejection)
            }
        }
        if bound == nil, reader.isFinished {
            let error = ColumnMappingError("the input is empty: expected a header row that names the columns")
            headerError = error
            throw error
        }
        return nil
    }

    private mutating func readHeader(_ result: DelimitedReadResult) throws(ColumnMappingError) {
        switch result {
        case .row(let header):
            do {
                bound = try mapping.bind(header: header)
            } catch {
                headerError = error
                throw error
            }
        case let .rejected(lineNumber, _, rejection):
            let error = ColumnMappingError("the header row on line \(lineNumber) is invalid: \(rejection.message)")
            headerError = error
            throw error
        }
    }
}

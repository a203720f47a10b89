import Foundation

/// A mapping from the columns of a CSV or TSV export to interchange records of one kind.
///
/// Loaded from a small JSON file (docs/COLUMN-MAPPING.md describes the
/// format). Each field of the kind reads a column named in the header, or
/// takes a constant. A column may map its values ("客服" to "agent"), and a
/// time column states its format and, when its cells carry no offset, the
/// zone. Everything that can be checked without the file is checked when
/// the mapping is loaded. ``bind(header:)`` checks the column names.
public struct ColumnMapping: Sendable {
    /// The kind of every record the mapping produces.
    public let kind: RecordKind
    /// The mapped fields, in the order records are written.
    let rules: [Rule]

    /// The mapping of one interchange field.
    struct Rule: Sendable {
        enum Source: Sendable {
            /// The column with this header name.
            case column(String)
            /// A fixed JSON value, already encoded.
            case constant([UInt8])
        }

        var field: InterchangeField
        var source: Source
        /// Cell values (trimmed) and their replacements, or empty when cells are used as they are.
        var values: [ArraySlice<UInt8>: [UInt8]]
        var time: TimeColumnFormat?
    }

    init(kind: RecordKind, rules: [Rule]) {
        self.kind = kind
        self.rules = rules
    }

    /// The header names the mapping reads, in field order, without repeats.
    public var columns: [String] {
        var names: [String] = []
        for rule in rules {
            if case .column(let name) = rule.source, !names.contains(name) {
                names.append(name)
            }
        }
        return names
    }

    // MARK: - Header

    /// Finds the mapped columns in a header row. Throws when a column is
    /// missing or named twice, or when the header is not UTF-8 text.
    public func bind(header: DelimitedRow) throws(ColumnMappingError) -> BoundColumnMapping {
        var names: [String] = []
        names.reserveCapacity(header.count)
        for index in 0..<header.count {
            let cell = JSONText.trimmed(header[index])
            guard JSONText.isValidUTF8(cell) else {
                throw ColumnMappingError("""
                    the header row on line \(header.lineNumber) is not valid UTF-8; if the file is in GBK, convert it \
                    first, for example with iconv -f GBK -t UTF-8
                    """)
            }
            names.append(String(decoding: cell, as: UTF8.self))
        }

        var missing: [String] = []
        var bound: [BoundColumnMapping.Rule] = []
        for rule in rules {
            switch rule.source {
            case .constant(let json):
                bound.append(BoundColumnMapping.Rule(rule: rule, source: .constant(json)))
            case .column(let name):
                let matches = names.indices.filter { names[$0] == name }
                if matches.count > 1 {
                    throw ColumnMappingError("""
                        the column "\(name)" appears \(matches.count) times in the header on line \
                        \(header.lineNumber), so the mapping of "\(rule.field.name)" is ambiguous
                        """)
                }
                guard let index = matches.first else {
                    if !missing.contains(name) {
                        missing.append(name)
                    }
                    continue
                }
                bound.append(BoundColumnMapping.Rule(rule: rule, source: .column(index: index, name: name)))
            }
        }
        guard missing.isEmpty else {
            let list = missing.map { "\"\($0)\"" }.joined(separator: ", ")
            let header = names.map { "\"\($0)\"" }.joined(separator: ", ")
            throw ColumnMappingError("""
                the header has no column \(list), which the mapping reads; the header's columns are \(header)
                """)
        }
        return BoundColumnMapping(kind: kind, columnCount: header.count, rules: bound)
    }
}

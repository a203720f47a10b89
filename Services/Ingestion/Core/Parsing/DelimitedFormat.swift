/// The field delimiter and quoting rule of a delimited text file (CSV or TSV).
public struct DelimitedFormat: Sendable, Equatable {
    /// The byte between fields: 0x2C (",") or 0x09 (tab).
    public var delimiter: UInt8
    /// Whether a `"` at the start of a field opens a quoted field, as RFC 4180
    /// describes. Plain TSV (IANA text/tab-separated-values) has no quoting,
    /// so its fields never contain tabs or line breaks.
    public var quoting: Bool

    public init(delimiter: UInt8, quoting: Bool = true) {
        self.delimiter = delimiter
        self.quoting = quoting
    }

    /// RFC 4180 CSV: comma-separated, with quoted fields.
    public static let csv = DelimitedFormat(delimiter: 0x2C)

    /// Tab-separated values with RFC 4180 quoting, as spreadsheet programs
    /// write them when a field contains a tab, a quote or a line break.
    public static let tsv = DelimitedFormat(delimiter: 0x09)

    /// Reads a `--format` value: "csv" or "tsv".
    public init?(name: String) {
        switch name.lowercased() {
        case "csv": self = .csv
        case "tsv": self = .tsv
        default: return nil
        }
    }

    /// "CSV" or "TSV", for messages.
    public var name: String {
        delimiter == 0x09 ? "TSV" : "CSV"
    }
}

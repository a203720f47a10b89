import Foundation

/// One benchmark's results as a table, written the same way by every
/// subcommand: aligned text for the terminal, Markdown for docs/BENCHMARKS.md
/// and JSON for tools that compare runs.
public struct BenchmarkReport: Sendable {
    /// A table cell: numbers keep their value for JSON and their rounding for text.
    public enum Cell: Sendable {
        case text(String)
        case integer(Int)
        /// A value printed with `decimals` digits after the point.
        case number(Double, decimals: Int)
        /// No value for this row.
        case empty

        var rendered: String {
            switch self {
            case .text(let text): text
            case .integer(let value): Self.grouped(value)
            case .number(let value, let decimals): String(format: "%.\(decimals)f", value)
            case .empty: "-"
            }
        }

        var jsonValue: Any {
            switch self {
            case .text(let text): text
            case .integer(let value): value
            case .number(let value, _): value
            case .empty: NSNull()
            }
        }

        /// Thousands separated by commas, so that 1,000,000 reads at a glance.
        private static func grouped(_ value: Int) -> String {
            let digits = String(value.magnitude)
            var result = ""
            for (index, digit) in digits.enumerated() {
                if index > 0 && (digits.count - index) % 3 == 0 {
                    result.append(",")
                }
                result.append(digit)
            }
            return value < 0 ? "-" + result : result
        }
    }

    /// The subcommand's name, which also names the output files (`matcher.md`, `matcher.json`).
    public var name: String
    public var title: String
    /// The command line that produced the report.
    public var command: String
    public var machine: MachineDescription
    public var columns: [String]
    public var rows: [[Cell]] = []
    /// Sentences printed under the table: what the figures mean and any target they miss.
    public var notes: [String] = []
    /// Figures derived from the rows, such as ratios and targets, by name. Only the JSON carries them.
    public var figures: [String: Double] = [:]

    public init(name: String, title: String, command: String, machine: MachineDescription, columns: [String]) {
        self.name = name
        self.title = title
        self.command = command
        self.machine = machine
        self.columns = columns
    }

    public mutating func append(_ row: [Cell]) {
        precondition(row.count == columns.count, "a row needs one cell per column")
        rows.append(row)
    }

    // MARK: - Rendering

    /// The table as aligned plain text, text left-aligned and numbers right-aligned, with the notes below.
    public var text: String {
        let cells = rows.map { $0.map(\.rendered) }
        let widths = columns.indices.map { column in
            ([columns[column]] + cells.map { $0[column] }).map(\.count).max() ?? 0
        }
        func line(_ values: [String], row: [Cell]?) -> String {
            values.enumerated().map { column, value in
                let padding = String(repeating: " ", count: widths[column] - value.count)
                if case .text = row?[column] ?? .text("") {
                    return value + padding
                }
                return padding + value
            }.joined(separator: "  ").replacing(#/\s+$/#, with: "")
        }
        var lines = [title, line(columns, row: nil), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")]
        for (index, row) in rows.enumerated() {
            lines.append(line(cells[index], row: row))
        }
        lines.append(contentsOf: notes)
        return lines.joined(separator: "\n") + "\n"
    }

    /// The table as Markdown with the machine and the command above it.
    public var markdown: String {
        // Numbers align right, as in the terminal table, and the first row decides each column's kind.
        let alignments = columns.indices.map { column in
            let isText = rows.first.map { Self.isText($0[column]) } ?? true
            return isText ? " --- |" : " ---: |"
        }
        var lines = [
            "### \(title)",
            "",
            "Machine: \(machine.processorCount) processors, \(machine.processorModel). Command: `\(command)`.",
            "",
            "| " + columns.joined(separator: " | ") + " |",
            "|" + alignments.joined(),
        ]
        for row in rows {
            lines.append("| " + row.map(\.rendered).joined(separator: " | ") + " |")
        }
        if !notes.isEmpty {
            lines.append("")
            lines.append(contentsOf: notes.map { "- " + $0 })
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The report as a JSON object: one object per row keyed by column name, numbers unrounded.
    public var json: Data {
        let objects = rows.map { row in
            Dictionary(uniqueKeysWithValues: zip(columns, row.map(\.jsonValue)))
        }
        let document: [String: Any] = [
            "benchmark": name,
            "title": title,
            "command": command,
            "machine": ["processors": machine.processorCount, "model": machine.processorModel],
            "rows": objects,
            "notes": notes,
            "figures": figures,
        ]
        // Every value above is a string, a number, null, an array or a dictionary, which JSONSerialization accepts.
        return (try? JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys])) ?? Data()
    }

    /// Writes `NAME.md` and `NAME.json` into `directory`, creating it, and returns the two paths.
    public func write(to directory: String) throws -> [String] {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let markdownPath = (directory as NSString).appendingPathComponent("\(name).md")
        let jsonPath = (directory as NSString).appendingPathComponent("\(name).json")
        try Data(markdown.utf8).write(to: URL(fileURLWithPath: markdownPath))
        try json.write(to: URL(fileURLWithPath: jsonPath))
        return [markdownPath, jsonPath]
    }

    private static func isText(_ cell: Cell) -> Bool {
        if case .text = cell { return true }
        return false
    }
}

import Foundation

/// One benchmark's results as a table, written the same way by every
/// subcommand: aligned text for the terminal, Markdown for docs/BENCHMARKS.md
/// and JSON for tools that compare runs.
public struct BenchmarkReport: Sendable {
    /// The subcommand's name, which also names the output files (`matcher.md`, `matcher.json`).
    public var name: String
    public var title: String
    /// The command line that produced the report.
    public var command: String
    public var machine: MachineDescription
    /// The date, commit and load averages of the run.
    public var conditions: RunConditions
    /// True for a run of only some cases or parts, whose files get a name of their
    /// own (``fileStem``), so that they do not replace those of a full run.
    public var isPartial = false
    public var columns: [String]
    public var rows: [[Cell]] = []
    /// Sentences printed under the table: what the figures mean and any target they miss.
    public var notes: [String] = []
    /// Figures derived from the rows, such as ratios and targets, by name. Only the JSON carries them.
    public var figures: [String: Double] = [:]

    public init(name: String, title: String, command: String, machine: MachineDescription, conditions: RunConditions,
                columns: [String]) {
        self.name = name
        self.title = title
        self.command = command
        self.machine = machine
        self.conditions = conditions
        self.columns = columns
    }

    /// The name of the output files without extension: ``name``, or `NAME-partial` for a partial run.
    public var fileStem: String {
        isPartial ? "\(name)-partial" : name
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
                if row?[column].alignsLeft ?? true {
                    return value + padding
                }
                return padding + value
            }.joined(separator: "  ").replacing(#/\s+$/#, with: "")
        }
        var lines = [title, machineSentence + " " + conditions.sentence, line(columns, row: nil),
                     widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")]
        for (index, row) in rows.enumerated() {
            lines.append(line(cells[index], row: row))
        }
        lines.append(contentsOf: notes)
        return lines.joined(separator: "\n") + "\n"
    }

    /// The table as Markdown with the machine, the run's conditions and the command above it.
    public var markdown: String {
        // Numbers align right, as in the terminal table, and the first row decides each column's kind.
        let alignments = columns.indices.map { column in
            let alignsLeft = rows.first.map { $0[column].alignsLeft } ?? true
            return alignsLeft ? " --- |" : " ---: |"
        }
        var lines = [
            "### \(title)",
            "",
            "\(machineSentence) \(conditions.sentence) Command: `\(command)`.",
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

    /// The report as a JSON object: one object per row keyed by column name,
    /// numbers unrounded. A row whose cells hold lower bounds also lists their
    /// columns under `lowerBounds`.
    public var json: Data {
        let objects = rows.map { row in
            var object = Dictionary(uniqueKeysWithValues: zip(columns, row.map(\.jsonValue)))
            let lowerBounds = zip(columns, row).filter { $0.1.isLowerBound }.map(\.0)
            if !lowerBounds.isEmpty {
                object["lowerBounds"] = lowerBounds
            }
            return object
        }
        let document: [String: Any] = [
            "benchmark": name,
            "title": title,
            "command": command,
            "partial": isPartial,
            "machine": ["processors": machine.processorCount, "model": machine.processorModel],
            "date": conditions.isoDate,
            "commit": conditions.commit ?? NSNull(),
            "loadAverageBefore": conditions.loadBefore?.jsonObject ?? NSNull(),
            "loadAverageAfter": conditions.loadAfter?.jsonObject ?? NSNull(),
            "rows": objects,
            "notes": notes,
            "figures": figures,
        ]
        // Every value above is a string, a number, null, an array or a dictionary, which JSONSerialization accepts.
        return (try? JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys])) ?? Data()
    }

    /// Writes ``fileStem`` `.md` and `.json` into `directory`, creating it, and returns the two paths.
    /// Throws ``PathError`` naming the file and the system's reason.
    public func write(to directory: String) throws(PathError) -> [String] {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw PathError("cannot create the output folder \(directory): \(PathCheck.reason(error))")
        }
        let markdownPath = (directory as NSString).appendingPathComponent("\(fileStem).md")
        let jsonPath = (directory as NSString).appendingPathComponent("\(fileStem).json")
        for (path, data) in [(markdownPath, Data(markdown.utf8)), (jsonPath, json)] {
            do {
                try data.write(to: URL(fileURLWithPath: path))
            } catch {
                throw PathError("cannot write \(path): \(PathCheck.reason(error))")
            }
        }
        return [markdownPath, jsonPath]
    }

    private var machineSentence: String {
        "Machine: \(English.count(machine.processorCount, "processor")), \(machine.processorModel)."
    }
}

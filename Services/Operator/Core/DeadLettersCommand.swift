import VigilContracts
import VigilRuntime

/// `vigil dead-letters`: the rejected records and why.
enum DeadLettersCommand: Subcommand {
    static let name = "dead-letters"
    static let summary = LocalizedText(chinese: "列出被拒收的记录及原因", english: "list rejected records with the reason")
    static let options: [OptionSpec] = []

    static func run(_ options: ParsedOptions, context: OperatorContext) throws -> Int32 {
        let letters = try context.scanner.events(DeadLetter.self, of: context.catalogue.deadLetters).events
            .sorted(by: Self.inSourceOrder)
        guard !letters.isEmpty else {
            print(context.text("没有死信：所有记录都已接收。", "No dead letters: every record was accepted."))
            return 0
        }
        var table = TextTable(headers: context.language == .chinese
            ? ["服务", "来源", "原因代码", "原因", "内容"]
            : ["service", "source", "code", "reason", "payload"])
        // Dead letters mask numbers when they are made; this masks those of older versions.
        let masker = PersonalDataMasker()
        for letter in letters {
            table.append([letter.service, letter.source.position, letter.reasonCode.rawValue,
                          shortened(masker.mask(letter.reason), to: 90), shortened(masker.mask(letter.payload), to: 50)])
        }
        print(table.render())
        print(context.text("共 \(letters.count) 条死信", "\(letters.count) dead letters"))
        return 0
    }
}

extension DeadLettersCommand {
    /// Orders dead letters by service, then by file or topic position, with
    /// line numbers and offsets compared as numbers (line 2 before line 10).
    static func inSourceOrder(_ left: DeadLetter, _ right: DeadLetter) -> Bool {
        let leftKey = (left.service, left.source.file ?? "", left.source.topic ?? "", left.source.eventId ?? "")
        let rightKey = (right.service, right.source.file ?? "", right.source.topic ?? "", right.source.eventId ?? "")
        if leftKey != rightKey {
            return leftKey < rightKey
        }
        let leftNumbers = (left.source.line ?? 0, left.source.partition ?? 0, left.source.offset ?? 0)
        let rightNumbers = (right.source.line ?? 0, right.source.partition ?? 0, right.source.offset ?? 0)
        return leftNumbers < rightNumbers
    }
}

/// Returns the text on one line, cut to `length` characters with "…". Control
/// characters from the rejected bytes (escape sequences could clear or
/// retitle the operator's terminal) are shown as U+FFFD.
private func shortened(_ text: String, to length: Int) -> String {
    let scalars = text.unicodeScalars.map { scalar -> Unicode.Scalar in
        if scalar == "\n" || scalar == "\r" || scalar == "\t" {
            return " "
        }
        return scalar.properties.generalCategory == .control ? "\u{FFFD}" : scalar
    }
    let line = String(String.UnicodeScalarView(scalars))
    return line.count > length ? String(line.prefix(length - 1)) + "…" : line
}

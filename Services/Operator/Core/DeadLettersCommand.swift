import VigilContracts
import VigilRuntime

/// `vigil dead-letters`: the rejected records and why.
enum DeadLettersCommand: Subcommand {
    static let name = "dead-letters"
    static let summary = LocalizedText(chinese: "列出被拒收的记录及原因", english: "list rejected records with the reason")
    static let options: [OptionSpec] = []

    static func run(_ options: ParsedOptions, context: OperatorContext) throws -> Int32 {
        let letters = try context.scanner.events(DeadLetter.self, of: context.catalogue.deadLetters).events
        var table = TextTable(headers: context.language == .chinese
            ? ["服务", "来源", "原因代码", "原因", "内容"]
            : ["service", "source", "code", "reason", "payload"])
        for letter in letters {
            let payload = letter.payload.count > 60 ? String(letter.payload.prefix(60)) + "…" : letter.payload
            table.append([letter.service, letter.source.position, letter.reasonCode.rawValue, letter.reason,
                          payload.replacingNewlines()])
        }
        print(table.render())
        print(context.text("共 \(letters.count) 条死信", "\(letters.count) dead letters"))
        return 0
    }
}

private extension String {
    func replacingNewlines() -> String {
        String(map { $0.isNewline ? " " : $0 })
    }
}

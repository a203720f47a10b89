import VigilContracts
import VigilRuntime

/// The steps every `check FILE` command shares: one file argument, then the
/// summary on standard output, or one error per line on standard error.
enum FileCheck {
    /// Runs `check` on the single file argument, prints its lines and returns its exit status.
    static func run(_ options: ParsedOptions, context: OperatorContext, fileKind: String, example: String,
                    check: (String, Language) -> (Int32, [String])) throws -> Int32 {
        guard let path = options.positionals.first else {
            throw UsageError("missing \(fileKind) file: name one, such as \(example)")
        }
        guard options.positionals.count == 1 else {
            throw UsageError("expected one \(fileKind) file, found \(options.positionals.count) arguments")
        }

        let (status, lines) = check(path, context.language)
        for line in lines {
            if status == 0 {
                print(line)
            } else {
                ServiceMain.printError(line)
            }
        }
        return status
    }
}

import VigilContracts
import VigilRuntime
#if canImport(Glibc)
import Glibc
#endif

/// `vigil-console hash-token --person ID`: reads a token on standard input
/// and prints its entry for the tokens file, so the token itself is never stored.
public enum ConsoleHashTokenCommand {
    /// The one-line description for the help of `vigil-console`.
    public static let summary = LocalizedText(
        chinese: "从标准输入读取个人令牌，输出令牌文件中的一条记录（只含 SHA-256 摘要）",
        english: "read a personal token on standard input and print its tokens-file entry (the SHA-256 digest only)")

    static let options = [
        OptionSpec("person", valueName: "ID", help: LocalizedText(
            chinese: "令牌所属人员的花名册 ID（必填）", english: "the roster id of the token's person (required)")),
    ]

    /// Returns the tokens-file entry of `token` for `person` as one line of JSON.
    /// - Throws: ``UsageError`` for an empty person or a token that is too short or contains spaces.
    public static func entry(person: String, token: String) throws -> String {
        guard !person.isEmpty else {
            throw UsageError("missing --person ID: give the roster id of the person the token signs in")
        }
        if let problem = AccessTokens.problem(with: token) {
            throw UsageError(problem)
        }
        let entry = ConsoleTokens.Entry(person: person, sha256: SHA256.hex(token))
        return String(decoding: try EventCoding.encode(entry), as: UTF8.self)
    }

    /// Parses the options, reads one line from standard input, prints the entry and exits.
    public static func main(arguments: [String], environment: [String: String]) -> Never {
        let language = ProcessEnvironment.language(environment)
        let commandLine = CommandLineOptions(options)
        let person: String
        do {
            let parsed = try commandLine.parse(arguments, environment: environment)
            if parsed.helpRequested {
                print("vigil-console hash-token --person ID < token\n  \(summary.text(in: language))\n\n"
                    + commandLine.help(in: language))
                exit(0)
            }
            guard let value = parsed.value("person") else {
                throw UsageError("missing --person ID: give the roster id of the person the token signs in")
            }
            person = value
        } catch {
            usageFailure(error)
        }

        guard let line = readLine(strippingNewline: true), !line.isEmpty else {
            usageFailure(UsageError("no token on standard input"))
        }
        do {
            print(try entry(person: person, token: line))
        } catch {
            usageFailure(error)
        }
        exit(0)
    }

    private static func usageFailure(_ error: any Error) -> Never {
        ServiceMain.printError("vigil-console hash-token: \(error)\nRun vigil-console hash-token --help for the options.")
        exit(2)
    }
}

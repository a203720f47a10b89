import VigilContracts
import VigilRuntime
#if canImport(Glibc)
import Glibc
#endif

/// `vigil-ingest hash-token`: reads a token on standard input and prints the
/// entry for the tokens file, so the token itself is never stored.
enum HashTokenCommand {
    static let summary = LocalizedText(
        chinese: "从标准输入读取令牌，输出令牌文件中的一条记录（只含 SHA-256 摘要）",
        english: "read a token on standard input and print its tokens-file entry (the SHA-256 digest only)")

    static let options = [
        OptionSpec("site", valueName: "SITE",
                   help: LocalizedText(chinese: "令牌所属站点；品牌方对接用 *", english: "the token's site, or * for the brand")),
        OptionSpec("name", valueName: "NAME",
                   help: LocalizedText(chinese: "令牌持有者的说明", english: "a description of the token holder")),
    ]

    static func main(arguments: [String], environment: [String: String]) -> Never {
        let language = ProcessEnvironment.language(environment)
        let commandLine = CommandLineOptions(options)
        let site: String
        let name: String
        do {
            let parsed = try commandLine.parse(arguments, environment: environment)
            if parsed.helpRequested {
                print("\(IngestCommand.modes(in: language))\n\n\(commandLine.help(in: language))")
                exit(0)
            }
            guard let value = parsed.value("site") else {
                throw UsageError("missing --site SITE (or --site '*' for the brand)")
            }
            guard value == "*" || (!value.isEmpty && !value.contains("/")) else {
                throw UsageError("invalid value \"\(value)\" for --site: expected a site id without \"/\", or * for the brand")
            }
            site = value
            name = parsed.value("name") ?? value
        } catch {
            IngestCommand.usageFailure(error, mode: "hash-token ")
        }

        guard let line = readLine(strippingNewline: true), !line.isEmpty else {
            IngestCommand.usageFailure(UsageError("no token on standard input"), mode: "hash-token ")
        }
        if let problem = AccessTokens.problem(with: line) {
            IngestCommand.usageFailure(UsageError(problem), mode: "hash-token ")
        }
        let entry = SiteTokens.Entry(site: site, name: name, sha256: SHA256.hex(line))
        guard let json = try? EventCoding.encode(entry) else { exit(1) }
        print(String(decoding: json, as: UTF8.self))
        exit(0)
    }
}

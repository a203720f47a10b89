/// A command line that `vigil-bench` cannot run: the message, then the
/// subcommand's usage, go to standard error, and the exit status is 2.
public struct UsageError: Error, Equatable, CustomStringConvertible {
    public var message: String
    /// The usage text to print after the message: the subcommand's, or the whole program's.
    public var usage: String

    public init(_ message: String, usage: String) {
        self.message = message
        self.usage = usage
    }

    public var description: String { message }
}

/// The options of one subcommand, read from the arguments after its name.
public enum ParsedArguments: Equatable {
    /// `--help` or `-h` came among the options: print the subcommand's usage and run nothing.
    case help
    /// The `--name value` pairs, by name.
    case values([String: String])
}

/// Reads `--name value` pairs, because every option of every subcommand takes a value, and `--help`.
public enum OptionParser {
    public static let helpNames: Set<String> = ["--help", "-h"]

    /// Parses `arguments` against `allowed` option names. A value that
    /// starts with `--` counts as missing, because it is the next option.
    /// Throws ``UsageError`` with `usage` for an unknown option or a missing value.
    public static func parse(_ arguments: some Collection<String>, allowed: Set<String>,
                             usage: String) throws(UsageError) -> ParsedArguments {
        // Help wins over any error, so that `matcher --runs --help` still shows the options.
        if arguments.contains(where: helpNames.contains) {
            return .help
        }
        var values: [String: String] = [:]
        var remaining = ArraySlice(arguments)
        while let name = remaining.popFirst() {
            guard allowed.contains(name) else {
                throw UsageError("unknown option \(name)", usage: usage)
            }
            guard let value = remaining.first, !value.hasPrefix("--") else {
                throw UsageError("missing value for \(name)", usage: usage)
            }
            remaining.removeFirst()
            values[name] = value
        }
        return .values(values)
    }

    /// Reads a whole number of at least `minimum` for `name`, or nil when the option is absent.
    static func wholeNumber(_ values: [String: String], _ name: String, minimum: Int,
                            usage: String) throws(UsageError) -> Int? {
        guard let text = values[name] else { return nil }
        guard let value = Int(text), value >= minimum else {
            throw UsageError("invalid \(name) \(text): give a whole number of at least \(minimum)", usage: usage)
        }
        return value
    }
}

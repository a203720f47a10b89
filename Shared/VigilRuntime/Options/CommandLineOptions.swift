import VigilContracts

/// One command-line option, optionally also read from an environment variable.
public struct OptionSpec: Sendable {
    /// The long name without dashes ("bootstrap-servers").
    public var name: String
    /// The environment variable read when the option is absent ("VIGIL_BOOTSTRAP_SERVERS").
    public var environment: String?
    /// The placeholder in the help ("HOST:PORT"); nil makes the option a flag.
    public var valueName: String?
    /// The value used when neither the option nor the variable is set.
    public var defaultValue: String?
    /// True when the option may be given several times.
    public var repeatable: Bool
    public var help: LocalizedText

    public init(_ name: String, environment: String? = nil, valueName: String? = nil, defaultValue: String? = nil,
                repeatable: Bool = false, help: LocalizedText) {
        self.name = name
        self.environment = environment
        self.valueName = valueName
        self.defaultValue = defaultValue
        self.repeatable = repeatable
        self.help = help
    }

    /// Creates a flag: an option that is present or absent and takes no value.
    public static func flag(_ name: String, environment: String? = nil, help: LocalizedText) -> OptionSpec {
        OptionSpec(name, environment: environment, help: help)
    }

    var isFlag: Bool { valueName == nil }
}

/// A command line that does not match the command's options.
public struct UsageError: Error, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}

/// Parsed options: flags first from the command line, then the environment, then defaults.
public struct ParsedOptions: Sendable {
    var values: [String: [String]]
    /// The arguments that are not options, in order.
    public var positionals: [String]
    /// True when `--help` or `-h` was given.
    public var helpRequested: Bool

    /// Returns the last value of an option, or nil.
    public func value(_ name: String) -> String? { values[name]?.last }

    /// Returns every value of a repeatable option, in order.
    public func values(_ name: String) -> [String] { values[name] ?? [] }

    /// True when a flag is set; "0", "false" and "no" in the environment count as unset.
    public func flag(_ name: String) -> Bool {
        guard let value = values[name]?.last else { return false }
        return !["0", "false", "no", ""].contains(value.lowercased())
    }

    /// Returns the value parsed as an integer, or throws a usage error naming the option.
    public func integer(_ name: String) throws -> Int? {
        guard let text = value(name) else { return nil }
        guard let number = Int(text) else {
            throw UsageError("invalid value \"\(text)\" for --\(name): expected a whole number")
        }
        return number
    }
}

/// Parses `--name value`, `--name=value` and flags against a list of options.
public struct CommandLineOptions: Sendable {
    public var options: [OptionSpec]

    public init(_ options: [OptionSpec]) {
        self.options = options
    }

    /// Parses the arguments (without the program name) and fills gaps from
    /// the environment, the `--config` file when the options include one, and the defaults.
    public func parse(_ arguments: [String], environment: [String: String]) throws -> ParsedOptions {
        var values: [String: [String]] = [:]
        var positionals: [String] = []
        var helpRequested = false
        var index = 0

        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if argument == "--help" || argument == "-h" {
                helpRequested = true
                continue
            }
            if argument == "--" {
                positionals += arguments[index...]
                break
            }
            guard argument.hasPrefix("--") else {
                positionals.append(argument)
                continue
            }

            var name = String(argument.dropFirst(2))
            var inlineValue: String?
            if let equals = name.firstIndex(of: "=") {
                inlineValue = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            guard let option = options.first(where: { $0.name == name }) else {
                throw UsageError("unknown option --\(name)")
            }

            let value: String
            if option.isFlag {
                guard inlineValue == nil else { throw UsageError("--\(name) takes no value") }
                value = "true"
            } else if let inlineValue {
                value = inlineValue
            } else {
                guard index < arguments.count else { throw UsageError("missing value for --\(name)") }
                value = arguments[index]
                index += 1
            }
            if !option.repeatable, values[name] != nil {
                throw UsageError("--\(name) given more than once")
            }
            values[name, default: []].append(value)
        }

        // Flags first, then the environment, then `--config FILE`, then the defaults.
        var fileValues: [String: [String]] = [:]
        if let configOption = options.first(where: { $0.name == "config" }),
           let path = values["config"]?.last ?? configOption.environment.flatMap({ environment[$0] }) {
            fileValues = try ConfigFile(path: path, options: options).values
        }
        for option in options where values[option.name] == nil {
            if let variable = option.environment, let value = environment[variable] {
                values[option.name] = [value]
            } else if let fromFile = fileValues[option.name] {
                values[option.name] = fromFile
            } else if let value = option.defaultValue {
                values[option.name] = [value]
            }
        }
        return ParsedOptions(values: values, positionals: positionals, helpRequested: helpRequested)
    }

    /// Formats the options section of a help text.
    public func help(in language: Language) -> String {
        options.map { option in
            var head = "  --\(option.name)"
            if let valueName = option.valueName {
                head += " \(valueName)"
            }
            var lines = [head, "      \(option.help.text(in: language))"]
            var notes: [String] = []
            if let variable = option.environment {
                notes.append(language == .chinese ? "环境变量 \(variable)" : "env \(variable)")
            }
            if let value = option.defaultValue {
                notes.append(language == .chinese ? "默认 \(value)" : "default \(value)")
            }
            if !notes.isEmpty {
                lines.append(language == .chinese
                    ? "      （\(notes.joined(separator: "；"))）"
                    : "      (\(notes.joined(separator: "; ")))")
            }
            return lines.joined(separator: "\n")
        }.joined(separator: "\n")
    }
}

import Foundation
import VigilContracts

/// The compiled rules an alerting instance applies now, and where they came from.
public struct ActiveRules: Sendable {
    public let compiled: CompiledRuleSet
    /// The rule set's version, which every alert records.
    public var version: String { compiled.version }
    /// The release's event id, or nil for rules read from a file at start.
    public let releaseId: String?

    public init(compiled: CompiledRuleSet, releaseId: String?) {
        self.compiled = compiled
        self.releaseId = releaseId
    }

    /// Parses, validates and compiles a rules file's text.
    ///
    /// The error lists every problem with its line and column, as `vigil rules check` does.
    public static func compile(text: String, normalizer: TextNormalizer, releaseId: String?) throws -> ActiveRules {
        let ruleSet = try RuleSetParser.parse(text: text)
        return ActiveRules(compiled: try CompiledRuleSet(ruleSet, normalizer: normalizer), releaseId: releaseId)
    }

    /// Reads and compiles a rules file.
    public static func load(path: String, normalizer: TextNormalizer) throws -> ActiveRules {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RulesLoadError(path: path, message: "cannot read the rules file: check that it exists and is readable")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw RulesLoadError(path: path, message: "the rules file is not valid UTF-8: save it as UTF-8")
        }
        do {
            return try compile(text: text, normalizer: normalizer, releaseId: nil)
        } catch let errors as RuleFileErrors {
            throw RulesLoadError(path: path, message: errors.errors.map { "\(path):\($0.line):\($0.column): \($0.message)" }
                .joined(separator: "\n"))
        }
    }
}

/// A rules file that could not be used at start, with every reason.
public struct RulesLoadError: Error, CustomStringConvertible {
    public var path: String
    public var message: String

    public var description: String { message.hasPrefix(path) ? message : "\(path): \(message)" }
}

import Foundation
import VigilContracts
import VigilJSON

/// Reads a rules file (the format is described on ``RuleSet``) and validates it.
///
/// Validation goes on after the first problem, so one run lists every error
/// with the line and column of the offending value.
public enum RuleSetParser {
    /// Parses and validates a rules file's bytes, which must be UTF-8.
    public static func parse(bytes: [UInt8]) throws(RuleFileErrors) -> RuleSet {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw RuleFileErrors([RuleFileError(position: SourcePosition(line: 1, column: 1),
                                                message: "the file is not valid UTF-8: save it as UTF-8")])
        }
        return try parse(text: text)
    }

    /// Parses and validates a rules file's text.
    public static func parse(text: String) throws(RuleFileErrors) -> RuleSet {
        let document: PositionedJSON
        do {
            document = try PositionedJSONParser.parse(text)
        } catch {
            throw RuleFileErrors([RuleFileError(position: error.position, message: "invalid JSON: \(error.message)")])
        }

        var validator = RuleSetValidator()
        let ruleSet = validator.ruleSet(from: document)
        guard validator.errors.isEmpty, let ruleSet else {
            throw RuleFileErrors(validator.errors)
        }
        return ruleSet
    }
}

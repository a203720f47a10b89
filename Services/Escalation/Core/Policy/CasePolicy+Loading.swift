import Foundation
import VigilContracts
import VigilJSON

// MARK: - Reading a policy file

extension CasePolicy {
    /// Files larger than this are rejected unread, because a real one is well under a kilobyte.
    static let maximumFileBytes = 1 << 16

    /// Reads and checks a case policy file.
    ///
    /// The file is one JSON object in UTF-8; every field is optional and a
    /// missing one keeps its default:
    ///
    ///     {"acknowledge": {"critical": "15m", "high": "30m", "medium": "2h", "low": "8h"},
    ///      "followUp": {"critical": "4h", "high": "8h", "medium": "24h", "low": "72h"},
    ///      "reopenDays": 7, "rectificationDays": 7}
    ///
    /// Durations are a positive integer and a unit (s, m, h, d), at most 365
    /// days. Days are whole numbers from 0 (reopenDays: never reopen) or 1
    /// (rectificationDays) to 365. Unknown and repeated fields are errors, so a
    /// misspelt field cannot silently leave the default in force.
    ///
    /// - Throws: ``CasePolicyFileError`` listing every problem as FILE:LINE:COLUMN.
    public static func load(path: String) throws(CasePolicyFileError) -> CasePolicy {
        let text: String
        do {
            text = try SmallTextFile.read(path: path, maximumBytes: maximumFileBytes, kind: "a case policy")
        } catch {
            throw CasePolicyFileError(path: path, problems: [
                .init(line: error.position?.line, column: error.position?.column, message: error.message),
            ])
        }
        return try parse(text: text, path: path)
    }

    /// Checks a policy file's text. `path` only names the file in errors.
    public static func parse(text: String, path: String) throws(CasePolicyFileError) -> CasePolicy {
        let document: PositionedJSON
        do {
            document = try PositionedJSONParser.parse(text)
        } catch {
            throw CasePolicyFileError(path: path, problems: [
                .init(line: error.position.line, column: error.position.column, message: "invalid JSON: \(error.message)"),
            ])
        }

        var reader = CasePolicyReader()
        let policy = reader.policy(from: document)
        guard reader.problems.isEmpty else {
            let ordered = reader.problems.sorted { ($0.line ?? 0, $0.column ?? 0) < ($1.line ?? 0, $1.column ?? 0) }
            throw CasePolicyFileError(path: path, problems: ordered)
        }
        return policy
    }
}

// MARK: - Validation

/// Turns a parsed policy file into a ``CasePolicy``, collecting every problem.
private struct CasePolicyReader {
    var problems: [CasePolicyFileError.Problem] = []

    mutating func policy(from document: PositionedJSON) -> CasePolicy {
        var policy = CasePolicy()
        let fields = members(of: document, allowed: ["acknowledge", "followUp", "reopenDays", "rectificationDays"],
                             context: "the case policy")
        if let value = fields["acknowledge"] {
            policy.acknowledge = limits(value, field: "acknowledge", defaults: CasePolicy.defaultAcknowledge)
        }
        if let value = fields["followUp"] {
            policy.followUp = limits(value, field: "followUp", defaults: CasePolicy.defaultFollowUp)
        }
        if let value = fields["reopenDays"] {
            policy.reopenDays = days(value, field: "reopenDays", range: 0...365) ?? policy.reopenDays
        }
        if let value = fields["rectificationDays"] {
            policy.rectificationDays = days(value, field: "rectificationDays", range: 1...365) ?? policy.rectificationDays
        }
        return policy
    }

    /// Reads an object of severities and durations; missing severities keep their defaults.
    private mutating func limits(_ value: PositionedJSON, field: String,
                                 defaults: [Severity: PolicyDuration]) -> [Severity: PolicyDuration] {
        var limits = defaults
        let names = Severity.allCases.map(\.rawValue)
        for (key, member) in members(of: value, allowed: names, context: "\"\(field)\"") {
            guard let severity = Severity(rawValue: key) else { continue }
            guard case .string(let text) = member.kind else {
                fail(member, "\(field).\(key) must be a duration such as \"30m\", found \(member.typeName)")
                continue
            }
            guard let duration = PolicyDuration(parsing: text) else {
                fail(member, "\(field).\(key) \"\(text)\" is not a duration: write a positive whole number and "
                    + "s, m, h or d (\"30m\", \"2h\"), at most 365 days")
                continue
            }
            limits[severity] = duration
        }
        return limits
    }

    private mutating func days(_ value: PositionedJSON, field: String, range: ClosedRange<Int>) -> Int? {
        guard case .number(let text) = value.kind, let number = Int(text) else {
            fail(value, "\(field) must be a whole number of days, found \(value.typeName)")
            return nil
        }
        guard range.contains(number) else {
            fail(value, "\(field) \(number) is out of range: use \(range.lowerBound) to \(range.upperBound) days")
            return nil
        }
        return number
    }

    /// Returns an object's members by name, reporting a non-object, unknown names and repeated names.
    private mutating func members(of value: PositionedJSON, allowed: [String],
                                  context: String) -> [String: PositionedJSON] {
        guard case .object(let members) = value.kind else {
            fail(value, "\(context) must be a JSON object, found \(value.typeName)")
            return [:]
        }
        var found: [String: PositionedJSON] = [:]
        for member in members {
            if !allowed.contains(member.key) {
                let expected = allowed.map { "\"\($0)\"" }.joined(separator: ", ")
                fail(at: member.keyPosition, "unknown field \"\(member.key)\" in \(context); expected one of \(expected)")
            } else if found[member.key] != nil {
                fail(at: member.keyPosition, "duplicate field \"\(member.key)\" in \(context)")
            } else {
                found[member.key] = member.value
            }
        }
        return found
    }

    private mutating func fail(_ value: PositionedJSON, _ message: String) {
        fail(at: value.position, message)
    }

    private mutating func fail(at position: SourcePosition, _ message: String) {
        problems.append(.init(line: position.line, column: position.column, message: message))
    }
}

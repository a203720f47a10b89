/// The members of one JSON object as a validator reads them: by name, with
/// duplicate and unknown fields reported as problems.
public struct JSONObjectFields: Sendable {
    private var members: [String: PositionedJSON.Member] = [:]
    /// The start of the object, for errors about missing fields.
    public let position: SourcePosition
    /// Every field not in the allowed list and every repeated field, in file order.
    public private(set) var problems: [JSONFieldProblem] = []

    /// Reads `object`, collecting every field not in `allowed` and every repeated field.
    /// `context` names the object in messages ("the rule set", "item \"first-response\"").
    public init(_ object: [PositionedJSON.Member], at position: SourcePosition, allowed: [String], context: String) {
        self.position = position
        for member in object {
            if !allowed.contains(member.key) {
                var message = "unknown field \"\(member.key)\" in \(context)"
                if let suggestion = Self.closest(to: member.key, in: allowed) {
                    message += "; did you mean \"\(suggestion)\"?"
                } else {
                    message += "; expected one of " + allowed.map { "\"\($0)\"" }.joined(separator: ", ")
                }
                problems.append(JSONFieldProblem(position: member.keyPosition, message: message))
            } else if let first = members[member.key] {
                problems.append(JSONFieldProblem(
                    position: member.keyPosition,
                    message: "duplicate field \"\(member.key)\" in \(context) (first given at line \(first.keyPosition.line))"))
            } else {
                members[member.key] = member
            }
        }
    }

    /// Returns the value of `key`, or nil when the object does not have it.
    public subscript(key: String) -> PositionedJSON? {
        members[key]?.value
    }

    /// Returns a name within two edits of `key`, or one that shares its first
    /// five letters ("exclude" for "exclusion"), for "did you mean" hints.
    public static func closest(to key: String, in names: [String]) -> String? {
        let lowered = key.lowercased()
        let scored = names.map { ($0, editDistance(lowered, $0.lowercased())) }
        if let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= 2 {
            return best.0
        }
        guard lowered.count >= 5 else { return nil }
        return names.first { $0.lowercased().hasPrefix(lowered.prefix(5)) }
    }

    /// Computes the Levenshtein distance between two short strings.
    private static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in stride(from: 1, through: b.count, by: 1) {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            previous = current
        }
        return a.isEmpty ? b.count : previous[b.count]
    }
}

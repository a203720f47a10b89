import VigilContracts

extension JSONValue {
    /// Returns the value as one line of JSON: object keys sorted by their UTF-8
    /// bytes, no spaces, slashes and non-ASCII text unescaped.
    func compactText() -> String {
        var output = ""
        writeCompact(to: &output)
        return output
    }

    private func writeCompact(to output: inout String) {
        switch self {
        case .null:
            output += "null"
        case .bool(let value):
            output += value ? "true" : "false"
        case .integer(let value):
            output += String(value)
        case .number(let value):
            output += value.isFinite ? "\(value)" : "null"
        case .string(let text):
            JSONStringLiteral.append(text, to: &output)
        case .array(let elements):
            output += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { output += "," }
                element.writeCompact(to: &output)
            }
            output += "]"
        case .object(let members):
            output += "{"
            let names = members.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
            for (index, name) in names.enumerated() {
                if index > 0 { output += "," }
                JSONStringLiteral.append(name, to: &output)
                output += ":"
                (members[name] ?? .null).writeCompact(to: &output)
            }
            output += "}"
        }
    }
}

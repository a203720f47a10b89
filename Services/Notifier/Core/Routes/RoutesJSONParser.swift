/// Parses JSON text (RFC 8259) into ``RoutesJSON`` values that remember where they start.
///
/// Lines and columns count from 1, and a column counts Unicode scalars.
struct RoutesJSONParser {
    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var line = 1
    private var column = 1
    /// Deeper nesting than any routes file needs is rejected, so a hostile file cannot exhaust the stack.
    private let maxDepth = 64

    init(text: String) {
        scalars = Array(text.unicodeScalars)
    }

    /// Parses the whole text as one JSON value.
    mutating func parse() throws(RoutesFileError) -> RoutesJSON {
        skipWhitespace()
        let value = try parseValue(depth: 0)
        skipWhitespace()
        guard index == scalars.count else {
            throw error("unexpected text after the JSON value")
        }
        return value
    }

    // MARK: - Values

    private mutating func parseValue(depth: Int) throws(RoutesFileError) -> RoutesJSON {
        guard depth < maxDepth else { throw error("JSON nested deeper than \(maxDepth) levels") }
        guard let scalar = peek() else { throw error("unexpected end of file: expected a JSON value") }
        let (startLine, startColumn) = (line, column)

        let value: RoutesJSON.Value
        switch scalar {
        case "{": value = try parseObject(depth: depth)
        case "[": value = try parseArray(depth: depth)
        case "\"": value = .string(try parseString())
        case "t": try expectWord("true"); value = .bool(true)
        case "f": try expectWord("false"); value = .bool(false)
        case "n": try expectWord("null"); value = .null
        case "-", "0"..."9": value = .number(try parseNumber())
        default: throw error("unexpected character \"\(scalar)\": expected a JSON value")
        }
        return RoutesJSON(value: value, line: startLine, column: startColumn)
    }

    private mutating func parseObject(depth: Int) throws(RoutesFileError) -> RoutesJSON.Value {
        advance()
        var members: [RoutesJSON.Member] = []
        skipWhitespace()
        if peek() == "}" {
            advance()
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard peek() == "\"" else { throw error("expected a field name in double quotes") }
            let (keyLine, keyColumn) = (line, column)
            let key = try parseString()
            skipWhitespace()
            guard peek() == ":" else { throw error("expected \":\" after the field name \"\(key)\"") }
            advance()
            skipWhitespace()
            let value = try parseValue(depth: depth + 1)
            members.append(RoutesJSON.Member(key: key, line: keyLine, column: keyColumn, value: value))
            skipWhitespace()
            switch peek() {
            case ",": advance()
            case "}": advance(); return .object(members)
            default: throw error("expected \",\" or \"}\" in an object")
            }
        }
    }

    private mutating func parseArray(depth: Int) throws(RoutesFileError) -> RoutesJSON.Value {
        advance()
        var elements: [RoutesJSON] = []
        skipWhitespace()
        if peek() == "]" {
            advance()
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue(depth: depth + 1))
            skipWhitespace()
            switch peek() {
            case ",": advance()
            case "]": advance(); return .array(elements)
            default: throw error("expected \",\" or \"]\" in an array")
            }
        }
    }

    private mutating func parseString() throws(RoutesFileError) -> String {
        advance()
        var result = String.UnicodeScalarView()
        while let scalar = peek() {
            switch scalar {
            case "\"":
                advance()
                return String(result)
            case "\\":
                advance()
                result.append(try parseEscape())
            case "\u{0}"..."\u{1F}":
                throw error("control character in a string: write it as an escape such as \\n")
            default:
                result.append(scalar)
                advance()
            }
        }
        throw error("unterminated string")
    }

    private mutating func parseEscape() throws(RoutesFileError) -> Unicode.Scalar {
        guard let scalar = peek() else { throw error("unterminated string") }
        advance()
        switch scalar {
        case "\"", "\\", "/": return scalar
        case "b": return "\u{8}"
        case "f": return "\u{C}"
        case "n": return "\n"
        case "r": return "\r"
        case "t": return "\t"
        case "u":
            let first = try parseHexQuad()
            if (0xD800...0xDBFF).contains(first) {
                guard peek() == "\\" else { throw error("unpaired surrogate in \\u escape") }
                advance()
                guard peek() == "u" else { throw error("unpaired surrogate in \\u escape") }
                advance()
                let second = try parseHexQuad()
                guard (0xDC00...0xDFFF).contains(second) else { throw error("unpaired surrogate in \\u escape") }
                let combined = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                return Unicode.Scalar(combined)!
            }
            guard let decoded = Unicode.Scalar(first) else { throw error("unpaired surrogate in \\u escape") }
            return decoded
        default:
            throw error("invalid escape \\\(scalar)")
        }
    }

    private mutating func parseHexQuad() throws(RoutesFileError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let scalar = peek(), scalar.isASCII, let digit = UInt32(String(scalar), radix: 16) else {
                throw error("expected four hex digits after \\u")
            }
            value = value * 16 + digit
            advance()
        }
        return value
    }

    private mutating func parseNumber() throws(RoutesFileError) -> String {
        var text = ""
        while let scalar = peek(), "+-.eE0123456789".unicodeScalars.contains(scalar) {
            text.unicodeScalars.append(scalar)
            advance()
        }
        guard Double(text) != nil, !text.hasPrefix("+") else { throw error("invalid number \"\(text)\"") }
        return text
    }

    private mutating func expectWord(_ word: String) throws(RoutesFileError) {
        for expected in word.unicodeScalars {
            guard peek() == expected else { throw error("unexpected character: expected \(word)") }
            advance()
        }
    }

    // MARK: - Scanning

    private func peek() -> Unicode.Scalar? {
        index < scalars.count ? scalars[index] : nil
    }

    private mutating func advance() {
        if scalars[index] == "\n" {
            line += 1
            column = 1
        } else {
            column += 1
        }
        index += 1
    }

    private mutating func skipWhitespace() {
        while let scalar = peek(), scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" {
            advance()
        }
    }

    private func error(_ message: String) -> RoutesFileError {
        RoutesFileError(line: line, column: column, message: message)
    }
}

/// Parses JSON text (RFC 8259) into ``PositionedJSON`` values that remember
/// where each value starts.
///
/// Foundation's JSON parsers do not report line numbers, and the people who
/// edit rules and routes files need them. Numbers are kept as written.
/// Duplicate keys are kept, so a validator can report them.
public struct PositionedJSONParser {
    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var line = 1
    private var column = 1

    /// Nesting deeper than this is rejected, so a hostile file cannot exhaust the stack.
    public static let maximumDepth = 64

    private init(text: String) {
        scalars = Array(text.unicodeScalars)
    }

    /// Parses the whole text as one JSON value.
    public static func parse(_ text: String) throws(JSONSyntaxError) -> PositionedJSON {
        var parser = PositionedJSONParser(text: text)
        // A byte order mark is not JSON, but editors on Windows write one.
        if parser.peek == "\u{FEFF}" { parser.index += 1 }
        parser.skipWhitespace()
        let value = try parser.parseValue(depth: 0)
        parser.skipWhitespace()
        if parser.peek != nil {
            throw parser.error("unexpected text after the end of the JSON value")
        }
        return value
    }

    // MARK: - Values

    private mutating func parseValue(depth: Int) throws(JSONSyntaxError) -> PositionedJSON {
        guard depth < Self.maximumDepth else {
            throw error("values are nested more than \(Self.maximumDepth) levels deep")
        }
        let start = position
        guard let scalar = peek else { throw error("unexpected end of file: expected a value") }
        switch scalar {
        case "{":
            return PositionedJSON(kind: .object(try parseObject(depth: depth)), position: start)
        case "[":
            return PositionedJSON(kind: .array(try parseArray(depth: depth)), position: start)
        case "\"":
            return PositionedJSON(kind: .string(try parseString()), position: start)
        case "-", "0"..."9":
            return PositionedJSON(kind: .number(try parseNumber()), position: start)
        case "t":
            try expectWord("true")
            return PositionedJSON(kind: .bool(true), position: start)
        case "f":
            try expectWord("false")
            return PositionedJSON(kind: .bool(false), position: start)
        case "n":
            try expectWord("null")
            return PositionedJSON(kind: .null, position: start)
        default:
            throw error("unexpected character \(Self.quoted(scalar)): expected a value")
        }
    }

    private mutating func parseObject(depth: Int) throws(JSONSyntaxError) -> [PositionedJSON.Member] {
        advance()
        skipWhitespace()
        var members: [PositionedJSON.Member] = []
        if peek == "}" {
            advance()
            return members
        }
        while true {
            skipWhitespace()
            guard peek == "\"" else {
                if peek == "}" { throw error("trailing comma before \"}\"") }
                throw error(peek == nil ? "unexpected end of file inside an object" : "expected a quoted key")
            }
            let keyPosition = position
            let key = try parseString()
            skipWhitespace()
            guard peek == ":" else { throw error("expected \":\" after the key \"\(key)\"") }
            advance()
            skipWhitespace()
            let value = try parseValue(depth: depth + 1)
            members.append(PositionedJSON.Member(key: key, keyPosition: keyPosition, value: value))
            skipWhitespace()
            switch peek {
            case ",": advance()
            case "}":
                advance()
                return members
            case nil: throw error("unexpected end of file inside an object: expected \",\" or \"}\"")
            default: throw error("expected \",\" or \"}\" after the value of \"\(key)\"")
            }
        }
    }

    private mutating func parseArray(depth: Int) throws(JSONSyntaxError) -> [PositionedJSON] {
        advance()
        skipWhitespace()
        var elements: [PositionedJSON] = []
        if peek == "]" {
            advance()
            return elements
        }
        while true {
            skipWhitespace()
            if peek == "]" { throw error("trailing comma before \"]\"") }
            elements.append(try parseValue(depth: depth + 1))
            skipWhitespace()
            switch peek {
            case ",": advance()
            case "]":
                advance()
                return elements
            case nil: throw error("unexpected end of file inside a list: expected \",\" or \"]\"")
            default: throw error("expected \",\" or \"]\" after a list element")
            }
        }
    }

    private mutating func parseString() throws(JSONSyntaxError) -> String {
        advance()
        var text = String.UnicodeScalarView()
        while true {
            guard let scalar = peek else { throw error("unexpected end of file inside a string") }
            switch scalar {
            case "\"":
                advance()
                return String(text)
            case "\\":
                let escapePosition = position
                advance()
                text.append(try parseEscape(at: escapePosition))
            case "\n":
                throw error("line break inside a string: write \\n or close the string with \"")
            default:
                if scalar.value < 0x20 {
                    throw error("control character U+\(String(scalar.value, radix: 16, uppercase: true)) inside a string")
                }
                text.append(scalar)
                advance()
            }
        }
    }

    private mutating func parseEscape(at start: SourcePosition) throws(JSONSyntaxError) -> Unicode.Scalar {
        guard let scalar = peek else { throw error("unexpected end of file inside a string") }
        advance()
        switch scalar {
        case "\"": return "\""
        case "\\": return "\\"
        case "/": return "/"
        case "b": return "\u{08}"
        case "f": return "\u{0C}"
        case "n": return "\n"
        case "r": return "\r"
        case "t": return "\t"
        case "u":
            let high = try parseHexQuad(escapeStart: start)
            if (0xD800..<0xDC00).contains(high) {
                // A high surrogate must be followed by an escaped low surrogate.
                guard peek == "\\", index + 1 < scalars.count, scalars[index + 1] == "u" else {
                    throw JSONSyntaxError(position: start, message: "unpaired surrogate in a \\u escape")
                }
                advance()
                advance()
                let low = try parseHexQuad(escapeStart: start)
                guard (0xDC00..<0xE000).contains(low),
                      let combined = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)) else {
                    throw JSONSyntaxError(position: start, message: "unpaired surrogate in a \\u escape")
                }
                return combined
            }
            guard let decoded = Unicode.Scalar(high) else {
                throw JSONSyntaxError(position: start, message: "unpaired surrogate in a \\u escape")
            }
            return decoded
        default:
            throw JSONSyntaxError(position: start, message: "invalid escape \\\(scalar) in a string")
        }
    }

    private mutating func parseHexQuad(escapeStart: SourcePosition) throws(JSONSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let scalar = peek, scalar.isASCII, let digit = UInt32(String(scalar), radix: 16) else {
                throw JSONSyntaxError(position: escapeStart, message: "\\u must be followed by four hexadecimal digits")
            }
            value = value * 16 + digit
            advance()
        }
        return value
    }

    private mutating func parseNumber() throws(JSONSyntaxError) -> String {
        let start = index
        if peek == "-" { advance() }
        guard let first = peek, ("0"..."9").contains(first) else { throw error("expected a digit") }
        if first == "0" {
            advance()
            if let next = peek, ("0"..."9").contains(next) { throw error("numbers must not start with 0") }
        } else {
            skipDigits()
        }
        if peek == "." {
            advance()
            guard let next = peek, ("0"..."9").contains(next) else { throw error("expected a digit after \".\"") }
            skipDigits()
        }
        if peek == "e" || peek == "E" {
            advance()
            if peek == "+" || peek == "-" { advance() }
            guard let next = peek, ("0"..."9").contains(next) else { throw error("expected a digit in the exponent") }
            skipDigits()
        }
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars[start..<index])
        return String(text)
    }

    private mutating func expectWord(_ word: String) throws(JSONSyntaxError) {
        let start = position
        for expected in word.unicodeScalars {
            guard peek == expected else {
                throw JSONSyntaxError(position: start, message: "invalid literal: expected \(word) (strings need quotes)")
            }
            advance()
        }
    }

    // MARK: - Scanning

    private var peek: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }
    private var position: SourcePosition { SourcePosition(line: line, column: column) }

    private mutating func advance() {
        if scalars[index] == "\n" {
            line += 1
            column = 1
        } else {
            column += 1
        }
        index += 1
    }

    private mutating func skipDigits() {
        while let scalar = peek, ("0"..."9").contains(scalar) { advance() }
    }

    private mutating func skipWhitespace() {
        while let scalar = peek, scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" { advance() }
    }

    private func error(_ message: String) -> JSONSyntaxError {
        JSONSyntaxError(position: position, message: message)
    }

    private static func quoted(_ scalar: Unicode.Scalar) -> String {
        scalar.value < 0x20 ? "U+\(String(scalar.value, radix: 16, uppercase: true))" : "\"\(scalar)\""
    }
}

import VigilTestSupport
@testable import Ingestion

/// Writes a random valid JSON array or NDJSON body and remembers where each
/// record lies, so a splitter can be checked against exact boundaries.
///
/// Strings hold the characters that trip boundary scanners: quotes and
/// backslashes (escaped), brackets, braces, commas, colons and multi-byte
/// UTF-8. Whitespace between tokens varies.
struct GeneratedBody {
    private(set) var bytes: [UInt8] = []
    private(set) var records: [BodyRecord] = []
    private(set) var isNDJSON = false

    private static let stringPieces = [
        "a", "中", "😀", "\\\"", "\\\\", "]", "[", "{", "}", ",", ":", "\\n", "\\u005d", "\\/", " ", "\\\\\\\"",
    ]
    private static let whitespace = ["", "", " ", "\t", "\n", "\r\n", "  "]

    mutating func generate(ndjson: Bool, using generator: inout SplitMix64) {
        isNDJSON = ndjson
        let count = Int.random(in: 0...12, using: &generator)
        if ndjson {
            var line = 1
            for _ in 0..<count {
                while Int.random(in: 0..<4, using: &generator) == 0 {
                    append(Bool.random(using: &generator) ? " \n" : "\n")
                    line += 1
                }
                let start = bytes.count
                writeObject(depth: 1, using: &generator)
                records.append(BodyRecord(index: line, range: start..<bytes.count))
                append(Bool.random(using: &generator) ? "\n" : "\r\n")
                line += 1
            }
            return
        }

        append(space(&generator) + "[" + space(&generator))
        for index in 0..<count {
            if index > 0 {
                append(space(&generator) + "," + space(&generator))
            }
            let start = bytes.count
            writeValue(depth: 1, using: &generator)
            records.append(BodyRecord(index: index + 1, range: start..<bytes.count))
        }
        append(space(&generator) + "]" + space(&generator))
    }

    // MARK: - Values

    private mutating func writeValue(depth: Int, using generator: inout SplitMix64) {
        let choice = depth >= 6 ? Int.random(in: 2..<6, using: &generator) : Int.random(in: 0..<6, using: &generator)
        switch choice {
        case 0: writeObject(depth: depth + 1, using: &generator)
        case 1: writeArray(depth: depth + 1, using: &generator)
        case 2: writeString(using: &generator)
        case 3: append(["0", "-1.5e3", "12.50", "1e-7"].randomElement(using: &generator)!)
        case 4: append(["true", "false"].randomElement(using: &generator)!)
        default: append("null")
        }
    }

    private mutating func writeObject(depth: Int, using generator: inout SplitMix64) {
        append("{" + space(&generator))
        for index in 0..<Int.random(in: 0...4, using: &generator) {
            if index > 0 {
                append(space(&generator) + "," + space(&generator))
            }
            writeString(using: &generator)
            append(space(&generator) + ":" + space(&generator))
            writeValue(depth: depth, using: &generator)
        }
        append(space(&generator) + "}")
    }

    private mutating func writeArray(depth: Int, using generator: inout SplitMix64) {
        append("[" + space(&generator))
        for index in 0..<Int.random(in: 0...4, using: &generator) {
            if index > 0 {
                append(space(&generator) + "," + space(&generator))
            }
            writeValue(depth: depth, using: &generator)
        }
        append(space(&generator) + "]")
    }

    private mutating func writeString(using generator: inout SplitMix64) {
        var text = "\""
        for _ in 0..<Int.random(in: 0...8, using: &generator) {
            text += Self.stringPieces.randomElement(using: &generator)!
        }
        append(text + "\"")
    }

    /// Returns whitespace to put between tokens, without line breaks in NDJSON records.
    private func space(_ generator: inout SplitMix64) -> String {
        let choice = Self.whitespace.randomElement(using: &generator)!
        return isNDJSON ? choice.replacingNewlines : choice
    }

    private mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }
}

private extension String {
    var replacingNewlines: String {
        String(map { $0 == "\n" || $0 == "\r\n" ? " " : $0 })
    }
}

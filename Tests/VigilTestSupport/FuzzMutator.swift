/// Mutates byte strings the way coverage-blind fuzzers do: bit flips, byte
/// inserts and deletes, splices from other inputs, and bytes that parsers
/// treat specially, alone or in long runs.
public struct FuzzMutator {
    /// The maximum length of a mutated input in bytes, so that no case runs long.
    public var maxLength = 1 << 18

    /// Creates a mutator whose outputs grow to at most `maxLength` bytes.
    public init(maxLength: Int = 1 << 18) {
        self.maxLength = maxLength
    }

    /// Bytes that delimiters, quoting, escapes, nesting or UTF-8 decoding treat specially.
    public static let interestingBytes: [UInt8] = [
        0x22, 0x5C, 0x5B, 0x5D, 0x7B, 0x7D, 0x2C, 0x3A, 0x09, 0x0A, 0x0D, 0x00, 0xFF, 0xC0, 0x80, 0xEF, 0xBB, 0xBF,
        0xE4, 0x27, 0x20, 0x2B, 0x2D, 0x2E, 0x30, 0x39, 0x65, 0x7F,
    ]

    /// Short byte strings with meaning in JSON, CSV or UTF-8.
    public static let interestingTokens: [[UInt8]] = [
        "\"\"", "\\\"", "\\u0000", "\\ud800", "\r\n", "\n\n", "\u{FEFF}", "null", "true", "[]", "{}", "[{", "}]",
        "\"a\":", ",,", "1e999", "-0.0", "99999999999999999999", "12.50", "+08:00", "Z", "2026-02-29 25:61:61",
        "\u{2028}", "顾客", "客服", "𝄞", "\"\r\n\"", "\t\t", "\\\\", "\"]\"", "\"{\\\"\"",
    ].map { Array($0.utf8) } + [[0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE4, 0xBD]]

    /// Returns `input` after one to eight random mutations, with splices taken from `corpus`.
    public func mutate(_ input: [UInt8], corpus: [[UInt8]], using generator: inout SplitMix64) -> [UInt8] {
        var bytes = input
        let count = Int.random(in: 1...8, using: &generator)
        for _ in 0..<count {
            mutateOnce(&bytes, corpus: corpus, using: &generator)
            if bytes.count > maxLength {
                bytes.removeLast(bytes.count - maxLength)
            }
        }
        return bytes
    }

    private func mutateOnce(_ bytes: inout [UInt8], corpus: [[UInt8]], using generator: inout SplitMix64) {
        let position = bytes.isEmpty ? 0 : Int.random(in: 0...bytes.count, using: &generator)
        switch Int.random(in: 0..<11, using: &generator) {
        case 0 where !bytes.isEmpty:
            let index = min(position, bytes.count - 1)
            bytes[index] ^= 1 << UInt8.random(in: 0..<8, using: &generator)
        case 1 where !bytes.isEmpty:
            bytes[min(position, bytes.count - 1)] = UInt8.random(in: 0...255, using: &generator)
        case 2 where !bytes.isEmpty:
            bytes[min(position, bytes.count - 1)] = Self.interestingBytes.randomElement(using: &generator)!
        case 3:
            bytes.insert(Self.interestingBytes.randomElement(using: &generator)!, at: position)
        case 4:
            bytes.insert(contentsOf: Self.interestingTokens.randomElement(using: &generator)!, at: position)
        case 5 where !bytes.isEmpty:
            let start = min(position, bytes.count - 1)
            let length = Int.random(in: 1...min(64, bytes.count - start), using: &generator)
            bytes.removeSubrange(start..<start + length)
        case 6 where !bytes.isEmpty:
            // Copy a range of the input to another place in it.
            let start = Int.random(in: 0..<bytes.count, using: &generator)
            let length = Int.random(in: 1...min(256, bytes.count - start), using: &generator)
            let copy = Array(bytes[start..<start + length])
            bytes.insert(contentsOf: copy, at: Int.random(in: 0...bytes.count, using: &generator))
        case 7:
            // Splice: insert or overwrite with a range of another corpus entry.
            guard let other = corpus.randomElement(using: &generator), !other.isEmpty else { return }
            let start = Int.random(in: 0..<other.count, using: &generator)
            let length = Int.random(in: 1...min(512, other.count - start), using: &generator)
            let piece = other[start..<start + length]
            if Bool.random(using: &generator) || bytes.isEmpty {
                bytes.insert(contentsOf: piece, at: position)
            } else {
                let end = min(bytes.count, position + length)
                bytes.replaceSubrange(position..<end, with: piece)
            }
        case 8:
            // A long run of one special byte or token: deep nesting, endless quotes, huge fields.
            let runLength = Int.random(in: 16...4096, using: &generator)
            if Bool.random(using: &generator) {
                let byte = Self.interestingBytes.randomElement(using: &generator)!
                bytes.insert(contentsOf: repeatElement(byte, count: runLength), at: position)
            } else {
                let token = Self.interestingTokens.randomElement(using: &generator)!
                for _ in 0..<runLength / max(1, token.count) {
                    bytes.insert(contentsOf: token, at: position)
                }
            }
        case 9 where !bytes.isEmpty:
            bytes.removeLast(bytes.count - min(position, bytes.count))
        default:
            bytes.insert(UInt8.random(in: 0...255, using: &generator), at: position)
        }
    }
}

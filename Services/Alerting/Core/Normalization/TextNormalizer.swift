import Foundation

/// Rewrites a chat message so that disguised risk words read as the words
/// themselves, keeping for every normalized scalar the original scalars it came from.
///
/// The steps, in order:
/// 1. Compatibility and case: NFKC and lowercase per scalar (１２３ → 123,
///    ＡＢ → ab, ① → 1), then Traditional to Simplified from the tables.
/// 2. Separators: a run of whitespace, punctuation, symbols, emoji,
///    zero-width or format characters and variation selectors is dropped when
///    a Han character or digit is on both sides (工 商, 投.诉, 工❤商, 12 3 15).
///    Between two digit groups that both have three or more digits or Chinese
///    numerals, the run becomes one space instead. So two numbers written side
///    by side stay two numbers (12315、12345 → 12315 12345), while a number
///    spaced out digit by digit still joins (1 2 3 1 5, 123 15 → 12315).
/// 3. Numerals, homophones and pinyin, in one scan. Chinese numerals become
///    digits inside a run of two or more numerals or digits (一二三一五 → 12315,
///    while 一个 stays). Homophones become the rule word (投素 → 投诉). A pinyin
///    word from the tables becomes its Chinese word when it starts and ends
///    at a letter-run boundary (gong shang, gōng shāng, gong1shang1, GongShang → 工商).
///
/// NOTE: step 1 maps each scalar on its own, so a letter followed by a
/// combining mark is not composed (e + U+0301 stays two scalars). Step 2 also
/// drops sentence punctuation between Han characters (我要投。诉求 reads
/// 我要投诉求), which matching rules should allow for.
public struct TextNormalizer: Sendable {
    private let traditional: ScalarSet
    private let simplified: [UInt32: Unicode.Scalar]
    private let numerals: ScalarSet
    private let numeralDigits: [UInt32: Unicode.Scalar]
    private let homophones: ScalarTrie
    private let pinyin: ScalarTrie

    /// Creates a normalizer from tables, checking every entry first.
    public init(tables: NormalizationTables = .standard) throws {
        var simplified: [UInt32: Unicode.Scalar] = [:]
        for (traditional, simple) in tables.traditionalToSimplified {
            simplified[traditional.value] = simple
        }
        self.simplified = simplified
        traditional = ScalarSet(tables.traditionalToSimplified.keys)

        var numeralDigits: [UInt32: Unicode.Scalar] = [:]
        for (numeral, digit) in tables.chineseNumerals {
            guard ScalarClass.isDigit(digit) else { throw NormalizationTableError.invalidNumeralDigit(numeral) }
            numeralDigits[numeral.value] = digit
        }
        self.numeralDigits = numeralDigits
        numerals = ScalarSet(tables.chineseNumerals.keys)

        var homophones = ScalarTrie()
        for (word, reading) in tables.homophones {
            guard !word.isEmpty, !reading.isEmpty else { throw NormalizationTableError.emptyEntry(table: "homophones") }
            homophones.insert(Array(word.unicodeScalars), value: Array(reading.unicodeScalars))
        }
        self.homophones = homophones

        var pinyin = ScalarTrie()
        for (spelling, word) in tables.pinyinWords {
            guard !word.isEmpty else { throw NormalizationTableError.emptyEntry(table: "pinyinWords") }
            pinyin.insert(try Self.pinyinKey(spelling), value: Array(word.unicodeScalars))
        }
        self.pinyin = pinyin
    }

    /// Normalizes one message text.
    public func normalize(_ text: String) -> NormalizedText {
        var buffer = ScalarBuffer(capacity: text.utf8.count)
        let needsReplacing = foldScalars(of: text, into: &buffer)
        if needsReplacing {
            buffer = replaceWords(in: buffer)
        }
        return NormalizedText(original: text, scalars: buffer.scalars, origins: buffer.origins)
    }

    // MARK: - Steps 1 and 2: compatibility, case, script and separators

    /// Appends the folded scalars of `text` and drops separator runs as it
    /// goes: a run is appended when it starts and removed again when a Han
    /// character or digit follows one. Returns whether any scalar could start
    /// a step 3 replacement, so that plain text skips step 3.
    private func foldScalars(of text: String, into buffer: inout ScalarBuffer) -> Bool {
        var needsReplacing = false
        var separatorRunStart: Int?
        // The number of digits and numerals in the last digit group, as written.
        // Separator runs do not reset it, so at the end of a run it counts the group before the run.
        var digitGroup = 0
        // The index of a space kept between two digit groups, until the group
        // after it reaches `separatedDigitGroup`. It is removed if that group ends shorter.
        var pendingSpace: Int?
        var offset = 0
        for scalar in text.unicodeScalars {
            let origin = offset..<(offset + 1)
            offset += 1
            let value = scalar.value

            // The common case, a Han character with no separator run before it,
            // appends one scalar that is neither a separator nor a pinyin letter.
            if separatorRunStart == nil && ScalarClass.isHan(scalar) && value < 0xF900 {
                let simple = simplify(scalar)
                let isNumeral = numerals.contains(simple)
                if isNumeral {
                    digitGroup += 1
                    if digitGroup >= Self.separatedDigitGroup {
                        pendingSpace = nil
                    }
                } else {
                    if let space = pendingSpace {
                        buffer.remove(at: space)
                        pendingSpace = nil
                    }
                    digitGroup = 0
                }
                buffer.append(simple, from: origin)
                if !needsReplacing {
                    needsReplacing = isNumeral || homophones.firstScalars.contains(simple)
                }
                continue
            }

            let first = buffer.count
            if value < 0x80 {
                let folded = (0x41...0x5A).contains(value) ? Unicode.Scalar(UInt8(value + 0x20)) : scalar
                buffer.append(folded, from: origin)
            } else if ScalarClass.isHan(scalar) && value < 0xF900 {
                buffer.append(simplify(scalar), from: origin)
            } else if (0xFF01...0xFF5E).contains(value) {
                // Full-width ASCII, whose NFKC form is the ASCII character 0xFEE0 lower.
                let ascii = value - 0xFEE0
                let folded = (0x41...0x5A).contains(ascii) ? ascii + 0x20 : ascii
                buffer.append(Unicode.Scalar(UInt8(folded)), from: origin)
            } else if ScalarClass.isSeparator(scalar) || !scalar.properties.changesWhenNFKCCaseFolded {
                buffer.append(scalar, from: origin)
            } else {
                // Rare scalars (full-width forms, circled digits, accented capitals)
                // take Foundation's NFKC; this is the only allocating path.
                let mapped = String(scalar).precomposedStringWithCompatibilityMapping.lowercased()
                for result in mapped.unicodeScalars {
                    buffer.append(simplify(result), from: origin)
                }
            }

            var index = first
            while index < buffer.count {
                let appended = buffer.scalars[index]
                if ScalarClass.isSeparator(appended) {
                    if separatorRunStart == nil {
                        // The digit group after a pending space ends short of three.
                        if let space = pendingSpace {
                            buffer.remove(at: space)
                            pendingSpace = nil
                            index -= 1
                        }
                        separatorRunStart = index
                    }
                    index += 1
                    continue
                }

                let isDigitOrNumeral = ScalarClass.isDigit(appended) || numerals.contains(appended)
                if let runStart = separatorRunStart {
                    separatorRunStart = nil
                    if runStart > 0 && Self.isJoinable(buffer.scalars[runStart - 1]) && Self.isJoinable(appended) {
                        if isDigitOrNumeral && digitGroup >= Self.separatedDigitGroup {
                            buffer.collapse(runStart..<index, into: " ")
                            pendingSpace = runStart
                            index = runStart + 1
                        } else {
                            buffer.remove(from: runStart, keepingLast: buffer.count - index)
                            index = runStart
                        }
                    }
                    digitGroup = 0
                }

                if isDigitOrNumeral {
                    digitGroup += 1
                    if digitGroup >= Self.separatedDigitGroup {
                        pendingSpace = nil
                    }
                } else {
                    if let space = pendingSpace {
                        buffer.remove(at: space)
                        pendingSpace = nil
                        index -= 1
                    }
                    digitGroup = 0
                }

                if !needsReplacing {
                    needsReplacing = numerals.contains(appended) || homophones.firstScalars.contains(appended)
                        || startsPinyinWord(appended)
                }
                index += 1
            }
        }
        if let space = pendingSpace {
            buffer.remove(at: space)
        }
        return needsReplacing
    }

    @inline(__always)
    private func simplify(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        guard traditional.contains(scalar) else { return scalar }
        return simplified[scalar.value] ?? scalar
    }

    @inline(__always)
    private func startsPinyinWord(_ scalar: Unicode.Scalar) -> Bool {
        guard let letter = PinyinLetters.keyLetter(scalar) else { return false }
        return pinyin.firstScalars.contains(letter)
    }

    /// The number of digits or numerals that two groups must each have for
    /// the separator between them to stay: 12315 12345 and 12315 110 stay
    /// apart, 123 15 and 1 2 3 1 5 join.
    private static let separatedDigitGroup = 3

    @inline(__always)
    private static func isJoinable(_ scalar: Unicode.Scalar) -> Bool {
        ScalarClass.isHan(scalar) || ScalarClass.isDigit(scalar)
    }

    // MARK: - Step 3: numerals, homophones and pinyin

    /// Returns `input` with numeral runs, homophones and pinyin words
    /// replaced. The output buffer is created at the first replacement, so a
    /// text with none (the usual 一个 or 投入) is returned without a copy.
    private func replaceWords(in input: ScalarBuffer) -> ScalarBuffer {
        let scalars = input.scalars
        let origins = input.origins
        var output = ScalarBuffer(capacity: 0)
        var hasReplaced = false

        /// Copies the scalars before `index` into `output` at the first replacement.
        func beginReplacing(at index: Int) {
            guard !hasReplaced else { return }
            hasReplaced = true
            output = ScalarBuffer(capacity: input.count)
            output.scalars.append(contentsOf: scalars[..<index])
            output.origins.append(contentsOf: origins[..<index])
        }

        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]

            if numerals.contains(scalar), let end = numeralRunEnd(in: scalars, from: index) {
                beginReplacing(at: index)
                for position in index..<end {
                    let digit = numeralDigits[scalars[position].value] ?? scalars[position]
                    output.append(digit, from: origins[position])
                }
                index = end
                continue
            }

            if homophones.firstScalars.contains(scalar), let match = homophoneMatch(in: scalars, from: index) {
                beginReplacing(at: index)
                output.append(match.word, replacing: origins[index..<match.end])
                index = match.end
                continue
            }

            if startsPinyinWord(scalar), let match = pinyinMatch(in: scalars, from: index) {
                beginReplacing(at: index)
                output.append(match.word, replacing: origins[index..<match.end])
                index = match.end
                continue
            }

            if hasReplaced {
                output.append(scalar, from: origins[index])
            }
            index += 1
        }
        return hasReplaced ? output : input
    }

    /// Returns the end of the numeral-or-digit run that starts at the numeral
    /// at `start`, or nil when the run, digits before `start` included, is
    /// shorter than two, so that 一个 keeps its 一.
    private func numeralRunEnd(in scalars: [Unicode.Scalar], from start: Int) -> Int? {
        var end = start + 1
        while end < scalars.count && (numerals.contains(scalars[end]) || ScalarClass.isDigit(scalars[end])) {
            end += 1
        }
        let digitBefore = start > 0 && ScalarClass.isDigit(scalars[start - 1])
        return end - start >= 2 || digitBefore ? end : nil
    }

    /// Returns the longest homophone that starts at `start`.
    private func homophoneMatch(in scalars: [Unicode.Scalar], from start: Int) -> (end: Int, word: [Unicode.Scalar])? {
        var node = ScalarTrie.root
        var best: (end: Int, word: [Unicode.Scalar])?
        var index = start
        while index < scalars.count, let next = homophones.child(of: node, for: scalars[index]) {
            node = next
            index += 1
            if let word = homophones.value(at: node) {
                best = (index, word)
            }
        }
        return best
    }

    /// Returns the longest pinyin word that starts at `start` and ends where a
    /// letter run ends (after an optional tone digit). Separators between
    /// syllables and a tone digit after a letter are skipped.
    private func pinyinMatch(in scalars: [Unicode.Scalar], from start: Int) -> (end: Int, word: [Unicode.Scalar])? {
        if start > 0 && PinyinLetters.keyLetter(scalars[start - 1]) != nil {
            return nil
        }

        var node = ScalarTrie.root
        var best: (end: Int, word: [Unicode.Scalar])?
        var index = start
        while index < scalars.count {
            let scalar = scalars[index]
            if let letter = PinyinLetters.keyLetter(scalar) {
                guard let next = pinyin.child(of: node, for: letter) else { break }
                node = next
                index += 1

                var end = index
                if end < scalars.count && PinyinLetters.isToneDigit(scalars[end]) {
                    end += 1
                }
                let atRunEnd = end == scalars.count || PinyinLetters.keyLetter(scalars[end]) == nil
                if atRunEnd, let word = pinyin.value(at: node) {
                    best = (end, word)
                }
            } else if node != ScalarTrie.root
                        && (ScalarClass.isSeparator(scalar) || PinyinLetters.isToneDigit(scalar)) {
                index += 1
            } else {
                break
            }
        }
        return best
    }

    // MARK: - Tables

    /// Turns a pinyin spelling from the tables into trie key letters.
    private static func pinyinKey(_ spelling: String) throws -> [Unicode.Scalar] {
        var key: [Unicode.Scalar] = []
        for scalar in spelling.lowercased().unicodeScalars {
            if scalar == " " || scalar == "'" {
                continue
            }
            guard let letter = PinyinLetters.keyLetter(scalar) else {
                throw NormalizationTableError.invalidPinyinKey(spelling)
            }
            key.append(letter)
        }
        guard !key.isEmpty else { throw NormalizationTableError.invalidPinyinKey(spelling) }
        return key
    }
}

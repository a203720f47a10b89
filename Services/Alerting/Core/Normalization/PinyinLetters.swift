/// The letters pinyin is written with, reduced to the plain letters of a
/// pinyin key: tone marks dropped, ü written v as on Chinese keyboards.
enum PinyinLetters {
    /// Vowels with tone marks (and ü with and without one) and the key letter of each.
    private static let toneLetters: [UInt32: Unicode.Scalar] = {
        let groups: [(String, Unicode.Scalar)] = [
            ("āáǎà", "a"), ("ēéěè", "e"), ("īíǐì", "i"), ("ōóǒò", "o"), ("ūúǔù", "u"),
            ("üǖǘǚǜ", "v"), ("ńňǹ", "n"), ("ḿ", "m"),
        ]
        var map: [UInt32: Unicode.Scalar] = [:]
        for (letters, base) in groups {
            for letter in letters.unicodeScalars {
                map[letter.value] = base
            }
        }
        return map
    }()

    /// Returns the key letter for `scalar`, or nil when it is no pinyin letter.
    /// Expects case-folded text, so uppercase letters return nil.
    @inline(__always)
    static func keyLetter(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        let value = scalar.value
        if (0x61...0x7A).contains(value) {
            return scalar
        }
        if value < 0xE0 || value > 0x1E3F {
            return nil
        }
        return toneLetters[value]
    }

    /// Returns true when `scalar` is a tone digit (1–5, with 0 for the neutral tone in some input methods).
    @inline(__always)
    static func isToneDigit(_ scalar: Unicode.Scalar) -> Bool {
        (0x30...0x35).contains(scalar.value)
    }
}

/// The classes of Unicode scalars the normalizer steps tell apart.
enum ScalarClass {
    /// Han ideographs (CJK Unified, Extension A, compatibility and the
    /// supplementary planes) and 〇 (U+3007), which is a numeral, not a Han character.
    @inline(__always)
    static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (0x4E00...0x9FFF).contains(value)
            || (0x3400...0x4DBF).contains(value)
            || value == 0x3007
            || (0xF900...0xFAFF).contains(value)
            || (0x20000...0x3FFFF).contains(value)
    }

    @inline(__always)
    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        (0x30...0x39).contains(scalar.value)
    }

    /// Whitespace, controls, punctuation, symbols (emoji among them), format
    /// characters such as U+200B–U+200D and U+FEFF, and marks such as the
    /// variation selectors: what a writer puts between characters to hide a word.
    @inline(__always)
    static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            let isAlphanumeric = (0x30...0x39).contains(value) || (0x41...0x5A).contains(value)
                || (0x61...0x7A).contains(value)
            return !isAlphanumeric
        }
        if isHan(scalar) {
            return false
        }
        switch scalar.properties.generalCategory {
        case .spaceSeparator, .lineSeparator, .paragraphSeparator, .control, .format,
             .nonspacingMark, .enclosingMark,
             .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation,
             .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }
}

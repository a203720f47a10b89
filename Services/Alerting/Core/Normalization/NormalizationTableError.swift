/// An entry of ``NormalizationTables`` that the normalizer cannot use.
public enum NormalizationTableError: Error, Equatable, CustomStringConvertible {
    /// A pinyin key with a character other than a–z, ü, space or apostrophe, or with no letter.
    case invalidPinyinKey(String)
    /// A numeral mapped to something other than an ASCII digit.
    case invalidNumeralDigit(Unicode.Scalar)
    /// An empty key or replacement in the named table.
    case emptyEntry(table: String)

    public var description: String {
        switch self {
        case .invalidPinyinKey(let key):
            return "invalid pinyin key \"\(key)\": use lowercase a-z syllables, ü or v, spaces and apostrophes"
        case .invalidNumeralDigit(let numeral):
            return "invalid digit for numeral \"\(numeral)\": map it to one of 0-9"
        case .emptyEntry(let table):
            return "empty key or replacement in the \(table) table: remove the entry or fill it in"
        }
    }
}

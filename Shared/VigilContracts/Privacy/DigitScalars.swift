/// The characters people type as digits, and the characters they put between
/// the digits of one number.
enum DigitScalars {
    /// The writing system of a digit. Where it changes inside a run (电话13812345678一定),
    /// one number may end and another start.
    enum Script: Equatable {
        case ascii
        case fullWidth
        case chineseNumeral
    }

    /// A digit's value and script.
    struct Digit {
        var value: UInt8
        var script: Script
    }

    /// The maximum number of separators between two digits of one run
    /// (`138 - 1234 - 5678` has three).
    static let maximumSeparatorGap = 3

    /// Returns the digit `scalar` stands for, or nil when it is no digit.
    ///
    /// Chinese numerals count one digit each when people spell a number out
    /// digit by digit: 一三八…, 幺三八… (幺 is the spoken 1), the financial forms
    /// 壹贰叁… in simplified and traditional script, and 〇, 零 or ○ for 0.
    /// 两 and 十 are left out because they build counts (两个, 十五), not digit strings.
    static func digit(_ scalar: Unicode.Scalar) -> Digit? {
        switch scalar.value {
        case 0x30...0x39:
            return Digit(value: UInt8(scalar.value - 0x30), script: .ascii)
        case 0xFF10...0xFF19:
            return Digit(value: UInt8(scalar.value - 0xFF10), script: .fullWidth)
        default:
            guard let value = chineseNumerals[scalar] else {
                return nil
            }
            return Digit(value: value, script: .chineseNumeral)
        }
    }

    /// Returns whether `scalar` may stand between the digits of one number:
    /// spaces, hyphens and dashes, dots, underscores and slashes, in ASCII and full-width forms.
    static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        separators.contains(scalar)
    }

    // MARK: - Tables

    private static let chineseNumerals: [Unicode.Scalar: UInt8] = [
        "〇": 0, "零": 0, "○": 0,
        "一": 1, "幺": 1, "壹": 1,
        "二": 2, "贰": 2, "貳": 2,
        "三": 3, "叁": 3, "參": 3,
        "四": 4, "肆": 4,
        "五": 5, "伍": 5,
        "六": 6, "陆": 6, "陸": 6,
        "七": 7, "柒": 7,
        "八": 8, "捌": 8,
        "九": 9, "玖": 9,
    ]

    private static let separators: Set<Unicode.Scalar> = [
        " ", "\t", "\u{00A0}", "\u{3000}",
        "-", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2212}", "－",
        ".", "．", "·",
        "_", "＿",
        "/", "／",
    ]
}

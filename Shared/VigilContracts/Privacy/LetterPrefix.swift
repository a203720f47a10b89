/// The ASCII letters glued to the front of a digit run, which decide whether
/// the run is a contact number (vx13812345678) or part of a code such as an
/// order number (SO13812345678).
///
/// Customers glue short hints to a number to slip it past filters, while
/// order, waybill and product codes glue letters to digits by design. A known
/// contact hint in any case (v, vx, wx, tel, qq, dh, sj, phone, mobile, wechat,
/// weixin) counts as a hint. So does any other prefix of one to three letters
/// unless it is all uppercase. All-uppercase prefixes outside the list (SO, JD,
/// TB) and longer words count as codes. The cost is that a lowercase order
/// prefix (so13812345678) is masked when its digits form a mobile number, and
/// an all-uppercase hint outside the list (WEI) leaves the number readable.
enum LetterPrefix: Equatable {
    /// No ASCII letter is glued to the run.
    case none

    /// A contact hint: the run may be a mobile number from its first digit.
    case contactHint

    /// Part of a code: no number may start at the run's first digit.
    case code

    /// Hints that count in any case and at any length.
    private static let knownHints: Set<String> = [
        "v", "vx", "wx", "tel", "qq", "dh", "sj", "phone", "mobile", "wechat", "weixin",
    ]

    /// The longest prefix that counts as a hint without being in the list.
    private static let maximumHintLength = 3

    /// Reads the letters right before `position` in `scalars`.
    init(before position: Int, in scalars: [Unicode.Scalar]) {
        var start = position
        while start > 0, Self.isASCIILetter(scalars[start - 1]) {
            start -= 1
        }
        guard start < position else {
            self = .none
            return
        }

        if start > 0, Self.isASCIIDigit(scalars[start - 1]) {
            self = .code
            return
        }

        var letters = String.UnicodeScalarView()
        letters.append(contentsOf: scalars[start..<position])
        let prefix = String(letters)
        if Self.knownHints.contains(prefix.lowercased()) {
            self = .contactHint
        } else if prefix.count <= Self.maximumHintLength, prefix != prefix.uppercased() {
            self = .contactHint
        } else {
            self = .code
        }
    }

    private static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && scalar.properties.isAlphabetic
    }

    private static func isASCIIDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar)
    }
}

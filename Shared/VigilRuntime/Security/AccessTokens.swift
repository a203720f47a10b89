/// Bearer tokens that people and systems present to Vigil's HTTP servers,
/// stored only as SHA-256 digests.
///
/// Ingestion's site tokens and the console's sign-in tokens share these
/// rules, so a token made for one follows the same checks as the other.
public enum AccessTokens {
    /// The minimum token length; 24 random bytes in base64 give 32 characters.
    public static let minimumLength = 16

    /// Returns why `token` is not acceptable, or nil when it is. A token
    /// travels in a header or a form field, so it may not contain spaces,
    /// and a short one could be guessed.
    public static func problem(with token: String) -> String? {
        guard token.count >= minimumLength, !token.contains(where: \.isWhitespace) else {
            return "the token must be at least \(minimumLength) characters without spaces; "
                + "make one with: head -c 24 /dev/urandom | base64"
        }
        return nil
    }

    /// Returns the 32 bytes of a digest written as 64 ASCII hex digits
    /// (either case), or nil for any other text.
    public static func digest(hex: String) -> [UInt8]? {
        // Character.hexDigitValue also reads fullwidth digits, which would
        // make a shorter digest that no token matches, so the bytes are read instead.
        guard hex.utf8.count == 64 else { return nil }
        var bytes: [UInt8] = []
        var high: UInt8?
        for byte in hex.utf8 {
            guard let value = hexValue(byte) else { return nil }
            if let first = high {
                bytes.append(first << 4 | value)
                high = nil
            } else {
                high = value
            }
        }
        return bytes
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// Returns the index of the digest that matches `token`, or nil. It
    /// compares with every digest, so the time taken does not tell which one matched.
    public static func match(_ token: String, digests: [[UInt8]]) -> Int? {
        let presented = SHA256.digest(Array(token.utf8))
        var match: Int?
        for (index, digest) in digests.enumerated() where ConstantTime.equals(digest, presented) {
            match = index
        }
        return match
    }
}

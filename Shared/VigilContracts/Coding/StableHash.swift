/// A 64-bit FNV-1a hash over UTF-8 text, for event ids derived from inputs.
///
/// Swift's `Hasher` is seeded per process, so it cannot name anything that is
/// stored or sent. FNV-1a gives the same value on every host and run.
public enum StableHash {
    /// Hashes the parts, separated by a unit separator so ("ab","c") ≠ ("a","bc").
    public static func hex(_ parts: String...) -> String {
        hex(parts)
    }

    /// Hashes the parts, separated by a unit separator so ("ab","c") ≠ ("a","bc").
    public static func hex(_ parts: [String]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for (index, part) in parts.enumerated() {
            if index > 0 {
                hash = (hash ^ 0x1f) &* 0x0000_0100_0000_01b3
            }
            for byte in part.utf8 {
                hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            }
        }
        return hexDigits(hash)
    }

    /// Hashes raw bytes.
    public static func hex(bytes: some Sequence<UInt8>) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return hexDigits(hash)
    }

    private static func hexDigits(_ hash: UInt64) -> String {
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

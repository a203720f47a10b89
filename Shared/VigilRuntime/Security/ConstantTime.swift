/// Comparisons whose duration does not depend on where two secrets differ.
public enum ConstantTime {
    /// Returns true when the two byte strings are equal. It reads every byte of
    /// both when their lengths match, so a timing cannot reveal a matching prefix.
    public static func equals(_ left: [UInt8], _ right: [UInt8]) -> Bool {
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for index in left.indices {
            difference |= left[index] ^ right[index]
        }
        return difference == 0
    }
}

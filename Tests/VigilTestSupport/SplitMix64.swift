/// A seeded random number generator (SplitMix64), so that a test run or a
/// fuzz case can be replayed from its seed on every machine and Swift version.
///
/// The standard library's `shuffled()` and `randomElement()` may change how
/// they draw numbers between Swift versions, so tests that must replay across
/// versions draw only through ``next()`` and ``next(in:)``.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator that starts from `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// The generator of case `index` of a fuzz target, independent of every other case.
    public init(seed: UInt64, target: String, index: Int) {
        var mixer = SplitMix64(seed: seed ^ UInt64(truncatingIfNeeded: index) &* 0xD1B5_4A32_D192_ED03)
        var value = mixer.next()
        for byte in target.utf8 {
            value = (value ^ UInt64(byte)) &* 0x100_0000_01B3
        }
        self.init(seed: value)
    }

    /// Returns the next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// Returns a number in `range`. The modulo bias is below 2^-40 for ranges under 2^24 numbers wide.
    public mutating func next(in range: Range<Int>) -> Int {
        precondition(!range.isEmpty, "the range must not be empty")
        return range.lowerBound + Int(next() % UInt64(range.count))
    }
}

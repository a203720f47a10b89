/// SplitMix64: a small, fast generator whose output depends only on its
/// seed, so a fuzz case can be replayed from its seed and number.
public struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    /// A generator that starts from `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
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
}

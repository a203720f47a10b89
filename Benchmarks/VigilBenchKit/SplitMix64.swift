/// A seeded random number generator (SplitMix64, Steele, Lea and Flood,
/// "Fast splittable pseudorandom number generators", OOPSLA 2014), so that
/// one seed yields the same sequence on every machine and Swift version.
///
/// Swift's `SystemRandomNumberGenerator` cannot be seeded, and the standard
/// library's `shuffled()` and `randomElement()` may change how they draw
/// numbers between versions, so generators here draw only through
/// ``next()`` and ``next(below:)``.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// Returns a number in `0..<bound`. The modulo bias is below 2^-40 for the bounds used here (under 2^24).
    public mutating func next(below bound: Int) -> Int {
        precondition(bound > 0, "bound must be positive")
        return Int(next() % UInt64(bound))
    }

    /// Returns true with probability `percent` / 100.
    public mutating func chance(percent: Int) -> Bool {
        next(below: 100) < percent
    }

    /// Returns an element of a non-empty array.
    public mutating func element<T>(of array: [T]) -> T {
        array[next(below: array.count)]
    }
}

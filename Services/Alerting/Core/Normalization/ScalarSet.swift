/// A set of Unicode scalars with a bitmap for the Basic Multilingual Plane, so
/// that the common miss costs one load and no hashing.
struct ScalarSet: Sendable {
    private var bmpWords = [UInt64](repeating: 0, count: 0x10000 / 64)
    private var astral: Set<UInt32> = []

    init<S: Sequence>(_ scalars: S) where S.Element == Unicode.Scalar {
        for scalar in scalars {
            insert(scalar)
        }
    }

    mutating func insert(_ scalar: Unicode.Scalar) {
        let value = scalar.value
        if value < 0x10000 {
            bmpWords[Int(value >> 6)] |= 1 << UInt64(value & 63)
        } else {
            astral.insert(value)
        }
    }

    func contains(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x10000 {
            return bmpWords[Int(value >> 6)] & (1 << UInt64(value & 63)) != 0
        }
        return !astral.isEmpty && astral.contains(value)
    }
}

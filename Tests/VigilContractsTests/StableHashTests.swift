import Testing
import VigilContracts

// Expected values follow the FNV-1a 64 definition (offset basis 0xcbf29ce484222325,
// prime 0x100000001b3, one step per UTF-8 byte) and were computed with a separate
// Python implementation. The "a" and "foobar" values match the published FNV test vectors.

@Suite("StableHash")
struct StableHashTests {
    @Test("empty input is offset basis")
    func emptyInput() {
        #expect(StableHash.hex("") == "cbf29ce484222325")
        #expect(StableHash.hex([]) == "cbf29ce484222325")
    }

    @Test("matches FNV-1a test vectors")
    func knownVectors() {
        #expect(StableHash.hex("a") == "af63dc4c8601ec8c")
        #expect(StableHash.hex("foobar") == "85944171f73967e8")
    }

    @Test("hashes UTF-8 bytes")
    func hashesUTF8() {
        #expect(StableHash.hex("周敏") == "332a29476a755abd")
    }

    @Test("separator distinguishes part boundaries")
    func separatorDistinguishesParts() {
        let left = StableHash.hex("ab", "c")
        let right = StableHash.hex("a", "bc")
        #expect(left != right)
        // Each part boundary hashes as the unit separator byte 0x1F.
        #expect(left == "fd86a083ef3eee44")
        #expect(right == "e8bd15823051e636")
        #expect(StableHash.hex("abc") != left)
    }

    @Test("pads to sixteen digits")
    func padsLeadingZeros() {
        let value = StableHash.hex("shop-1", "buyer-1")
        #expect(value == "0f06f6230d492435")
        #expect(value.count == 16)
    }

    @Test("variadic and array forms agree")
    func variadicMatchesArray() {
        #expect(StableHash.hex("shop-1", "buyer-1") == StableHash.hex(["shop-1", "buyer-1"]))
    }
}

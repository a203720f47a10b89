import Testing
@testable import VigilRuntime

@Suite("SHA-256")
struct SHA256Tests {
    /// Vectors from FIPS 180-4's examples and NIST's byte-oriented test set.
    @Test("matches the published test vectors", arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func matchesVectors(input: String, expected: String) {
        #expect(SHA256.hex(input) == expected)
    }

    @Test("hashes a million bytes across many blocks")
    func hashesLongInput() {
        let input = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        #expect(SHA256.hex(bytes: input) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test("hashes UTF-8 text")
    func hashesChinese() {
        #expect(SHA256.hex("杭州") != SHA256.hex("成都"))
        #expect(SHA256.hex("杭州").count == 64)
    }
}

@Suite("Constant-time comparison")
struct ConstantTimeTests {
    @Test("tells equal and different byte strings apart")
    func compares() {
        #expect(ConstantTime.equals([1, 2, 3], [1, 2, 3]))
        #expect(!ConstantTime.equals([1, 2, 3], [1, 2, 4]))
        #expect(!ConstantTime.equals([1, 2, 3], [1, 2]))
        #expect(ConstantTime.equals([], []))
    }
}

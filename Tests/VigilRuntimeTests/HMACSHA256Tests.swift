import Testing
@testable import VigilRuntime

@Suite("HMAC-SHA256")
struct HMACSHA256Tests {
    private static func bytes(_ byte: UInt8, count: Int) -> [UInt8] {
        [UInt8](repeating: byte, count: count)
    }

    private static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { String($0, radix: 16).leftPadded(to: 2) }.joined()
    }

    /// RFC 4231 section 4, test cases 1–4, 6 and 7 (case 5 checks truncation, which callers do not use).
    static let vectors: [(name: String, key: [UInt8], data: [UInt8], mac: String)] = [
        ("case 1", bytes(0x0b, count: 20), Array("Hi There".utf8),
         "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
        ("case 2", Array("Jefe".utf8), Array("what do ya want for nothing?".utf8),
         "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
        ("case 3", bytes(0xaa, count: 20), bytes(0xdd, count: 50),
         "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"),
        ("case 4", Array(1...25), bytes(0xcd, count: 50),
         "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"),
        ("case 6", bytes(0xaa, count: 131), Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
         "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
        ("case 7", bytes(0xaa, count: 131),
         Array(("This is a test using a larger than block-size key and a larger than block-size data. "
             + "The key needs to be hashed before being used by the HMAC algorithm.").utf8),
         "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"),
    ]

    @Test("matches RFC 4231 vectors", arguments: vectors.indices)
    func matchesVector(index: Int) {
        let vector = Self.vectors[index]
        let mac = HMACSHA256.authenticationCode(for: vector.data, key: vector.key)
        #expect(Self.hex(mac) == vector.mac, "\(vector.name)")
    }

    @Test("truncated MAC matches RFC 4231 case 5")
    func matchesTruncatedVector() {
        let mac = HMACSHA256.authenticationCode(for: Array("Test With Truncation".utf8), key: Self.bytes(0x0c, count: 20))
        #expect(Self.hex(Array(mac.prefix(16))) == "a3b6167473100ee06e0c796c2955552b")
    }

    @Test("string form signs UTF-8 bytes")
    func signsText() {
        let text = HMACSHA256.authenticationCode(for: "what do ya want for nothing?", key: "Jefe")
        #expect(Self.hex(text) == Self.vectors[1].mac)
        #expect(HMACSHA256.authenticationCode(for: "杭州", key: "密钥") != HMACSHA256.authenticationCode(for: "成都", key: "密钥"))
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}

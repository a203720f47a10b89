/// HMAC-SHA256 (RFC 2104 with SHA-256), for signing requests such as
/// DingTalk's signed robot webhooks.
///
/// The toolchain's Foundation on Linux has no CryptoKit, so this builds the
/// MAC on ``SHA256``. It is not constant-time with respect to the key length,
/// which only matters when an attacker can time many signatures under
/// chosen keys.
public enum HMACSHA256 {
    /// SHA-256 processes 64-byte blocks; keys are padded or hashed to this size.
    private static let blockSize = 64

    /// Returns the 32-byte MAC of `message` under `key`.
    public static func authenticationCode(for message: some Collection<UInt8>, key: some Collection<UInt8>) -> [UInt8] {
        var blockKey = key.count > blockSize ? SHA256.digest(key) : Array(key)
        blockKey += [UInt8](repeating: 0, count: blockSize - blockKey.count)

        let innerPad = blockKey.map { $0 ^ 0x36 }
        let outerPad = blockKey.map { $0 ^ 0x5c }
        let inner = SHA256.digest(innerPad + Array(message))
        return SHA256.digest(outerPad + inner)
    }

    /// Returns the MAC of the UTF-8 `message` under the UTF-8 `key`.
    public static func authenticationCode(for message: String, key: String) -> [UInt8] {
        authenticationCode(for: Array(message.utf8), key: Array(key.utf8))
    }
}

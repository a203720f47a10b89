/// Unguessable tokens for session ids and form tokens.
enum RandomToken {
    /// Returns 32 random bytes as 64 lowercase hex digits. Swift's
    /// SystemRandomNumberGenerator reads the kernel's generator (getrandom on
    /// Linux), which is fit for secrets.
    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        let digits = Array("0123456789abcdef")
        var text = ""
        text.reserveCapacity(64)
        for _ in 0..<32 {
            let byte = UInt8.random(in: 0...255, using: &generator)
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return text
    }
}

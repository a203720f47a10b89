import Testing
@testable import VigilLog

@Suite("Log redaction")
struct LogRedactionTests {
    @Test("secrets become stars in the message and every value")
    func secretsHidden() {
        let redaction = LogRedaction(secrets: ["s3cret-Pass", "tok-123"])
        let logger = Logger(label: "vigil-test", metadata: ["vigil.base": "base tok-123"], redaction: redaction)
        let line = logger.record(level: .error, message: "login s3cret-Pass failed",
                                 metadata: ["vigil.error": "SASL: password s3cret-Pass rejected"]).logfmtLine

        #expect(!line.contains("s3cret-Pass"))
        #expect(!line.contains("tok-123"))
        #expect(line.contains(#"vigil.error="SASL: password *** rejected""#))
        #expect(line.contains(#"vigil.base="base ***""#))
        #expect(line.contains(#"msg="login *** failed""#))
    }

    @Test("a secret that contains another is hidden whole")
    func longestFirst() {
        let redaction = LogRedaction(secrets: ["abcdef", "abcdefghi"])
        #expect(redaction.apply("x abcdefghi y abcdef") == "x *** y ***")
    }

    @Test("empty and short secrets are ignored")
    func shortSecrets() {
        // Hiding "1" would blank partitions, offsets and counts in every line.
        let redaction = LogRedaction(secrets: ["", "1", "oidc"])
        #expect(redaction.apply("partition 1 offset 12 method oidc") == "partition 1 offset 12 method oidc")
    }

    @Test("the transform runs after the secrets are hidden")
    func transformAfterSecrets() {
        // Were the transform first, the secret would change and then be missed.
        let redaction = LogRedaction(secrets: ["pass1234"]) { $0.replacing("1234", with: "####") }
        #expect(redaction.apply("pass1234 and 1234") == "*** and ####")
    }

    @Test("a logger without redaction writes text as it is")
    func noRedaction() {
        let logger = Logger(label: "vigil-test")
        let line = logger.record(level: .info, message: "m", metadata: ["vigil.value": "13812345678"]).logfmtLine
        #expect(line.contains("vigil.value=13812345678"))
    }
}

import Foundation
import Testing
import VigilRuntime
import WebConsole

@Suite("Console tokens")
struct ConsoleTokensTests {
    @Test("hash-token entry signs its person in")
    func hashTokenRoundTrip() throws {
        let line = try ConsoleHashTokenCommand.entry(person: "M-hz", token: "a-long-enough-token-0123")
        #expect(line.contains("\"person\":\"M-hz\""))
        #expect(!line.contains("a-long-enough-token-0123"))
        let entry = try JSONDecoder().decode(ConsoleTokens.Entry.self, from: Data(line.utf8))
        let tokens = try ConsoleTokens(entries: [entry])
        #expect(tokens.person(forToken: "a-long-enough-token-0123") == "M-hz")
        #expect(tokens.person(forToken: "a-long-enough-token-0124") == nil)
    }

    @Test("hash-token rejects weak tokens", arguments: ["short", "has spaces in the middle of it", ""])
    func weakTokens(token: String) {
        #expect(throws: UsageError.self) { try ConsoleHashTokenCommand.entry(person: "M-hz", token: token) }
    }

    @Test("hash-token needs a person")
    func missingPerson() {
        #expect(throws: UsageError.self) { try ConsoleHashTokenCommand.entry(person: "", token: "a-long-enough-token-0123") }
    }

    @Test("tokens file read from disk")
    func file() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("console-tokens-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: path) }
        let json = """
            {"people": [{"person": "B-001", "sha256": "\(SHA256.hex("brand-token-0123456789"))"},
                        {"person": "M-hz", "sha256": "\(SHA256.hex("hz-token-0123456789").uppercased())"}]}
            """
        try json.write(to: path, atomically: true, encoding: .utf8)
        let tokens = try ConsoleTokens(contentsOfFile: path.path)
        #expect(tokens.person(forToken: "brand-token-0123456789") == "B-001")
        #expect(tokens.person(forToken: "hz-token-0123456789") == "M-hz", "upper-case digests are read too")
    }

    @Test("invalid tokens files rejected")
    func invalidFiles() throws {
        let digest = SHA256.hex("brand-token-0123456789")
        let cases: [([ConsoleTokens.Entry], String)] = [
            ([], "lists no token"),
            ([.init(person: "B-001", sha256: "abc")], "64 hex digits"),
            // 20 fullwidth digits (3 bytes each) and 4 ASCII ones: 64 bytes, but 24 digits.
            ([.init(person: "B-001", sha256: String(repeating: "\u{FF10}", count: 20) + "0000")], "64 hex digits"),
            ([.init(person: "", sha256: digest)], "person is empty"),
            ([.init(person: "B-001", sha256: digest), .init(person: "M-hz", sha256: digest)], "same token hash"),
        ]
        for (entries, message) in cases {
            let error = #expect(throws: UsageError.self) { try ConsoleTokens(entries: entries) }
            #expect(error?.message.contains(message) == true, "\(message)")
        }
        #expect(throws: UsageError.self) { try ConsoleTokens(contentsOfFile: "/nonexistent/tokens.json") }
    }
}

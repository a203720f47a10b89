import Foundation
import Testing
import VigilRuntime
@testable import Ingestion

@Suite("Site tokens")
struct SiteTokensTests {
    private static let entries = [
        SiteTokens.Entry(site: "hz", name: "杭州", sha256: SHA256.hex("token-of-hangzhou-1")),
        SiteTokens.Entry(site: "*", name: "品牌方", sha256: SHA256.hex("token-of-the-brand-1")),
    ]

    @Test("finds the entry of a presented token")
    func findsEntry() throws {
        let tokens = try SiteTokens(entries: Self.entries)
        #expect(tokens.entry(forToken: "token-of-hangzhou-1")?.site == "hz")
        #expect(tokens.entry(forToken: "token-of-the-brand-1")?.site == "*")
        #expect(tokens.entry(forToken: "token-of-hangzhou-2") == nil)
        #expect(tokens.entry(forToken: "") == nil)
    }

    @Test("a one-site instance takes only that site's tokens")
    func restrictedToSite() throws {
        let hangzhou = try SiteTokens(entries: [Self.entries[0]])
        #expect(try hangzhou.restricted(to: "hz").entries == [Self.entries[0]])

        let mixed = try SiteTokens(entries: Self.entries)
        let error = #expect(throws: UsageError.self) { _ = try mixed.restricted(to: "hz") }
        #expect(error?.message.hasPrefix("the tokens file lists tokens of *;") == true)
        #expect(throws: UsageError.self) { _ = try hangzhou.restricted(to: "sh") }
    }

    @Test("maps the brand's entry to any site")
    func mapsScopes() {
        #expect(SiteTokens.scope(of: Self.entries[0]) == .site("hz"))
        #expect(SiteTokens.scope(of: Self.entries[1]) == .any)
    }

    @Test("rejects a file with bad entries", arguments: [
        [SiteTokens.Entry(site: "hz", name: "短", sha256: "abc")],
        [SiteTokens.Entry(site: "hz", name: "非十六进制", sha256: String(repeating: "z", count: 64))],
        [SiteTokens.Entry(site: "h/z", name: "斜杠", sha256: SHA256.hex("x"))],
        [SiteTokens.Entry(site: "hz", name: "甲", sha256: SHA256.hex("same")),
         SiteTokens.Entry(site: "cd", name: "乙", sha256: SHA256.hex("same"))],
        [],
    ])
    func rejectsBadEntries(entries: [SiteTokens.Entry]) {
        #expect(throws: UsageError.self) {
            try SiteTokens(entries: entries)
        }
    }

    @Test("reads the tokens file")
    func readsFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tokens-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let json = #"{"tokens": [{"site": "hz", "name": "杭州", "sha256": "\#(SHA256.hex("token-of-hangzhou-1"))"}]}"#
        try json.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try SiteTokens(contentsOfFile: path).entry(forToken: "token-of-hangzhou-1")?.name == "杭州")

        try #"{"tokens": [{"site": "hz"}]}"#.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: UsageError.self) {
            try SiteTokens(contentsOfFile: path)
        }
    }
}

import Foundation
import VigilRuntime

/// The bearer tokens that may submit records over HTTP, each bound to one
/// site, or to the brand ("*") for records of any site.
///
/// The file contains SHA-256 hashes only, written by `vigil-ingest hash-token`,
/// so a copy of the file reveals no token. A presented token is hashed and
/// compared with every entry in constant time.
///
/// ```json
/// {"tokens": [
///   {"site": "hz", "name": "杭州站点客服系统", "sha256": "9f86d0…"},
///   {"site": "*", "name": "品牌方平台对接", "sha256": "60303a…"}
/// ]}
/// ```
public struct SiteTokens: Sendable {
    /// One token's entry.
    public struct Entry: Codable, Sendable, Equatable {
        /// The site the token submits for, or "*" for the brand.
        public var site: String
        /// The token holder's description, for logs and metrics; never the token itself.
        public var name: String
        /// The token's SHA-256 digest as 64 lowercase hex digits.
        public var sha256: String
    }

    private struct File: Codable {
        var tokens: [Entry]
    }

    public let entries: [Entry]
    private let digests: [[UInt8]]

    public init(entries: [Entry]) throws {
        var digests: [[UInt8]] = []
        for (index, entry) in entries.enumerated() {
            guard let digest = AccessTokens.digest(hex: entry.sha256) else {
                throw UsageError("token \(index + 1) (\(entry.name)): sha256 must be 64 hex digits; "
                    + "make one with `vigil-ingest hash-token`")
            }
            guard entry.site == "*" || (!entry.site.isEmpty && !entry.site.contains("/")) else {
                throw UsageError("token \(index + 1) (\(entry.name)): site must be a site id or \"*\"")
            }
            digests.append(digest)
        }
        guard !entries.isEmpty else {
            throw UsageError("the tokens file lists no token, so every request would get 401; add one with `vigil-ingest hash-token`")
        }
        guard Set(digests).count == digests.count else {
            throw UsageError("two entries have the same token hash; give each site its own token")
        }
        self.entries = entries
        self.digests = digests
    }

    /// Reads the tokens file.
    /// Returns the tokens unchanged when every one belongs to `site`, for an
    /// instance that serves one site (`--site`).
    /// - Throws: ``UsageError`` naming the other sites the file lists.
    public func restricted(to site: String) throws -> SiteTokens {
        let others = Set(entries.map(\.site)).subtracting([site]).sorted()
        guard others.isEmpty else {
            throw UsageError("the tokens file lists tokens of \(others.joined(separator: ", ")); an instance with "
                + "--site \(site) takes only that site's tokens, so give it a file of its own")
        }
        return self
    }

    /// Reads the tokens file.
    /// - Throws: ``UsageError`` when the file cannot be read or is not valid.
    public init(contentsOfFile path: String) throws {
        let file = try AccessTokens.readFile(path, as: File.self,
                                             expected: "{\"tokens\": [{\"site\", \"name\", \"sha256\"}]}")
        try self.init(entries: file.tokens)
    }

    /// Returns the entry of a presented token, or nil when no entry matches.
    public func entry(forToken token: String) -> Entry? {
        AccessTokens.match(token, digests: digests).map { entries[$0] }
    }

    /// Returns the scope of an entry: one site, or any site for the brand.
    public static func scope(of entry: Entry) -> SiteScope {
        entry.site == "*" ? .any : .site(entry.site)
    }
}

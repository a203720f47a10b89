import Foundation
import VigilRuntime

/// The sign-in tokens of the console, one or more per person on the roster.
///
/// The file contains SHA-256 digests only, written by
/// `vigil-console hash-token`, so a copy of it reveals no token. A presented
/// token is hashed and compared with every entry in constant time.
///
/// ```json
/// {"people": [
///   {"person": "B-001", "sha256": "9f86d0…"},
///   {"person": "M-hz", "sha256": "60303a…"}
/// ]}
/// ```
public struct ConsoleTokens: Sendable {
    /// One token's entry.
    public struct Entry: Codable, Sendable, Equatable {
        /// The roster id of the person the token signs in.
        public var person: String
        /// The token's SHA-256 digest as 64 hex digits.
        public var sha256: String

        public init(person: String, sha256: String) {
            self.person = person
            self.sha256 = sha256
        }
    }

    private struct File: Codable {
        var people: [Entry]
    }

    public let entries: [Entry]
    private let digests: [[UInt8]]

    /// Checks every entry.
    /// - Throws: ``UsageError`` for an entry without a person, a digest that
    ///   is not 64 hex digits, two entries with the same digest, or no entry at all.
    public init(entries: [Entry]) throws {
        var digests: [[UInt8]] = []
        for (index, entry) in entries.enumerated() {
            guard !entry.person.isEmpty else {
                throw UsageError("token \(index + 1): person is empty; give the roster id the token signs in")
            }
            guard let digest = AccessTokens.digest(hex: entry.sha256) else {
                throw UsageError("token \(index + 1) (\(entry.person)): sha256 must be 64 hex digits; "
                    + "make one with `vigil-console hash-token`")
            }
            digests.append(digest)
        }
        guard !entries.isEmpty else {
            throw UsageError("the tokens file lists no token, so nobody could sign in; "
                + "add one with `vigil-console hash-token`")
        }
        guard Set(digests).count == digests.count else {
            throw UsageError("two entries have the same token hash; give each person a token of their own")
        }
        self.entries = entries
        self.digests = digests
    }

    /// Reads the tokens file.
    /// - Throws: ``UsageError`` when the file cannot be read or is not valid.
    public init(contentsOfFile path: String) throws {
        let file = try AccessTokens.readFile(path, as: File.self, expected: "{\"people\": [{\"person\", \"sha256\"}]}")
        try self.init(entries: file.people)
    }

    /// Returns the roster id a presented token signs in, or nil when no entry matches.
    public func person(forToken token: String) -> String? {
        AccessTokens.match(token, digests: digests).map { entries[$0].person }
    }
}

import Foundation

/// Percent-encoding for the links the pages write.
enum URLText {
    private static let unreserved = CharacterSet(charactersIn:
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// Encodes everything but unreserved characters, for a query name or value.
    static func queryComponent(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    /// Encodes one path segment, such as a case id.
    static func pathSegment(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    /// Encodes a decoded request path for a link back to it, segment by
    /// segment, so a decoded `?`, `#` or `\` stays inside its segment. The
    /// result starts with one slash, because `//x` would link to the host x.
    static func path(_ decoded: String) -> String {
        var encoded = decoded.split(separator: "/", omittingEmptySubsequences: false)
            .map { pathSegment(String($0)) }.joined(separator: "/")
        while encoded.hasPrefix("//") {
            encoded.removeFirst()
        }
        return encoded.hasPrefix("/") ? encoded : "/" + encoded
    }
}

import Foundation
import VigilHTTP

/// The cookies a request carries in its `Cookie` headers.
struct RequestCookies {
    private var values: [String: String] = [:]

    /// Reads every `Cookie` header; the first cookie of a name wins, as
    /// browsers send the most specific path first.
    init(headers: HTTPHeaders) {
        for header in headers.values(for: "Cookie") {
            for pair in header.split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                guard parts.count == 2 else { continue }
                let name = parts[0].trimmingCharacters(in: .whitespaces)
                let value = parts[1].trimmingCharacters(in: .whitespaces)
                if values[name] == nil {
                    values[name] = value
                }
            }
        }
    }

    subscript(name: String) -> String? {
        values[name]
    }
}

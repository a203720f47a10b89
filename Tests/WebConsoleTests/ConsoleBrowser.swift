import Foundation
import VigilHTTP
import VigilTestSupport

/// Requests as a browser sends them to the console: with the cookies the
/// console set, and forms as `application/x-www-form-urlencoded`.
final class ConsoleBrowser {
    let port: Int
    private(set) var cookies: [String: String] = [:]

    init(port: Int) {
        self.port = port
    }

    /// Sends a GET (or `method`) without a body and returns the response.
    func get(_ target: String, method: String = "GET") throws -> TestResponse {
        let connection = try TestConnection(port: port)
        let response = try connection.exchange(method, target, headers: cookieHeader())
        keepCookies(response)
        return response
    }

    /// Sends a form, with `headers` besides the cookies, and returns the response.
    func post(_ target: String, form: [(String, String)], headers: [(String, String)] = []) throws -> TestResponse {
        let body = form.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        let connection = try TestConnection(port: port)
        let response = try connection.exchange("POST", target,
                                               headers: cookieHeader() + [("Content-Type", "application/x-www-form-urlencoded")]
                                                   + headers,
                                               body: Array(body.utf8))
        keepCookies(response)
        return response
    }

    /// Returns the form token of the page at `target`.
    func formToken(from target: String = "/") throws -> String {
        let page = try get(target)
        guard let range = page.text.range(of: #"name="csrf" value="([0-9a-f]{64})""#, options: .regularExpression) else {
            throw ConsoleTestError("no form token on \(target) (status \(page.status))")
        }
        return String(page.text[range].dropFirst(#"name="csrf" value=""#.count).dropLast())
    }

    /// Returns the `Cookie` header the browser sends, or nothing without cookies.
    func cookieHeader() -> [(String, String)] {
        guard !cookies.isEmpty else { return [] }
        return [("Cookie", cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))]
    }

    private func keepCookies(_ response: TestResponse) {
        for header in response.headers.values(for: "Set-Cookie") {
            let attributes = header.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let pair = attributes.first, let equals = pair.firstIndex(of: "=") else { continue }
            let name = String(pair[..<equals])
            let value = String(pair[pair.index(after: equals)...])
            if attributes.contains("Max-Age=0") || value.isEmpty {
                cookies[name] = nil
            } else {
                cookies[name] = value
            }
        }
    }

    private static func encode(_ text: String) -> String {
        let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        return text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }
}

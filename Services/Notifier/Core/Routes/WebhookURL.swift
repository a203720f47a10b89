import Foundation

/// A robot's webhook address, checked to be http or https, with a masked
/// form for logs and delivery records.
///
/// The query carries the robot's credential (DingTalk's `access_token`,
/// WeCom's `key`), so only ``masked`` may leave the process: logs, delivery
/// records and listings show the scheme, host, port and path, and every
/// query value as `***`.
public struct WebhookURL: Sendable, Hashable {
    /// The full address, credential included. Use it only to send requests.
    public let text: String
    /// The address with every query value replaced by `***`.
    public let masked: String
    /// The credential query values as written and decoded, for ``redact(_:)``.
    let sensitiveValues: [String]

    /// The query parameters that carry a robot's credential: DingTalk's
    /// `access_token` and `sign`, WeCom's `key`. Other parameters stay readable in logs.
    static let credentialParameters: Set<String> = ["access_token", "key", "sign", "secret", "token"]

    /// Checks `text` and builds the masked form.
    ///
    /// - Throws: a message saying what is wrong: not a URL, a scheme other
    ///   than http or https, no host, user information or a fragment.
    public init(validating text: String) throws(WebhookURLError) {
        guard !text.isEmpty, !text.contains(where: { $0.isWhitespace }),
              let components = URLComponents(string: text) else {
            throw WebhookURLError("is not a valid URL")
        }
        guard let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
            throw WebhookURLError("must start with http:// or https://")
        }
        guard let host = components.host, !host.isEmpty else {
            throw WebhookURLError("has no host")
        }
        guard components.user == nil, components.password == nil else {
            throw WebhookURLError("must not contain a user name or password")
        }
        guard components.fragment == nil else {
            throw WebhookURLError("must not contain a fragment (#…)")
        }

        var masked = "\(scheme)://\(host)"
        if let port = components.port {
            masked += ":\(port)"
        }
        masked += components.percentEncodedPath
        let items = components.percentEncodedQueryItems ?? []
        if !items.isEmpty {
            masked += "?" + items.map { $0.value == nil ? $0.name : "\($0.name)=***" }.joined(separator: "&")
        }

        var sensitive: [String] = []
        for item in items where Self.credentialParameters.contains(item.name.lowercased()) {
            guard let value = item.value, !value.isEmpty else { continue }
            sensitive.append(value)
            if let decoded = value.removingPercentEncoding, decoded != value {
                sensitive.append(decoded)
            }
        }
        self.text = text
        self.masked = masked
        self.sensitiveValues = sensitive
    }

    /// True when the address already has a query, so more parameters start with `&`.
    var hasQuery: Bool { text.contains("?") }

    /// Returns `message` with every query value of this URL replaced by `***`,
    /// for error texts that might quote the address.
    public func redact(_ message: String) -> String {
        sensitiveValues.sorted { $0.count > $1.count }.reduce(message) { text, value in
            text.replacingOccurrences(of: value, with: "***")
        }
    }
}

/// A webhook URL that Vigil will not post to, and why.
public struct WebhookURLError: Error, Sendable, CustomStringConvertible {
    public var reason: String

    public init(_ reason: String) {
        self.reason = reason
    }

    public var description: String { reason }
}

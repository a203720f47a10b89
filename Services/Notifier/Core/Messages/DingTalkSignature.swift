import Foundation
import VigilRuntime

/// DingTalk's request signature for custom robots with 加签 enabled.
///
/// The string to sign is `<timestamp>\n<secret>`, with the timestamp in
/// milliseconds since the epoch. The signature is the Base64 of its
/// HMAC-SHA256 under the secret, percent-encoded and appended to the webhook
/// URL as `&timestamp=<ms>&sign=<signature>`. DingTalk rejects a timestamp
/// more than an hour away from its clock, so each attempt signs anew.
public enum DingTalkSignature {
    /// The characters left as they are in a query value: RFC 3986's unreserved set.
    private static let unreserved = CharacterSet(charactersIn:
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// Returns the Base64 signature for `timestampMilliseconds`, before percent-encoding.
    public static func signature(secret: String, timestampMilliseconds: Int64) -> String {
        let mac = HMACSHA256.authenticationCode(for: "\(timestampMilliseconds)\n\(secret)", key: secret)
        return Data(mac).base64EncodedString()
    }

    /// Returns the webhook URL with `timestamp` and the percent-encoded `sign` appended.
    public static func signedURL(_ url: WebhookURL, secret: String, timestampMilliseconds: Int64) -> String {
        let signature = signature(secret: secret, timestampMilliseconds: timestampMilliseconds)
        let encoded = signature.addingPercentEncoding(withAllowedCharacters: unreserved) ?? signature
        let separator = url.hasQuery ? "&" : "?"
        return "\(url.text)\(separator)timestamp=\(timestampMilliseconds)&sign=\(encoded)"
    }
}

/// Rewrites the text of every log record before it is written: secrets
/// become `***`, and a transform (Vigil's masking of phone, ID card and bank
/// card numbers) runs on the rest.
///
/// It applies to the message and to every metadata value, so text that
/// comes from elsewhere is covered too: librdkafka's log lines, error
/// descriptions, reasons that quote a rejected record. Metadata keys are left
/// as they are, because they are constants of the code.
public struct LogRedaction: Sendable {
    /// The values to hide, longest first, so a secret that contains another is hidden whole.
    private let secrets: [String]
    private let transform: @Sendable (String) -> String

    /// - Parameters:
    ///   - secrets: values that must never appear in a log, such as passwords. Values shorter than
    ///     ``minimumSecretLength`` are ignored, because replacing them would blank numbers and words
    ///     all over the log and show what the secret is.
    ///   - transform: runs after the secrets are hidden.
    public init(secrets: some Sequence<String> = [], transform: @escaping @Sendable (String) -> String = { $0 }) {
        self.secrets = Set(secrets.filter { $0.count >= Self.minimumSecretLength })
            .sorted { ($0.count, $0) > ($1.count, $1) }
        self.transform = transform
    }

    /// The length below which a value is not hidden: no real credential is that short.
    public static let minimumSecretLength = 6

    /// Returns `text` with every secret replaced by `***`, then transformed.
    public func apply(_ text: String) -> String {
        var text = text
        for secret in secrets where text.contains(secret) {
            text = text.replacing(secret, with: "***")
        }
        return transform(text)
    }
}

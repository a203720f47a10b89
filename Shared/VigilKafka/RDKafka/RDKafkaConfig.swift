import CRdKafka

/// Builds librdkafka configuration objects from property maps.
enum RDKafkaConfig {
    /// Returns a new `rd_kafka_conf_t` that the caller must pass to
    /// `rd_kafka_new` (which takes ownership on success) or destroy.
    static func make(_ properties: [String: String]) throws -> OpaquePointer {
        guard let configuration = rd_kafka_conf_new() else {
            throw KafkaError(message: "rd_kafka_conf_new returned no configuration")
        }
        var errorText = [CChar](repeating: 0, count: 512)
        for (name, value) in properties.sorted(by: { $0.key < $1.key }) {
            let result = rd_kafka_conf_set(configuration, name, value, &errorText, errorText.count)
            guard result == RD_KAFKA_CONF_OK else {
                rd_kafka_conf_destroy(configuration)
                // The value is left out on purpose: it may be a password.
                throw KafkaError(message: "invalid Kafka property \(name): \(rdKafkaErrorText(errorText))")
            }
        }
        return configuration
    }
}

/// Checks librdkafka properties without creating a client.
public enum KafkaProperties {
    /// Throws a ``KafkaError`` naming the first property librdkafka rejects.
    public static func validate(_ properties: [String: String]) throws {
        let configuration = try RDKafkaConfig.make(properties)
        rd_kafka_conf_destroy(configuration)
    }

    /// Returns whether a property's value is a credential that must stay out
    /// of logs and messages: passwords, secrets, private keys and the OAuth
    /// configuration (`sasl.password`, `ssl.key.password`, `ssl.key.pem`,
    /// `sasl.oauthbearer.client.secret`, `sasl.oauthbearer.config` …). Other
    /// OAuth settings such as `sasl.oauthbearer.method` are not secret, and
    /// hiding their common values would blank ordinary words in every log.
    public static func isSensitive(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return lowered.contains("password") || lowered.contains("secret") || lowered.contains("jaas")
            || lowered == "ssl.key.pem" || lowered == "sasl.oauthbearer.config"
    }
}

/// Returns the text librdkafka wrote into a NUL-terminated error buffer.
func rdKafkaErrorText(_ buffer: [CChar]) -> String {
    let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
    return String(decoding: bytes, as: UTF8.self)
}

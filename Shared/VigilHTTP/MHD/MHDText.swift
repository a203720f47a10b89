/// Returns the text in a NUL-terminated C buffer, decoded as UTF-8.
func mhdText(_ buffer: [CChar]) -> String {
    let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
    return String(decoding: bytes, as: UTF8.self)
}

/// Returns `count` bytes at `start` decoded as UTF-8; invalid sequences
/// become U+FFFD. libmicrohttpd hands out header and query text this way.
func mhdText(_ start: UnsafePointer<CChar>?, count: Int) -> String {
    guard let start, count > 0 else { return "" }
    return String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
}

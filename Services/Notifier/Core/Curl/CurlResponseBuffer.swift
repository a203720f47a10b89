import CCurl

/// The response body of one transfer, filled by libcurl's write callback.
///
/// Robot responses are small JSON objects, so the buffer keeps at most
/// ``limit`` bytes and drops the rest instead of failing the transfer,
/// because the status code of a long response still counts.
final class CurlResponseBuffer {
    let limit: Int
    private(set) var bytes: [UInt8] = []
    private(set) var truncated = false

    init(limit: Int) {
        self.limit = limit
    }

    func append(_ chunk: UnsafeBufferPointer<UInt8>) {
        let room = limit - bytes.count
        if chunk.count > room {
            truncated = true
        }
        bytes.append(contentsOf: chunk.prefix(max(0, room)))
    }

    func reset() {
        bytes.removeAll(keepingCapacity: true)
        truncated = false
    }
}

import Foundation

/// Counts the open live alert streams, per person and in all, so that one
/// person cannot hold every connection the server accepts.
///
/// Each stream holds a ``Slot`` for as long as its response exists. The
/// slot gives its place back when it is released, which happens when
/// libmicrohttpd frees the stream's response, however the stream ended
/// (its producer returned nil, the client closed, the server stopped).
/// Safe to use from many HTTP threads at once.
final class LiveStreams: @unchecked Sendable {
    // @unchecked: `open` and `total` are guarded by `lock`; the rest is immutable.

    /// One open stream's place, given back when the slot is released.
    final class Slot: Sendable {
        private let streams: LiveStreams
        private let personId: String

        fileprivate init(streams: LiveStreams, personId: String) {
            self.streams = streams
            self.personId = personId
        }

        deinit {
            streams.release(personId: personId)
        }
    }

    private let perPerson: Int
    private let maximum: Int
    private let lock = NSLock()
    private var open: [String: Int] = [:]
    private var total = 0

    init(perPerson: Int, maximum: Int) {
        self.perPerson = max(1, perPerson)
        self.maximum = max(1, maximum)
    }

    /// Returns a place for a new stream of `personId`, or nil when that
    /// person, or the server, already has as many open streams as allowed.
    func slot(personId: String) -> Slot? {
        let granted = lock.withLock {
            guard total < maximum, open[personId, default: 0] < perPerson else { return false }
            open[personId, default: 0] += 1
            total += 1
            return true
        }
        return granted ? Slot(streams: self, personId: personId) : nil
    }

    /// The number of open streams.
    var count: Int {
        lock.withLock { total }
    }

    private func release(personId: String) {
        lock.withLock {
            let left = open[personId, default: 1] - 1
            open[personId] = left > 0 ? left : nil
            total -= 1
        }
    }
}

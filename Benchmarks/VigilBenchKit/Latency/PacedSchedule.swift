/// When each sender sends its next batch and how many messages it holds, so
/// that several senders together keep a steady rate.
///
/// Sender `s` of `n` sends batch `i` at `(i + s / n) × interval`: the senders
/// take turns, evenly spread over each interval. Its first `i` batches hold
/// ⌊i × rate × interval / n⌋ messages in all, in whole numbers, so batch sizes
/// differ by at most one and no fraction of a message is lost over a long run.
public struct PacedSchedule: Sendable, Equatable {
    /// Messages per second, all senders together.
    public var messagesPerSecond: Int
    /// The time between two batches of one sender.
    public var intervalMilliseconds: Int
    /// The number of senders sharing the rate.
    public var senders: Int

    public init(messagesPerSecond: Int, intervalMilliseconds: Int, senders: Int) {
        precondition(messagesPerSecond > 0 && intervalMilliseconds > 0 && senders > 0,
                     "a schedule needs a positive rate, interval and sender count")
        self.messagesPerSecond = messagesPerSecond
        self.intervalMilliseconds = intervalMilliseconds
        self.senders = senders
    }

    /// One batch of one sender.
    public struct Batch: Sendable, Equatable {
        /// The batch's number for its sender, from 0.
        public var index: Int
        /// When to send it, in nanoseconds after the schedule's start.
        public var offsetNanoseconds: Int64
        /// How many messages it holds; 0 at low rates, when a sender's turn has no whole message.
        public var messages: Int
    }

    /// Returns batch `index` of sender `sender`.
    public func batch(_ index: Int, sender: Int) -> Batch {
        precondition(index >= 0 && (0..<senders).contains(sender), "no such batch")
        let interval = Int64(intervalMilliseconds) * 1_000_000
        let offset = Int64(index) * interval + interval * Int64(sender) / Int64(senders)
        return Batch(index: index, offsetNanoseconds: offset, messages: sentBefore(index + 1) - sentBefore(index))
    }

    /// Returns the messages one sender has sent in its first `batches` batches.
    public func sentBefore(_ batches: Int) -> Int {
        batches * messagesPerSecond * intervalMilliseconds / (1_000 * senders)
    }
}

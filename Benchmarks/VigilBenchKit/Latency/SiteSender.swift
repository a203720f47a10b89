import Foundation
import VigilTestSupport

/// Sends one site's share of a paced load to `vigil-ingest serve` with the
/// site's token, one request per batch of the ``PacedSchedule``, over one
/// keep-alive connection, as a site's chat system forwards its messages.
///
/// A request that returns late delays the next ones. The latency of each
/// batch is therefore counted from when it was due, not from when it went
/// out, so a slow server cannot hide its delay by slowing the sender
/// (coordinated omission).
public final class SiteSender: Sendable {
    public struct Settings: Sendable {
        public var port: Int
        public var token: String
        public var site: String
        /// This sender's place among the senders, which staggers its turns.
        public var senderIndex: Int
        public var schedule: PacedSchedule
        /// A name unique to the run, which the message ids and threads carry.
        public var run: String

        public init(port: Int, token: String, site: String, senderIndex: Int, schedule: PacedSchedule, run: String) {
            self.port = port
            self.token = token
            self.site = site
            self.senderIndex = senderIndex
            self.schedule = schedule
            self.run = run
        }
    }

    private let settings: Settings
    private let messages: LatencyMessages
    private let window: LatencyWindow
    private let ledger: SendLedger

    public init(settings: Settings, messages: LatencyMessages, window: LatencyWindow, ledger: SendLedger) {
        self.settings = settings
        self.messages = messages
        self.window = window
        self.ledger = ledger
    }

    /// Sends batches until the window closes. Runs on the calling thread.
    public func run() {
        let connection: TestConnection
        do {
            connection = try TestConnection(port: settings.port, timeoutSeconds: 30)
        } catch {
            ledger.recordFailure("\(settings.site): cannot connect: \(error)")
            return
        }
        let head = "POST /v1/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(settings.token)\r\n"
            + "Content-Type: application/x-ndjson\r\n"
        var next = 0
        var batchIndex = 0
        while true {
            let batch = settings.schedule.batch(batchIndex, sender: settings.senderIndex)
            batchIndex += 1
            let scheduled = window.origin + batch.offsetNanoseconds
            guard scheduled < window.measureUntil else { return }
            guard batch.messages > 0 else { continue }
            MonotonicTime.sleep(until: scheduled)

            let sentAt = MonotonicTime.chinaTimeText()
            var lines: [String] = []
            var alerting: [String] = []
            for index in next..<(next + batch.messages) {
                let message = messages.message(index, site: settings.site, run: settings.run, sentAt: sentAt)
                lines.append(message.line)
                if message.alerting {
                    alerting.append(message.eventId)
                }
            }
            next += batch.messages

            let sent = MonotonicTime.now()
            do {
                // Head and body in one write: a second small write would wait for the
                // server's delayed acknowledgement of the first (Nagle), up to 40 ms.
                let body = lines.joined(separator: "\n") + "\n"
                try connection.sendAll(head + "Content-Length: \(body.utf8.count)\r\n\r\n" + body)
                let response = try connection.receiveResponse()
                let answered = MonotonicTime.now()
                let accepted = (try? JSONDecoder().decode(Outcome.self, from: Data(response.body)))?.accepted ?? 0
                guard response.status == 200, accepted == batch.messages else {
                    ledger.recordFailure("\(settings.site): HTTP \(response.status), \(accepted) of \(batch.messages) "
                        + "accepted: \(response.text.prefix(200))")
                    continue
                }
                if window.counts(scheduled) {
                    ledger.recordMeasured(messages: batch.messages, alerting: alerting, scheduled: scheduled,
                                          sent: sent, answered: answered)
                }
            } catch {
                ledger.recordFailure("\(settings.site): \(error)")
                return
            }
        }
    }

    private struct Outcome: Decodable {
        var accepted: Int
    }
}

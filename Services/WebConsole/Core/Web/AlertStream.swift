import Foundation
import VigilContracts
import VigilHTTP
import VigilLog

/// The producer of one live alert stream (`GET /events/alerts`): it polls
/// the read model for alerts after the last one sent and writes them as
/// server-sent events, for the viewer's vendor only.
///
/// It ends the stream when the session ends, when the viewer leaves the
/// roster or moves to another vendor, or when the read model fails. The
/// browser's EventSource then reconnects, and the handler checks the
/// session again. Used by one connection thread at a time.
final class AlertStream: @unchecked Sendable {
    // @unchecked: libmicrohttpd calls a stream's producer on its connection's thread only.

    private let readModel: any ConsoleReadModelReading
    private let sessions: ConsoleSessions
    private let sessionId: String
    private let viewer: ConsoleViewer
    /// Held, never read: releasing the stream gives its place back.
    private let slot: LiveStreams.Slot
    private let text: ConsoleText
    private let settings: ConsoleWebSettings
    private let logger: Logger

    private var lastSequence: Int64
    private var started = false
    private var lastSent = ContinuousClock.now
    private var lastCheck = ContinuousClock.now

    init(readModel: any ConsoleReadModelReading, sessions: ConsoleSessions, sessionId: String, viewer: ConsoleViewer,
         after sequence: Int64, slot: LiveStreams.Slot, text: ConsoleText, settings: ConsoleWebSettings, logger: Logger) {
        self.readModel = readModel
        self.sessions = sessions
        self.sessionId = sessionId
        self.viewer = viewer
        self.lastSequence = sequence
        self.slot = slot
        self.text = text
        self.settings = settings
        self.logger = logger
    }

    /// Returns the next events, a keep-alive comment, or nil to end the stream.
    func next(_ context: HTTPStreamContext) -> [UInt8]? {
        if !started {
            started = true
            // The browser waits this long before it reconnects.
            return Array("retry: 3000\n\n".utf8)
        }
        while true {
            if ContinuousClock.now - lastCheck >= .milliseconds(Int64(settings.streamRecheckSeconds * 1000)) {
                lastCheck = .now
                guard stillAllowed() else { return nil }
            }

            let alerts: [ConsoleAlert]
            do {
                alerts = try readModel.alerts(after: lastSequence, vendor: viewer.vendorFilter, limit: settings.alertListLimit)
            } catch {
                logger.error("alert stream could not read the read model, ending the stream", metadata: [
                    "vigil.person": viewer.person.id,
                    "vigil.error": String(describing: error),
                ])
                return nil
            }
            if let last = alerts.last {
                lastSequence = last.sequence
                lastSent = .now
                return events(alerts)
            }
            if ContinuousClock.now - lastSent >= .milliseconds(Int64(settings.keepaliveSeconds * 1000)) {
                lastSent = .now
                return Array(": keep-alive\n\n".utf8)
            }
            guard context.wait(seconds: settings.alertPollSeconds) else { return nil }
        }
    }

    /// True while the session exists and the roster still gives the viewer
    /// the same scope. An open stream counts as use of its session, so a
    /// screen that shows the live alerts all day stays signed in.
    private func stillAllowed() -> Bool {
        guard sessions.session(id: sessionId) != nil else { return false }
        guard let person = try? readModel.person(id: viewer.person.id) else { return false }
        return ConsoleViewer(person: person).vendorFilter == viewer.vendorFilter
    }

    private func events(_ alerts: [ConsoleAlert]) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        var bytes: [UInt8] = []
        for alert in alerts {
            guard let json = try? encoder.encode(AlertRow(alert, text: text)) else { continue }
            // JSONEncoder escapes newlines inside strings, so the data fits on one line.
            bytes += Array("id: \(alert.sequence)\nevent: alert\ndata: ".utf8) + Array(json) + Array("\n\n".utf8)
        }
        return bytes
    }
}

import Foundation
import VigilContracts

/// Commands and events of the Chrome DevTools Protocol over one pipe.
///
/// Every command carries a fresh id, and the reply with that id ends the
/// wait for it. Events and stale replies arrive in between: events go to a
/// log that waits can search from a mark onward, and replies to other ids
/// are dropped. Commands for a page carry the page's session id (the
/// "flatten" mode of Target.attachToTarget).
final class DevToolsConnection {
    /// One event: its method, the session it belongs to (nil for the browser) and its parameters.
    struct Event {
        var method: String
        var sessionID: String?
        var parameters: [String: JSONValue]
    }

    /// The maximum number of events kept; older ones are dropped first.
    private static let eventLimit = 10_000

    private var pipe: DevToolsPipe
    /// The failure of the browser process behind the pipe, once it has closed.
    private let exitDescription: () -> BrowserError
    private var nextID = 1
    private var events: [Event] = []
    private var droppedEventCount = 0

    init(pipe: DevToolsPipe, exitDescription: @escaping () -> BrowserError) {
        self.pipe = pipe
        self.exitDescription = exitDescription
    }

    // MARK: - Commands

    /// Sends a command and returns the `result` object of its reply.
    func call(_ method: String, _ parameters: [String: JSONValue] = [:], session: String? = nil,
              timeout: Duration) throws -> [String: JSONValue] {
        let id = try send(method, parameters, session: session)
        let deadline = ContinuousClock.now + timeout

        while let message = try receive(until: deadline) {
            guard case .integer(let replyID) = message["id"], replyID == id else { continue }
            if let error = message["error"]?.objectValue {
                let code = BrowserPage.double(error["code"]).map { Int($0) } ?? 0
                throw BrowserError.protocolError(method: method, code: code, message: error["message"]?.stringValue ?? "")
            }
            return message["result"]?.objectValue ?? [:]
        }
        throw BrowserError.timedOut(step: "DevTools command \(method)", seconds: Self.seconds(timeout))
    }

    /// Sends a command without waiting for its reply, which ``call`` then drops. Returns its id.
    @discardableResult
    func send(_ method: String, _ parameters: [String: JSONValue] = [:], session: String? = nil) throws -> Int64 {
        let id = Int64(nextID)
        nextID += 1
        var message: [String: JSONValue] = ["id": .integer(id), "method": .string(method), "params": .object(parameters)]
        if let session {
            message["sessionId"] = .string(session)
        }
        do {
            try pipe.send(JSONValue.object(message).compactText())
        } catch {
            throw translate(error)
        }
        return id
    }

    // MARK: - Events

    /// The position after the last event received so far: events a later wait
    /// finds with `after: mark` arrived after this call.
    var eventMark: Int {
        droppedEventCount + events.count
    }

    /// Returns the first event at or after `mark` that `matches` accepts,
    /// reading from the pipe until `deadline`. The timeout error names `step`
    /// and `limit`, the time the caller allowed in all.
    func waitForEvent(after mark: Int, until deadline: ContinuousClock.Instant, limit: Duration, step: String,
                      matching matches: (Event) -> Bool) throws -> Event {
        var position = max(mark, droppedEventCount)
        while true {
            while position < eventMark {
                let event = events[position - droppedEventCount]
                position += 1
                if matches(event) {
                    return event
                }
            }
            guard try receive(until: deadline) != nil else {
                throw BrowserError.timedOut(step: step, seconds: Self.seconds(limit))
            }
        }
    }

    /// Reads the messages that have already arrived, so their events enter the log.
    func readPending() throws {
        while try receive(until: .now) != nil {}
    }

    /// Returns the events since `mark` that `matches` accepts.
    func events(after mark: Int, matching matches: (Event) -> Bool) -> [Event] {
        events[max(mark - droppedEventCount, 0)...].filter(matches)
    }

    // MARK: - Receiving

    /// Returns the next message, after logging it if it is an event. Nil when the deadline passed first.
    private func receive(until deadline: ContinuousClock.Instant) throws -> [String: JSONValue]? {
        let value: JSONValue?
        do {
            value = try pipe.receive(until: deadline)
        } catch {
            throw translate(error)
        }
        guard let value else { return nil }
        guard let message = value.objectValue else {
            throw BrowserError.invalidReply(method: "(any)", detail: "a message is not an object: \(value.compactText().prefix(200))")
        }

        if let method = message["method"]?.stringValue {
            let event = Event(method: method, sessionID: message["sessionId"]?.stringValue,
                              parameters: message["params"]?.objectValue ?? [:])
            events.append(event)
            if events.count > Self.eventLimit {
                events.removeFirst(Self.eventLimit / 2)
                droppedEventCount += Self.eventLimit / 2
            }
            try respond(to: event)
        }
        return message
    }

    /// Accepts every alert, confirm and prompt at once, because an open
    /// dialog blocks the page's scripts and every evaluation would time out.
    /// The event stays in the log, so a test can read the dialog's message.
    private func respond(to event: Event) throws {
        guard event.method == "Page.javascriptDialogOpening" else { return }
        try send("Page.handleJavaScriptDialog", ["accept": .bool(true)], session: event.sessionID)
    }

    private func translate(_ failure: DevToolsPipe.PipeFailure) -> BrowserError {
        switch failure {
        case .closed: exitDescription()
        case .failed(let reason): BrowserError.pipeFailed(reason)
        }
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}

import Foundation
import VigilContracts

/// One tab of a ``HeadlessBrowser``, in a browser context of its own.
///
/// Each method sends DevTools commands to the tab's session and waits for
/// their replies. The page keeps its browser alive.
public final class BrowserPage {
    /// The browser this page belongs to.
    public let browser: HeadlessBrowser
    let targetID: String
    let contextID: String
    let sessionID: String
    /// The position in the connection's event log when the page opened.
    private let openedMark: Int

    init(browser: HeadlessBrowser, targetID: String, contextID: String, sessionID: String, openedMark: Int) {
        self.browser = browser
        self.targetID = targetID
        self.contextID = contextID
        self.sessionID = sessionID
        self.openedMark = openedMark
    }

    // MARK: - Commands

    /// Sends a command to this page's session and returns the result object of its reply.
    @discardableResult
    func call(_ method: String, _ parameters: [String: JSONValue] = [:], timeout: Duration? = nil) throws
        -> [String: JSONValue] {
        try browser.connection.call(method, parameters, session: sessionID, timeout: timeout ?? browser.timeout)
    }

    // MARK: - Navigation

    /// Loads `url` and waits for the new document's load event. Throws
    /// ``BrowserError/navigationFailed(url:reason:)`` when Chromium reaches
    /// no server. An HTTP error status still loads a page (see ``responseStatus()``).
    public func navigate(to url: String, timeout: Duration? = nil) throws {
        let limit = timeout ?? browser.timeout
        let deadline = ContinuousClock.now + limit
        let mark = browser.connection.eventMark
        let reply = try call("Page.navigate", ["url": .string(url)], timeout: timeout)
        if let reason = reply["errorText"]?.stringValue, !reason.isEmpty {
            throw BrowserError.navigationFailed(url: url, reason: reason)
        }

        // A navigation within the same document (a new #fragment) has no loader and no load event.
        guard let loader = reply["loaderId"]?.stringValue else { return }
        try waitForLoadEvent(loader: loader, after: mark, until: deadline, limit: limit, step: "loading \(url)")
    }

    /// Runs `action` (a click or a form submission) and waits until the main
    /// frame has navigated to a new document and that document has loaded.
    /// Times out when the action starts no navigation.
    public func waitForLoad(timeout: Duration? = nil, after action: () throws -> Void) throws {
        let limit = timeout ?? browser.timeout
        let deadline = ContinuousClock.now + limit
        let mark = browser.connection.eventMark
        try action()

        let navigated = try browser.connection.waitForEvent(after: mark, until: deadline, limit: limit,
                                                           step: "waiting for the page to navigate") { event in
            event.sessionID == sessionID && event.method == "Page.frameNavigated"
                && event.parameters["frame"]?.objectValue?["parentId"] == nil
        }
        guard let loader = navigated.parameters["frame"]?.objectValue?["loaderId"]?.stringValue else {
            throw BrowserError.invalidReply(method: "Page.frameNavigated", detail: "no frame.loaderId")
        }
        let url = navigated.parameters["frame"]?.objectValue?["url"]?.stringValue ?? "the new page"
        try waitForLoadEvent(loader: loader, after: mark, until: deadline, limit: limit, step: "loading \(url)")
    }

    private func waitForLoadEvent(loader: String, after mark: Int, until deadline: ContinuousClock.Instant,
                                  limit: Duration, step: String) throws {
        _ = try browser.connection.waitForEvent(after: mark, until: deadline, limit: limit, step: step) { event in
            event.sessionID == sessionID && event.method == "Page.lifecycleEvent"
                && event.parameters["name"]?.stringValue == "load"
                && event.parameters["loaderId"]?.stringValue == loader
        }
    }

    /// Returns the HTTP status of the current document, or nil when it came
    /// from no HTTP response (about:blank, an error page).
    public func responseStatus() throws -> Int? {
        let status = try evaluate("performance.getEntriesByType('navigation')[0]?.responseStatus ?? null")
        guard case .integer(let value) = status, value > 0 else { return nil }
        return Int(value)
    }

    // MARK: - JavaScript

    /// Evaluates `expression` in the page and returns its value as JSON:
    /// `null` for undefined, the settled value for a promise, and
    /// `{}` for objects that JSON cannot hold, such as DOM nodes. Values JSON
    /// has no number for (NaN, Infinity, -0, bigints) come back as their text.
    public func evaluate(_ expression: String) throws -> JSONValue {
        try evaluate(expression, timeout: nil)
    }

    func evaluate(_ expression: String, timeout: Duration?) throws -> JSONValue {
        let reply = try call("Runtime.evaluate", [
            "expression": .string(expression), "returnByValue": .bool(true),
            "awaitPromise": .bool(true), "userGesture": .bool(true),
        ], timeout: timeout)

        if let details = reply["exceptionDetails"]?.objectValue {
            let message = details["exception"]?.objectValue?["description"]?.stringValue
                ?? details["text"]?.stringValue ?? "an exception"
            throw BrowserError.javaScriptException(expression: expression, message: message)
        }
        guard let result = reply["result"]?.objectValue else {
            throw BrowserError.invalidReply(method: "Runtime.evaluate", detail: "no result")
        }
        if let value = result["value"] {
            return value
        }
        if let text = result["unserializableValue"]?.stringValue {
            return .string(text)
        }
        return .null
    }

    /// Evaluates `condition` every `pollInterval` until it is truthy, and
    /// throws ``BrowserError/timedOut(step:seconds:)`` with its last value
    /// or error once `timeout` has passed. Errors while a new document loads
    /// count as "not yet", but a closed browser ends the wait at once.
    public func waitUntil(_ condition: String, timeout: Duration,
                          pollInterval: Duration = .milliseconds(50)) throws {
        let deadline = ContinuousClock.now + timeout
        var last = "not evaluated"
        while true {
            let remaining = ContinuousClock.now.duration(to: deadline)
            do {
                let value = try evaluate("!!(\n\(condition)\n)", timeout: max(remaining, .seconds(1)))
                if value == .bool(true) {
                    return
                }
                last = "false"
            } catch let error as BrowserError {
                if case .exited = error {
                    throw error
                }
                last = error.description
            }

            guard ContinuousClock.now < deadline else {
                throw BrowserError.timedOut(step: "waiting until \(condition) (last result: \(last))",
                                            seconds: DevToolsConnection.seconds(timeout))
            }
            Thread.sleep(forTimeInterval: DevToolsConnection.seconds(pollInterval))
        }
    }

    // MARK: - Page messages

    /// Returns the errors this page reported since it opened: uncaught exceptions,
    /// `console.error` calls, and the browser's own errors about the page,
    /// such as a resource that failed to load or a Content-Security-Policy
    /// violation. A failed `/favicon.ico` is left out, because the browser
    /// requests it by itself and a site need not have one.
    public func errorMessages() throws -> [String] {
        try browser.connection.readPending()
        return browser.connection.events(after: openedMark) { $0.sessionID == sessionID }.compactMap { event in
            switch event.method {
            case "Runtime.exceptionThrown":
                let details = event.parameters["exceptionDetails"]?.objectValue
                return details?["exception"]?.objectValue?["description"]?.stringValue ?? details?["text"]?.stringValue
            case "Runtime.consoleAPICalled" where event.parameters["type"]?.stringValue == "error":
                let arguments = event.parameters["args"]?.arrayValue ?? []
                return arguments.map { argument in
                    let object = argument.objectValue
                    return object?["value"]?.stringValue ?? object?["description"]?.stringValue
                        ?? object?["value"]?.compactText() ?? ""
                }.joined(separator: " ")
            case "Log.entryAdded":
                guard let entry = event.parameters["entry"]?.objectValue, entry["level"]?.stringValue == "error" else {
                    return nil
                }
                let url = entry["url"]?.stringValue
                if let url, url.hasSuffix("/favicon.ico") {
                    return nil
                }
                return (entry["text"]?.stringValue ?? "") + (url.map { " (\($0))" } ?? "")
            default:
                return nil
            }
        }
    }

    /// Returns the messages of the alert, confirm and prompt dialogs this page opened,
    /// oldest first. The driver accepts each dialog at once.
    public func dialogMessages() throws -> [String] {
        try browser.connection.readPending()
        return browser.connection.events(after: openedMark) {
            $0.sessionID == sessionID && $0.method == "Page.javascriptDialogOpening"
        }.map { $0.parameters["message"]?.stringValue ?? "" }
    }

    /// Returns a JSON number as a Double, or nil for any other value.
    static func double(_ value: JSONValue?) -> Double? {
        switch value {
        case .integer(let number): Double(number)
        case .number(let number): number
        default: nil
        }
    }

    // MARK: - Closing

    /// Closes the tab and discards its browser context with its cookies.
    public func close() throws {
        _ = try browser.connection.call("Target.closeTarget", ["targetId": .string(targetID)], timeout: browser.timeout)
        _ = try browser.connection.call("Target.disposeBrowserContext", ["browserContextId": .string(contextID)],
                                        timeout: browser.timeout)
    }
}

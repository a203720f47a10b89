/// A failure of the headless browser or of a step a test asked it to take.
public enum BrowserError: Error, CustomStringConvertible {
    /// No chromium executable was found at any of `searched`.
    case notInstalled(searched: [String])
    /// The browser could not be started: the temporary folder, the pipes or posix_spawn failed.
    case launchFailed(String)
    /// Reading or writing the DevTools pipe failed, or Chromium sent a message that is not JSON.
    case pipeFailed(String)
    /// The browser closed the DevTools pipe, usually because it crashed or was killed.
    /// `log` is the end of its standard error.
    case exited(status: Int32?, log: String)
    /// Chromium rejected a DevTools command with this error object.
    case protocolError(method: String, code: Int, message: String)
    /// A DevTools reply lacked a field the driver needs.
    case invalidReply(method: String, detail: String)
    /// `step` ("loading http://…", say) did not finish within `seconds`.
    case timedOut(step: String, seconds: Double)
    /// The page threw while evaluating `expression`.
    case javaScriptException(expression: String, message: String)
    /// Chromium could not load `url`, e.g. `net::ERR_CONNECTION_REFUSED`.
    case navigationFailed(url: String, reason: String)
    /// The element that `selector` names is missing or cannot take the input.
    case elementProblem(selector: String, problem: String)

    public var description: String {
        switch self {
        case .notInstalled(let searched):
            "chromium not found (looked at \(searched.joined(separator: ", "))): run scripts/install-deps.sh, "
                + "which installs Debian's chromium, or set VIGIL_CHROMIUM to the browser's path"
        case .launchFailed(let reason):
            "failed to start chromium: \(reason)"
        case .pipeFailed(let reason):
            "DevTools pipe failed: \(reason)"
        case .exited(let status, let log):
            "chromium closed the DevTools pipe (exit status \(status.map(String.init) ?? "unknown")); "
                + "the end of its log:\n\(log)"
        case .protocolError(let method, let code, let message):
            "DevTools command \(method) failed with error \(code): \(message)"
        case .invalidReply(let method, let detail):
            "DevTools reply to \(method) is invalid: \(detail)"
        case .timedOut(let step, let seconds):
            "\(step) timed out after \(seconds) s"
        case .javaScriptException(let expression, let message):
            "JavaScript threw \(message) while evaluating: \(expression.prefix(300))"
        case .navigationFailed(let url, let reason):
            "failed to load \(url): \(reason)"
        case .elementProblem(let selector, let problem):
            "element \(selector): \(problem)"
        }
    }
}

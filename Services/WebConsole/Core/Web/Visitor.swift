/// A signed-in request's session and the viewer its person is now, by the roster.
struct Visitor {
    var session: ConsoleSession
    var viewer: ConsoleViewer
}

/// The reason a request has no visitor.
enum SignInFailure: Error {
    /// No session cookie, an unknown or expired session, or a person no longer on the roster.
    case notSignedIn
    /// The read model failed while the roster was checked.
    case storeFailed
}

import VigilContracts

/// One signed-in browser: whose it is and the token its forms must carry.
struct ConsoleSession: Sendable {
    /// The random id in the session cookie.
    let id: String
    /// The roster id the sign-in token belongs to.
    let personId: String
    /// The random token every form of this session carries, against cross-site requests.
    let csrfToken: String
    /// The commands sent from this session's pages, newest last, so a case
    /// page can show what became of each.
    var sentCommands: [SentCommand] = []

    /// A command a page sent, with when it was sent.
    struct SentCommand: Sendable {
        var command: CaseCommand
        var sentAt: ContinuousClock.Instant
    }
}

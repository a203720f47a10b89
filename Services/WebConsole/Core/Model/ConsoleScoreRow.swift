import VigilContracts

/// One subject's latest score for a period, with what the league tables show beside it.
public struct ConsoleScoreRow: Sendable {
    public var score: Score
    /// The subject's vendor by the roster (the subject itself for a vendor);
    /// nil for shops and for subjects the roster does not know.
    public var vendor: String?
    /// The display name: a person's roster name, otherwise the subject id.
    public var name: String

    public init(score: Score, vendor: String?, name: String) {
        self.score = score
        self.vendor = vendor
        self.name = name
    }
}

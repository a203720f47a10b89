/// The levels scores are kept at.
public enum ScoreSubjectKind: String, Codable, Sendable, CaseIterable {
    case agent
    case team
    case vendor
    case site
    case shop

    /// The position in `allCases`, for sorting.
    var order: Int { Self.allCases.firstIndex(of: self) ?? 0 }
}

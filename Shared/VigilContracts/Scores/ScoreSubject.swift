/// The agent, team, vendor, site or shop a score is about.
public struct ScoreSubject: Codable, Sendable, Hashable, Comparable {
    /// The level: agent, team, vendor, site or shop.
    public var kind: ScoreSubjectKind
    /// The roster id of the agent or team, the vendor or site id, or the shop id.
    public var id: String

    public init(kind: ScoreSubjectKind, id: String) {
        self.kind = kind
        self.id = id
    }

    /// `<kind>/<id>`: the key of the subject's records on the repartition topic.
    public var key: String { "\(kind.rawValue)/\(id)" }

    public static func < (lhs: ScoreSubject, rhs: ScoreSubject) -> Bool {
        (lhs.kind.order, lhs.id) < (rhs.kind.order, rhs.id)
    }
}

/// One person of the organisation: an agent, supervisor, manager or the brand manager.
///
/// The roster topic is compacted by person id, so its latest record per
/// person is the current organisation.
public struct RosterPerson: VigilEvent {
    public static let schemaName = "roster-person"
    public static let schemaVersion = 1

    public var schemaVersion: Int
    public var id: String
    /// The display name, in Chinese as the vendor writes it.
    public var name: String
    public var role: RosterRole
    /// The id of this person's superior; nil for the brand manager.
    public var reportsTo: String?
    public var vendor: String?
    public var site: String?
    public var team: String?

    public init(id: String, name: String, role: RosterRole, reportsTo: String?,
                vendor: String?, site: String?, team: String?) {
        self.schemaVersion = Self.schemaVersion
        self.id = id
        self.name = name
        self.role = role
        self.reportsTo = reportsTo
        self.vendor = vendor
        self.site = site
        self.team = team
    }

    /// `roster/<id>/<hash of the fields>`: the same record twice is a duplicate,
    /// while a change to the person is a new event.
    public var eventId: String {
        let fields = [id, name, role.rawValue, reportsTo ?? "", vendor ?? "", site ?? "", team ?? ""]
        return "roster/\(id)/\(StableHash.hex(fields))"
    }

    public var recordKey: String? { id }

    /// Roster records carry no time of their own; they take effect when read.
    public var eventTime: Timestamp { Timestamp(epochMilliseconds: 0) }

    // MARK: - Codable

    enum CodingKeys: String, CodingKey {
        case eventId, schemaVersion, id, name, role, reportsTo, vendor, site, team
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        schemaVersion = try container.decodeIfPresent(Int.self, forKey: .schemaVersion) ?? Self.schemaVersion
        id = try container.decode(String.self, forKey: .id)
        name = try container.decode(String.self, forKey: .name)
        role = try container.decode(RosterRole.self, forKey: .role)
        reportsTo = try container.decodeIfPresent(String.self, forKey: .reportsTo)
        vendor = try container.decodeIfPresent(String.self, forKey: .vendor)
        site = try container.decodeIfPresent(String.self, forKey: .site)
        team = try container.decodeIfPresent(String.self, forKey: .team)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(eventId, forKey: .eventId)
        try container.encode(schemaVersion, forKey: .schemaVersion)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encode(role, forKey: .role)
        try container.encode(reportsTo, forKey: .reportsTo)
        try container.encode(vendor, forKey: .vendor)
        try container.encode(site, forKey: .site)
        try container.encode(team, forKey: .team)
    }
}

/// A person's place in the chain agent → supervisor → manager → brand manager.
public enum RosterRole: String, Codable, Sendable, CaseIterable {
    case agent
    case supervisor
    case manager
    case brandManager = "brand_manager"
}

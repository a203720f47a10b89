/// One person's responsibility for a case, as the classification assigned it.
///
/// Names and roles are copied from the roster at classification, so the
/// record stays true after people move on.
public struct CaseResponsibility: Codable, Sendable, Hashable {
    public var personId: String
    public var name: String
    public var role: RosterRole
    public var level: ResponsibilityLevel

    public init(personId: String, name: String, role: RosterRole, level: ResponsibilityLevel) {
        self.personId = personId
        self.name = name
        self.role = role
        self.level = level
    }
}

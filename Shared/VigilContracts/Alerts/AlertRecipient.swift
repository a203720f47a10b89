/// The person an alert or notification is addressed to.
public struct AlertRecipient: Codable, Sendable, Hashable {
    public var personId: String
    public var name: String
    public var role: RosterRole

    public init(personId: String, name: String, role: RosterRole) {
        self.personId = personId
        self.name = name
        self.role = role
    }
}

import VigilContracts
import VigilKafka
import VigilRuntime

/// The people and sites in the roster, used to reject records that name others.
///
/// Filled from the compacted roster topic at start and kept current with the
/// roster records this instance accepts, so a roster file imported before
/// the chats in the same run already counts.
public struct RosterDirectory: Sendable {
    private var roster = Roster()
    private var peoplePerSite: [String: Int] = [:]

    public init(_ people: [RosterPerson] = []) {
        for person in people {
            apply(person)
        }
    }

    /// The number of people known.
    public var count: Int { roster.count }

    /// Adds or replaces a person.
    public mutating func apply(_ person: RosterPerson) {
        if let previous = roster.person(person.id) {
            forget(site: previous.site)
        }
        roster.apply(person)
        if let site = person.site {
            peoplePerSite[site, default: 0] += 1
        }
    }

    /// Removes a person, as a tombstone on the roster topic does.
    public mutating func remove(_ id: String) {
        guard let previous = roster.person(id) else { return }
        forget(site: previous.site)
        roster.remove(id)
    }

    /// Applies one record of the roster topic; a record without a value is a tombstone.
    public mutating func apply(_ record: KafkaRecord) throws {
        if record.value.isEmpty, let id = record.keyString {
            remove(id)
            return
        }
        apply(try RecordDecoding.decode(RosterPerson.self, from: record.value))
    }

    /// Returns the person with this id.
    public func person(_ id: String) -> RosterPerson? {
        roster.person(id)
    }

    /// Returns true when at least one person works at the site.
    public func knowsSite(_ site: String) -> Bool {
        peoplePerSite[site] != nil
    }

    private mutating func forget(site: String?) {
        guard let site, let people = peoplePerSite[site] else { return }
        peoplePerSite[site] = people > 1 ? people - 1 : nil
    }
}

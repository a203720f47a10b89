import VigilContracts
import VigilKafka
import VigilRuntime
import VigilStore

// MARK: - Roster

extension ConsoleRecordApplier {
    /// Keeps the latest record per person; a tombstone (a record without a
    /// value) removes the person its key names. The scores of the person and
    /// of their old and new team and site take the changed roster's vendor.
    func applyRosterRecord(_ record: KafkaRecord) throws {
        if record.value.isEmpty {
            guard let id = record.keyString else {
                throw RecordRejection(.invalidField, "roster tombstone without a key")
            }
            let removed = try storedPerson(id)
            try database.run("DELETE FROM console_roster WHERE person_id = ?", [id])
            try refreshScores(of: subjects(of: [removed].compactMap { $0 }, id: id))
            return
        }

        let person = try RecordDecoding.decode(RosterPerson.self, from: record.value)
        let previous = try storedPerson(person.id)
        try database.run("""
            INSERT INTO console_roster (person_id, vendor, site, team, person) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (person_id) DO UPDATE SET vendor = excluded.vendor, site = excluded.site,
                team = excluded.team, person = excluded.person
            """, [person.id, person.vendor, person.site, person.team, try EventCoding.encode(person)])
        try refreshScores(of: subjects(of: [previous, person].compactMap { $0 }, id: person.id))
    }

    /// Returns the stored roster record of a person.
    func storedPerson(_ id: String) throws -> RosterPerson? {
        let stored = try database.scalar("SELECT person FROM console_roster WHERE person_id = ?", [id])
        guard let bytes = stored.bytes else { return nil }
        return try EventCoding.decode(RosterPerson.self, from: bytes)
    }

    /// Returns the score subjects whose vendor or name depend on these records of one person.
    private func subjects(of records: [RosterPerson], id: String) -> Set<ScoreSubject> {
        var subjects: Set<ScoreSubject> = [ScoreSubject(kind: .agent, id: id)]
        for person in records {
            if let team = person.team {
                subjects.insert(ScoreSubject(kind: .team, id: team))
            }
            if let site = person.site {
                subjects.insert(ScoreSubject(kind: .site, id: site))
            }
        }
        return subjects
    }
}

import VigilContracts
import VigilStore

/// Finds the vendor of an agent, team or site in the roster the console stores.
///
/// A team or site has the vendor of the roster people in it. When they name
/// more than one vendor, or none, the vendor stays unknown (nil), so the
/// record is shown to the brand alone rather than to a vendor it may not be.
struct VendorResolver {
    let database: Database

    /// Returns the vendor of the person, nil when the roster does not know them or gives them none.
    func vendor(ofPerson id: String) throws -> String? {
        try nonEmpty(database.scalar("SELECT vendor FROM console_roster WHERE person_id = ?", [id]).string)
    }

    /// Returns the one vendor of the roster people at `site`.
    func vendor(ofSite site: String) throws -> String? {
        try soleVendor(database.query("""
            SELECT DISTINCT vendor FROM console_roster WHERE site = ? AND vendor IS NOT NULL AND vendor != ''
            LIMIT 2
            """, [site]))
    }

    /// Returns the one vendor of the roster people in `team`.
    func vendor(ofTeam team: String) throws -> String? {
        try soleVendor(database.query("""
            SELECT DISTINCT vendor FROM console_roster WHERE team = ? AND vendor IS NOT NULL AND vendor != ''
            LIMIT 2
            """, [team]))
    }

    /// Returns the vendor of an alert: its agent's, else that of the people at its site.
    func vendor(of alert: Alert) throws -> String? {
        if let vendor = try vendor(ofPerson: alert.agent) {
            return vendor
        }
        return try vendor(ofSite: alert.site)
    }

    /// Returns the vendor of a score's subject: a vendor is its own, a shop has none.
    func vendor(of subject: ScoreSubject) throws -> String? {
        switch subject.kind {
        case .vendor: nonEmpty(subject.id)
        case .agent: try vendor(ofPerson: subject.id)
        case .team: try vendor(ofTeam: subject.id)
        case .site: try vendor(ofSite: subject.id)
        case .shop: nil
        }
    }

    /// Returns the name the league tables show: an agent's roster name, otherwise the subject id.
    func name(of subject: ScoreSubject) throws -> String {
        guard subject.kind == .agent else { return subject.id }
        let stored = try database.scalar("SELECT person FROM console_roster WHERE person_id = ?", [subject.id])
        guard let bytes = stored.bytes else { return subject.id }
        return try EventCoding.decode(RosterPerson.self, from: bytes).name
    }

    private func soleVendor(_ rows: [Row]) -> String? {
        rows.count == 1 ? rows[0][0].string : nil
    }

    private func nonEmpty(_ vendor: String?) -> String? {
        vendor.flatMap { $0.isEmpty ? nil : $0 }
    }
}

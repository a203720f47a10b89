import VigilContracts

/// The person signed in to the console, and what they may see.
///
/// The brand manager sees every vendor. Everyone else on the roster sees
/// only the vendor the roster puts them under; a person whom the roster
/// gives no vendor sees nothing but their own name, because the console
/// cannot tell whose data is theirs.
public struct ConsoleViewer: Sendable, Equatable {
    /// The roster record the sign-in token belongs to, as of the sign-in.
    public var person: RosterPerson

    public init(person: RosterPerson) {
        self.person = person
    }

    /// True for the brand manager, who sees all vendors.
    public var seesEveryVendor: Bool { person.role == .brandManager }

    /// The vendor whose data this viewer sees; nil for the brand manager,
    /// who sees all of them. An empty string for a person without a vendor
    /// matches no record.
    public var vendorFilter: String? {
        seesEveryVendor ? nil : (person.vendor ?? "")
    }

    /// True when the viewer may see a record of `vendor`. A record whose
    /// vendor is unknown (nil) is the brand's alone.
    public func mayView(vendor: String?) -> Bool {
        if seesEveryVendor { return true }
        guard let own = person.vendor, !own.isEmpty, let vendor else { return false }
        return own == vendor
    }
}

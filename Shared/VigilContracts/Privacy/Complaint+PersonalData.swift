extension Complaint {
    /// Returns the complaint with personal numbers masked in its summary,
    /// for the services that keep complaints in their stores.
    public func masked(by masker: PersonalDataMasker) -> Complaint {
        var complaint = self
        complaint.summary = masker.mask(summary)
        return complaint
    }
}

import VigilContracts

/// The names case commands print for optional case values.
enum CaseNames {
    /// Returns the state's name from the contracts, "-" when the timeline carries none.
    static func state(_ state: CaseState?) -> LocalizedText {
        state?.label ?? LocalizedText(chinese: "-", english: "-")
    }
}

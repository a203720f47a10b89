extension LocalizedText {
    /// Returns the text with personal numbers masked in both languages.
    public func masked(by masker: PersonalDataMasker) -> LocalizedText {
        LocalizedText(chinese: masker.mask(chinese), english: masker.mask(english))
    }
}

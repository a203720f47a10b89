/// Counts in the reports' English: the number with thousands separators and
/// the noun in the singular for exactly one, as in "1 run" and "1,000 runs".
public enum English {
    /// Returns `count` and its noun, such as "1 copy" or "2 copies". `plural`
    /// defaults to `singular` with an "s".
    public static func count(_ count: Int, _ singular: String, plural: String? = nil) -> String {
        let noun = count == 1 ? singular : (plural ?? singular + "s")
        return BenchmarkReport.Cell.integer(count).rendered + " " + noun
    }
}

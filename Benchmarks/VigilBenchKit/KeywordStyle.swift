/// Where the keywords of a generated rule set come from, which decides how
/// often its rules fire on real chats.
public enum KeywordStyle: String, Sendable, CaseIterable {
    /// Specific phrases of three to six characters, as brands add them: shop
    /// and brand names, a product with a fault, a regulator or newspaper of a
    /// given city. They rarely occur, so a large set fires about as often as
    /// the base set, and the benchmark measures the cost of more rules.
    case specificPhrases = "phrases"

    /// Two to six characters drawn from about 500 common ones, shorter words
    /// more often. Pairs such as 非常 and 售后 occur in many messages, so a
    /// large set fires many times more often than the base set, and the
    /// benchmark measures the cost of more hits. A stress case, not a real rule set.
    case commonCharacters = "common"
}

import VigilContracts

/// The subject-period pairs whose scores a batch changed.
struct TouchedPeriods {
    /// One subject in one period, ordered by subject, then period kind
    /// (day, week, month, campaign), start and campaign id, so a batch
    /// publishes its scores in an order that does not depend on hashing.
    struct Pair: Hashable, Comparable {
        var subject: ScoreSubject
        var period: ScorePeriod

        static func < (lhs: Pair, rhs: Pair) -> Bool {
            if lhs.subject != rhs.subject {
                return lhs.subject < rhs.subject
            }
            return lhs.periodOrder < rhs.periodOrder
        }

        private var periodOrder: (Int, String, String) {
            (ScorePeriodKind.allCases.firstIndex(of: period.kind) ?? 0, period.start, period.campaign ?? "")
        }
    }

    private(set) var pairs: Set<Pair> = []

    mutating func insert(_ subject: ScoreSubject, periods: [ScorePeriod]) {
        for period in periods {
            pairs.insert(Pair(subject: subject, period: period))
        }
    }

    /// Returns the pairs in publishing order and empties the set.
    mutating func drain() -> [Pair] {
        defer { pairs.removeAll() }
        return pairs.sorted()
    }
}

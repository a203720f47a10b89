import VigilContracts

// MARK: - Evaluating figures

extension Scorecard {
    /// Scores `figures`: each item's points and contribution, the total, and
    /// the critical items.
    ///
    /// An item whose measure has no value leaves the total, and its weight
    /// leaves the denominator. The total is `100 × Σ points / Σ applicable
    /// weights` rounded to two decimals, or nil when no item applies. Each
    /// contribution is its item's share of that, in hundredths apportioned by
    /// largest remainder so that the contributions add up to the total exactly.
    /// Any failed critical item sets the total and every contribution to 0.
    public func evaluate(_ figures: ScoreFigures) -> ScorecardResult {
        let values = items.map { $0.measure.value(in: figures) }
        let rawPoints = zip(items, values).map { item, value in value.map { item.points(for: $0) } }
        let applicableWeight = zip(items, values).reduce(0.0) { sum, pair in pair.1 == nil ? sum : sum + pair.0.weight }

        var total: Double?
        var contributions: [Double?] = Array(repeating: nil, count: items.count)
        if applicableWeight > 0 {
            let shares = rawPoints.map { points in points.map { 100 * $0 / applicableWeight } }
            let hundredths = Self.apportionHundredths(shares)
            total = Double(hundredths.reduce(0) { $0 + ($1 ?? 0) }) / 100
            contributions = hundredths.map { $0.map { Double($0) / 100 } }
        }

        let critical = criticalItems.map { item in
            let value = item.measure.value(in: figures) ?? 0
            return CriticalItemResult(id: item.id, measure: item.measure.rawValue, value: value,
                                      maximum: item.maximum, failed: value > item.maximum)
        }
        let zeroedBy = critical.filter(\.failed).map(\.id)
        if !zeroedBy.isEmpty {
            total = 0
            contributions = contributions.map { $0.map { _ in 0 } }
        }

        let results = items.indices.map { index in
            ScoreItemResult(id: items[index].id, measure: items[index].measure.rawValue, value: values[index],
                            weight: items[index].weight, points: rawPoints[index].map(Self.roundedToHundredths),
                            contribution: contributions[index])
        }
        return ScorecardResult(version: version, total: total, zeroedBy: zeroedBy, items: results, critical: critical)
    }

    /// Rounds each share to whole hundredths so that they add up to the
    /// rounded sum: every share gets its floor, then the shares with the
    /// largest remainders (ties by position) get one hundredth more.
    static func apportionHundredths(_ shares: [Double?]) -> [Int?] {
        let scaled = shares.map { $0.map { $0 * 100 } }
        let target = Int((scaled.reduce(0) { $0 + ($1 ?? 0) }).rounded())
        var result = scaled.map { $0.map { Int($0.rounded(.down)) } }
        let missing = target - result.reduce(0) { $0 + ($1 ?? 0) }
        guard missing > 0 else { return result }

        let byRemainder = scaled.indices
            .compactMap { index in scaled[index].map { (index, $0 - $0.rounded(.down)) } }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        for (index, _) in byRemainder.prefix(missing) {
            result[index] = (result[index] ?? 0) + 1
        }
        return result
    }

    static func roundedToHundredths(_ value: Double) -> Double {
        (value * 100).rounded() / 100
    }
}

extension ScorecardItem {
    /// `weight × clamp((value − zero) / (full − zero), 0, 1)`.
    func points(for value: Double) -> Double {
        let fraction = (value - zero) / (full - zero)
        return weight * min(max(fraction, 0), 1)
    }
}

import VigilContracts

/// Precision and recall of one category over the labelled messages.
struct CategoryScore: Codable, Sendable, Equatable {
    var category: RuleCategory
    /// Labelled messages whose risk is this category.
    var labelled: Int
    /// Labelled messages whose most severe hit is this category.
    var predicted: Int
    /// Labelled messages where both agree.
    var truePositives: Int

    /// True positives over predicted, or nil when nothing was predicted.
    var precision: Double? {
        predicted == 0 ? nil : Double(truePositives) / Double(predicted)
    }

    /// True positives over labelled, or nil when nothing carries the label.
    var recall: Double? {
        labelled == 0 ? nil : Double(truePositives) / Double(labelled)
    }
}

import VigilContracts

/// The arithmetic of the evaluation: labelled messages against the most
/// severe category their hits predict.
struct DetectionMetrics: Codable, Sendable, Equatable {
    /// A subset of the labelled messages and how many of them alerted as they should or should not.
    struct Subset: Codable, Sendable, Equatable {
        var labelled: Int
        /// Negated: messages that alerted at all, which is wrong. Evasive: messages predicted with their labelled category.
        var counted: Int
    }

    /// One row per rule category, in ``RuleCategory/allCases`` order.
    var categories: [CategoryScore]
    /// Labelled messages whose risk word is negated, and how many alerted anyway.
    var negated: Subset
    /// Labelled messages whose risk word is disguised, and how many were detected in their category.
    var evasive: Subset
    /// Labelled `none` messages that alerted in some category.
    var falseAlerts: Int

    /// Returns the most severe category in the order of the label file:
    /// regulator, legal, media, complaint, escalation.
    static func mostSevere(_ categories: some Sequence<RuleCategory>) -> RuleCategory? {
        categories.min { RuleCategory.allCases.firstIndex(of: $0)! < RuleCategory.allCases.firstIndex(of: $1)! }
    }

    /// Scores the labels against `predictions`, the most severe category per
    /// message id. A labelled message that is missing from it predicted nothing.
    init(labels: [EvaluationLabel], predictions: [String: RuleCategory]) {
        var rows = RuleCategory.allCases.map { CategoryScore(category: $0, labelled: 0, predicted: 0, truePositives: 0) }
        var negated = Subset(labelled: 0, counted: 0)
        var evasive = Subset(labelled: 0, counted: 0)
        var falseAlerts = 0

        for label in labels {
            let predicted = predictions[label.messageId]
            let expected = label.risk.category
            if let expected, let row = rows.firstIndex(where: { $0.category == expected }) {
                rows[row].labelled += 1
                if predicted == expected {
                    rows[row].truePositives += 1
                }
            }
            if let predicted, let row = rows.firstIndex(where: { $0.category == predicted }) {
                rows[row].predicted += 1
            }
            if expected == nil, predicted != nil {
                falseAlerts += 1
            }

            if label.negated {
                negated.labelled += 1
                negated.counted += predicted == nil ? 0 : 1
            }
            if label.evasive {
                evasive.labelled += 1
                evasive.counted += predicted != nil && predicted == expected ? 1 : 0
            }
        }

        self.categories = rows
        self.negated = negated
        self.evasive = evasive
        self.falseAlerts = falseAlerts
    }

    /// Returns the score of one category.
    func score(_ category: RuleCategory) -> CategoryScore {
        categories.first { $0.category == category }!
    }
}

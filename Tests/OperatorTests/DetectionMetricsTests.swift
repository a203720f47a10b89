import Testing
import VigilContracts
@testable import Operator

@Suite("Detection metrics")
struct DetectionMetricsTests {
    /// Six labelled messages: two regulator (one found, one called a complaint), one
    /// complaint found, one negated `none` that alerted, one evasive regulator found,
    /// and one `none` left alone.
    private let labels = [
        EvaluationLabel(messageId: "r1", risk: .regulator),
        EvaluationLabel(messageId: "r2", risk: .regulator),
        EvaluationLabel(messageId: "c1", risk: .complaint),
        EvaluationLabel(messageId: "n1", risk: .none, negated: true),
        EvaluationLabel(messageId: "e1", risk: .regulator, evasive: true),
        EvaluationLabel(messageId: "n2", risk: .none),
    ]
    private let predictions: [String: RuleCategory] = [
        "r1": .regulator, "r2": .complaint, "c1": .complaint, "n1": .complaint, "e1": .regulator,
        "unlabelled": .legal,
    ]

    @Test("counts per category")
    func counts() {
        let metrics = DetectionMetrics(labels: labels, predictions: predictions)

        #expect(metrics.score(.regulator) == CategoryScore(category: .regulator, labelled: 3, predicted: 2, truePositives: 2))
        #expect(metrics.score(.complaint) == CategoryScore(category: .complaint, labelled: 1, predicted: 3, truePositives: 1))
        #expect(metrics.score(.legal) == CategoryScore(category: .legal, labelled: 0, predicted: 0, truePositives: 0),
                "predictions for unlabelled messages do not count")
        #expect(metrics.falseAlerts == 1)
        #expect(metrics.negated == DetectionMetrics.Subset(labelled: 1, counted: 1))
        #expect(metrics.evasive == DetectionMetrics.Subset(labelled: 1, counted: 1))
    }

    @Test("precision and recall")
    func ratios() {
        let metrics = DetectionMetrics(labels: labels, predictions: predictions)

        #expect(metrics.score(.regulator).precision == 1)
        #expect(metrics.score(.regulator).recall == 2.0 / 3.0)
        #expect(metrics.score(.complaint).precision == 1.0 / 3.0)
        #expect(metrics.score(.complaint).recall == 1)
        #expect(metrics.score(.legal).precision == nil, "nothing predicted, so no precision")
        #expect(metrics.score(.legal).recall == nil)
    }

    @Test("max severity category wins")
    func mostSevere() {
        #expect(DetectionMetrics.mostSevere([.complaint, .regulator, .legal]) == .regulator)
        #expect(DetectionMetrics.mostSevere([.escalation, .media]) == .media)
        #expect(DetectionMetrics.mostSevere([]) == nil)
    }

    @Test("escalation_demand labels count as escalation")
    func escalationLabel() {
        let metrics = DetectionMetrics(labels: [EvaluationLabel(messageId: "x", risk: .escalationDemand)],
                                       predictions: ["x": .escalation])

        #expect(metrics.score(.escalation).truePositives == 1)
    }
}

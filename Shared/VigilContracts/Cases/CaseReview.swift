/// The case review (复盘): what happened step by step and the training it decided.
public struct CaseReview: Codable, Sendable, Hashable {
    /// The reviewer's conclusion in a sentence or two.
    public var summary: String
    /// The breakdown of the handling, one step per entry, in order.
    public var steps: [String]
    /// The training actions the review decided; may be empty.
    public var trainingActions: [String]

    public init(summary: String, steps: [String], trainingActions: [String]) {
        self.summary = summary
        self.steps = steps
        self.trainingActions = trainingActions
    }
}

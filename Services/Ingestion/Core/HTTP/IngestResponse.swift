import VigilContracts

/// The JSON body of a processed ingestion request: a count per outcome and
/// the result of every record, in the order they were sent.
struct IngestResponse: Encodable {
    struct Result: Encodable {
        /// The record's 1-based position in the request.
        var index: Int
        /// `accepted`, `duplicate` or `rejected`.
        var status: String
        var eventId: String?
        var reason: String?
        var message: String?
    }

    var request: String
    var accepted = 0
    var duplicates = 0
    var rejected = 0
    var results: [Result] = []

    init(request: String, outcomes: [IntakeOutcome]) {
        self.request = request
        for (offset, outcome) in outcomes.enumerated() {
            let index = offset + 1
            switch outcome {
            case .accepted(let eventId, _):
                accepted += 1
                results.append(Result(index: index, status: "accepted", eventId: eventId))
            case .duplicate(let eventId):
                duplicates += 1
                results.append(Result(index: index, status: "duplicate", eventId: eventId))
            case .rejected(let reason, let message):
                rejected += 1
                results.append(Result(index: index, status: "rejected", reason: reason.rawValue, message: message))
            }
        }
    }
}

/// The JSON body of a request refused as a whole.
struct IngestError: Encodable {
    /// A stable code such as `unauthorized` or `malformed-body`.
    var error: String
    /// The reason in English, for the engineer integrating a site.
    var message: String
}

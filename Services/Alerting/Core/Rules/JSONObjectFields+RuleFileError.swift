import VigilJSON

extension JSONObjectFields {
    /// Reads `object` like ``init(_:at:allowed:context:)`` and appends its
    /// unknown and repeated fields to `errors` as rule file errors.
    init(_ object: [PositionedJSON.Member], at position: SourcePosition, allowed: [String], context: String,
         errors: inout [RuleFileError]) {
        self.init(object, at: position, allowed: allowed, context: context)
        errors += problems.map { RuleFileError(position: $0.position, message: $0.message) }
    }
}

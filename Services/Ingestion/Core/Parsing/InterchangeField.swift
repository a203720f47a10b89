/// One field of an interchange record: its name, value type and whether a mapping must map it.
///
/// The lists follow the record types in VigilContracts (ChatMessage,
/// RosterPerson, Complaint, Order), and `InterchangeParser` checks the values.
struct InterchangeField: Sendable, Equatable {
    /// The conversion of a cell into the field's JSON value.
    enum ValueType: Sendable, Equatable {
        /// An id or a code: trimmed of spaces and tabs, empty means missing.
        case identifier
        /// Free text, kept exactly, empty allowed.
        case text
        /// An instant, written as ISO 8601 with an offset.
        case time
        /// An exact decimal number, written as a JSON number.
        case decimal
        /// `true` or `false`.
        case boolean
    }

    var name: String
    var type: ValueType
    var isRequired: Bool

    private init(_ name: String, _ type: ValueType, required: Bool = true) {
        self.name = name
        self.type = type
        self.isRequired = required
    }

    /// Returns the fields of `kind`, in the order records are written.
    static func fields(of kind: RecordKind) -> [InterchangeField] {
        switch kind {
        case .message:
            [InterchangeField("messageId", .identifier), InterchangeField("site", .identifier),
             InterchangeField("shop", .identifier), InterchangeField("conversationId", .identifier),
             InterchangeField("buyer", .identifier), InterchangeField("agent", .identifier),
             InterchangeField("role", .identifier), InterchangeField("text", .text),
             InterchangeField("sentAt", .time)]
        case .roster:
            [InterchangeField("id", .identifier), InterchangeField("name", .identifier),
             InterchangeField("role", .identifier), InterchangeField("reportsTo", .identifier, required: false),
             InterchangeField("vendor", .identifier, required: false),
             InterchangeField("site", .identifier, required: false),
             InterchangeField("team", .identifier, required: false)]
        case .complaint:
            [InterchangeField("complaintId", .identifier), InterchangeField("channel", .identifier),
             InterchangeField("shop", .identifier), InterchangeField("buyer", .identifier),
             InterchangeField("conversationId", .identifier, required: false),
             InterchangeField("filedAt", .time), InterchangeField("summary", .text),
             InterchangeField("synthetic", .boolean, required: false)]
        case .order:
            [InterchangeField("orderId", .identifier), InterchangeField("shop", .identifier),
             InterchangeField("buyer", .identifier), InterchangeField("conversationId", .identifier, required: false),
             InterchangeField("agent", .identifier, required: false), InterchangeField("amount", .decimal),
             InterchangeField("currency", .identifier), InterchangeField("campaign", .identifier, required: false),
             InterchangeField("paidAt", .time), InterchangeField("synthetic", .boolean, required: false)]
        }
    }
}

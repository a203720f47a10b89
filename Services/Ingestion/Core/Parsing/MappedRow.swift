import VigilRuntime

/// One result of ``MappedRowReader/next()``: a row turned into interchange
/// JSON, or a row rejected on its own.
public enum MappedRow: Sendable, Equatable {
    /// A row as one interchange JSON object, for `InterchangeParser(fixedKind:)`.
    /// `source` contains the row as it appeared, for a dead letter if the parser rejects it.
    case record(lineNumber: Int, json: [UInt8], source: ArraySlice<UInt8>)
    /// A row that is malformed, over a limit, or does not fit the mapping.
    /// `payload` contains the row's bytes, or their first ``DeadLetter/maxPayloadBytes``.
    case rejected(lineNumber: Int, payload: ArraySlice<UInt8>, rejection: RecordRejection)

    /// The 1-based line on which the row starts, for a dead letter's `file:line`.
    public var lineNumber: Int {
        switch self {
        case .record(let lineNumber, _, _): lineNumber
        case .rejected(let lineNumber, _, _): lineNumber
        }
    }

    public static func == (lhs: MappedRow, rhs: MappedRow) -> Bool {
        switch (lhs, rhs) {
        case let (.record(leftLine, leftJSON, leftSource), .record(rightLine, rightJSON, rightSource)):
            return leftLine == rightLine && leftJSON == rightJSON && leftSource.elementsEqual(rightSource)
        case let (.rejected(leftLine, leftPayload, leftRejection), .rejected(rightLine, rightPayload, rightRejection)):
            return leftLine == rightLine && leftPayload.elementsEqual(rightPayload)
                && leftRejection.reason == rightRejection.reason && leftRejection.message == rightRejection.message
        default:
            return false
        }
    }
}

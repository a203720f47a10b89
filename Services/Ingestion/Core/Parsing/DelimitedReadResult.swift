import VigilRuntime

/// One result of ``DelimitedReader/next()``: a row, or a record rejected on its own.
public enum DelimitedReadResult: Sendable, Equatable {
    /// A well-formed record.
    case row(DelimitedRow)
    /// A record that is malformed or over a limit. `payload` contains the
    /// record's bytes, or their first ``DeadLetter/maxPayloadBytes`` when it is too long.
    case rejected(lineNumber: Int, payload: ArraySlice<UInt8>, rejection: RecordRejection)

    /// The 1-based line on which the record starts.
    public var lineNumber: Int {
        switch self {
        case .row(let row): row.lineNumber
        case .rejected(let lineNumber, _, _): lineNumber
        }
    }

    public static func == (lhs: DelimitedReadResult, rhs: DelimitedReadResult) -> Bool {
        switch (lhs, rhs) {
        case let (.row(left), .row(right)):
            return left == right
        case let (.rejected(leftLine, leftPayload, leftRejection), .rejected(rightLine, rightPayload, rightRejection)):
            return leftLine == rightLine && leftPayload.elementsEqual(rightPayload)
                && leftRejection.reason == rightRejection.reason && leftRejection.message == rightRejection.message
        default:
            return false
        }
    }
}

/// One result row, copied out of the statement so it outlives the next step.
public struct Row: Sendable, Hashable {
    public let values: [DatabaseValue]

    public init(values: [DatabaseValue]) {
        self.values = values
    }

    public subscript(index: Int) -> DatabaseValue { values[index] }
}

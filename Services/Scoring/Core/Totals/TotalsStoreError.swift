/// A stored fact of the totals stage that cannot be read back.
struct TotalsStoreError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

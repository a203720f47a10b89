/// A stored input or publication that cannot be read back.
struct FactsStoreError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

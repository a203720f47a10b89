import VigilRuntime

/// A request to take brokers of the embedded cluster down or bring them back,
/// as one control line: `down all`, `up 2`, `down 1 3`.
struct BrokerSwitch: Equatable, Sendable {
    /// True to bring the brokers up, false to take them down.
    var up: Bool
    /// The 1-based broker ids, or nil for every broker.
    var brokers: [Int32]?

    init(up: Bool, brokers: [Int32]?) {
        self.up = up
        self.brokers = brokers
    }

    /// Parses the words after `down` or `up`: `all`, or one or more broker ids.
    /// - Throws: ``UsageError`` for no word, a word that is no id, or `all` with ids.
    init(up: Bool, words: [String]) throws {
        guard !words.isEmpty else {
            throw UsageError("missing brokers: name them by id (1, 2, …) or write all")
        }
        if words == ["all"] {
            self.init(up: up, brokers: nil)
            return
        }
        var ids: [Int32] = []
        for word in words {
            guard let id = Int32(word), id >= 1 else {
                throw UsageError("invalid broker \"\(word)\": expected all or broker ids from 1")
            }
            ids.append(id)
        }
        self.init(up: up, brokers: ids)
    }

    /// Parses a control line as ``line`` writes it.
    init(line: String) throws {
        let words = line.split(separator: " ").map(String.init)
        guard let verb = words.first, verb == "down" || verb == "up" else {
            throw UsageError("invalid control line \"\(line)\": expected down or up, then all or broker ids")
        }
        try self.init(up: verb == "up", words: Array(words.dropFirst()))
    }

    /// The control line that carries this request to `vigil broker`.
    var line: String {
        let target = brokers.map { $0.map(String.init).joined(separator: " ") } ?? "all"
        return "\(up ? "up" : "down") \(target)"
    }

    /// Returns the broker ids the request names, checked against the cluster's size.
    /// - Throws: ``UsageError`` for an id past `brokerCount`.
    func ids(brokerCount: Int32) throws -> [Int32] {
        guard let brokers else {
            return Array(1...brokerCount)
        }
        if let unknown = brokers.first(where: { $0 > brokerCount }) {
            throw UsageError("no broker \(unknown): the embedded cluster has brokers 1 to \(brokerCount)")
        }
        return brokers
    }
}

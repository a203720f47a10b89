/// The line `vigil broker` sends back on its control socket: the state of
/// every broker after the request (`ok up=1,2 down=3`), or why it failed
/// (`error no broker 7: …`).
enum BrokerControlReply: Equatable, Sendable {
    case states(up: [Int32], down: [Int32])
    case failure(String)

    /// Parses a reply line; a line in no known form becomes a failure that quotes it.
    init(line: String) {
        if line.hasPrefix("error ") {
            self = .failure(String(line.dropFirst("error ".count)))
            return
        }
        let words = line.split(separator: " ")
        guard words.first == "ok" else {
            self = .failure("unexpected reply \"\(line)\"")
            return
        }
        var up: [Int32] = []
        var down: [Int32] = []
        for word in words.dropFirst() {
            let parts = word.split(separator: "=", maxSplits: 1)
            let ids = parts.count == 2 ? parts[1].split(separator: ",").compactMap { Int32($0) } : []
            switch parts.first {
            case "up": up = ids
            case "down": down = ids
            default: break
            }
        }
        self = .states(up: up, down: down)
    }

    var line: String {
        switch self {
        case .states(let up, let down):
            "ok up=\(Self.list(up)) down=\(Self.list(down))"
        case .failure(let message):
            "error \(message)"
        }
    }

    private static func list(_ ids: [Int32]) -> String {
        ids.map(String.init).joined(separator: ",")
    }
}

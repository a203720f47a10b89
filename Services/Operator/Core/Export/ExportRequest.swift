import VigilContracts
import VigilRuntime

/// The options of `vigil export`, checked.
struct ExportRequest {
    var topic: TopicSpec
    /// The first instant exported (inclusive).
    var from: Timestamp
    /// The first instant no longer exported (exclusive).
    var to: Timestamp
    /// Only records whose key has exactly these bytes; nil exports every key.
    var key: [UInt8]?
    var includeWatermarks: Bool
    /// The file the lines go to; nil for standard output.
    var output: String?

    init(_ options: ParsedOptions, catalogue: TopicCatalogue) throws {
        guard let name = options.positionals.first else {
            throw UsageError("missing TOPIC: name one of \(Self.topicNames(catalogue))")
        }
        if let extra = options.positionals.dropFirst().first {
            throw UsageError("unexpected argument \"\(extra)\": export takes one topic")
        }
        topic = try Self.resolve(name, catalogue: catalogue)

        guard let fromText = options.value("from") else {
            throw UsageError("missing --from: give the first time to export, such as 2026-11-11T09:00+08:00")
        }
        guard let toText = options.value("to") else {
            throw UsageError("missing --to: give the time to stop before, such as 2026-11-11T18:00+08:00")
        }
        from = try TimeOption.parse(fromText, option: "from")
        to = try TimeOption.parse(toText, option: "to")
        guard from.epochMilliseconds < to.epochMilliseconds else {
            throw UsageError("--to \(toText) is not later than --from \(fromText): the range [from, to) would be empty")
        }

        key = options.value("key").map { Array($0.utf8) }
        includeWatermarks = options.flag("include-watermarks")
        output = options.value("output")
    }

    /// Finds a topic by its full name ("vigil.alerts") or its catalogue base name ("alerts").
    static func resolve(_ name: String, catalogue: TopicCatalogue) throws -> TopicSpec {
        if let topic = catalogue.topic(named: name) ?? catalogue.all.first(where: { $0.baseName == name }) {
            return topic
        }
        throw UsageError("unknown topic \"\(name)\": expected one of \(topicNames(catalogue))")
    }

    private static func topicNames(_ catalogue: TopicCatalogue) -> String {
        catalogue.all.map(\.name).joined(separator: ", ")
    }
}

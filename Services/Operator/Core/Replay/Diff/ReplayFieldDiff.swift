import VigilContracts

/// Finds the fields that differ between two records with the same identity.
enum ReplayFieldDiff {
    /// True when the records have the same key, event id, timestamp and value (as bytes or as JSON).
    static func isSame(_ first: ReplayRecord, _ second: ReplayRecord) -> Bool {
        differences(live: first, replay: second).isEmpty
    }

    /// Returns the differing record parts first (`@key`, `@eventId`, `@timestamp`),
    /// then the differing JSON leaves of the values, object keys sorted and array indexes ascending.
    static func differences(live: ReplayRecord, replay: ReplayRecord) -> [ReplayFieldDifference] {
        var differences: [ReplayFieldDifference] = []
        if live.key != replay.key {
            differences.append(ReplayFieldDifference(path: "@key", live: quotedOrNull(live.key),
                                                     replay: quotedOrNull(replay.key)))
        }
        if live.eventId != replay.eventId {
            differences.append(ReplayFieldDifference(path: "@eventId", live: quotedOrNull(live.eventId),
                                                     replay: quotedOrNull(replay.eventId)))
        }
        if live.timestamp.epochMilliseconds != replay.timestamp.epochMilliseconds {
            differences.append(ReplayFieldDifference(path: "@timestamp", live: quotedOrNull(live.timestamp.iso8601),
                                                     replay: quotedOrNull(replay.timestamp.iso8601)))
        }
        guard live.value != replay.value else {
            return differences
        }

        guard let liveJSON = try? JSONValue(parsing: live.value),
              let replayJSON = try? JSONValue(parsing: replay.value)
        else {
            differences.append(ReplayFieldDifference(path: "@value", live: rawText(live.value),
                                                     replay: rawText(replay.value)))
            return differences
        }
        compare(liveJSON, replayJSON, at: .root, into: &differences)
        return differences
    }

    // MARK: - JSON leaves

    private static func compare(_ live: JSONValue?, _ replay: JSONValue?, at path: ReplayJSONPath,
                                into differences: inout [ReplayFieldDifference]) {
        switch (live, replay) {
        case let (.object(liveMembers)?, .object(replayMembers)?):
            for name in Set(liveMembers.keys).union(replayMembers.keys).sorted() {
                compare(liveMembers[name], replayMembers[name], at: path.member(name), into: &differences)
            }
        case let (.array(liveElements)?, .array(replayElements)?):
            for index in 0..<max(liveElements.count, replayElements.count) {
                compare(liveElements.indices.contains(index) ? liveElements[index] : nil,
                        replayElements.indices.contains(index) ? replayElements[index] : nil,
                        at: path.element(index), into: &differences)
            }
        case let (present?, nil):
            for (leafPath, leaf) in leaves(of: present, at: path) {
                differences.append(ReplayFieldDifference(path: leafPath.text, live: shown(leaf), replay: nil))
            }
        case let (nil, present?):
            for (leafPath, leaf) in leaves(of: present, at: path) {
                differences.append(ReplayFieldDifference(path: leafPath.text, live: nil, replay: shown(leaf)))
            }
        case let (live?, replay?):
            if live != replay {
                differences.append(ReplayFieldDifference(path: path.text, live: shown(live), replay: shown(replay)))
            }
        case (nil, nil):
            break
        }
    }

    /// Lists the leaves of `value`. An empty object or array is a leaf itself.
    private static func leaves(of value: JSONValue, at path: ReplayJSONPath) -> [(ReplayJSONPath, JSONValue)] {
        switch value {
        case .object(let members) where !members.isEmpty:
            return members.keys.sorted().flatMap { leaves(of: members[$0] ?? .null, at: path.member($0)) }
        case .array(let elements) where !elements.isEmpty:
            return elements.enumerated().flatMap { leaves(of: $1, at: path.element($0)) }
        default:
            return [(path, value)]
        }
    }

    // MARK: - Shown values

    /// Shows a leaf as compact JSON. Strings are shown with personal numbers
    /// masked, because a live record from an older version may hold one.
    private static func shown(_ value: JSONValue) -> String {
        if case .string(let text) = value {
            return shortened(JSONValue.string(masker.mask(text)).compactText())
        }
        return shortened(value.compactText())
    }

    private static let masker = PersonalDataMasker()

    private static func quotedOrNull(_ text: String?) -> String {
        text.map { JSONValue.string($0).compactText() } ?? "null"
    }

    /// Shows a value that is not JSON as a JSON string of its bytes read as
    /// UTF-8, invalid bytes replaced and personal numbers masked.
    private static func rawText(_ bytes: [UInt8]) -> String {
        shortened(JSONValue.string(masker.mask(String(decoding: bytes, as: UTF8.self))).compactText())
    }

    /// Cuts `text` to ``ReplayDiff/maximumValueLength`` characters, the last one "…".
    static func shortened(_ text: String) -> String {
        guard text.count > ReplayDiff.maximumValueLength else { return text }
        return String(text.prefix(ReplayDiff.maximumValueLength - 1)) + "…"
    }
}

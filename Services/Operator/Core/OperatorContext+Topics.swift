import VigilContracts
import VigilRuntime

extension OperatorContext {
    var scanner: TopicReader {
        TopicReader(properties: configuration.clientProperties, logger: logger)
    }

    /// Reads the roster as the roster topic has it now.
    func loadRoster() throws -> Roster {
        Roster(try scanner.events(RosterPerson.self, of: catalogue.roster).events)
    }

    /// Formats an event time at +08:00, the zone scores use, as "2026-11-11 08:05:12".
    func localTime(_ timestamp: Timestamp) -> String {
        let shifted = Timestamp(epochMilliseconds: timestamp.epochMilliseconds, utcOffsetSeconds: 8 * 3600)
        return String(shifted.iso8601.prefix(19)).replacingOccurrences(of: "T", with: " ")
    }
}

private extension String {
    func replacingOccurrences(of target: Character, with replacement: Character) -> String {
        String(map { $0 == target ? replacement : $0 })
    }
}

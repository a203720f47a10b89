import Foundation

/// The load averages of the machine over 1, 5 and 15 minutes, from
/// /proc/loadavg, which the reports give beside figures from a shared machine.
public struct LoadAverage: Sendable, Equatable, CustomStringConvertible {
    public var one: Double
    public var five: Double
    public var fifteen: Double

    /// Reads the machine's load now; nil where /proc/loadavg is missing.
    public static func current() -> LoadAverage? {
        (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)).flatMap(parse)
    }

    /// Parses the text of /proc/loadavg (`0.52 0.58 0.59 1/467 12345`).
    public static func parse(_ text: String) -> LoadAverage? {
        let fields = text.split(separator: " ").prefix(3).compactMap { Double($0) }
        guard fields.count == 3 else { return nil }
        return LoadAverage(one: fields[0], five: fields[1], fifteen: fields[2])
    }

    public var description: String {
        String(format: "%.2f, %.2f, %.2f", one, five, fifteen)
    }
}

extension LoadAverage {
    /// The three averages as a JSON object.
    var jsonObject: [String: Double] {
        ["oneMinute": one, "fiveMinutes": five, "fifteenMinutes": fifteen]
    }
}

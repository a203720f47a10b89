import VigilContracts
import VigilRuntime

/// Reads and prints the times of operator commands.
///
/// A time on the command line must carry its UTC offset: read in the host's
/// zone, the same command would mean different instants at different sites.
enum TimeOption {
    /// Reads the value of `--<option>`: a time with an explicit UTC offset or `Z`.
    static func parse(_ text: String, option: String) throws -> Timestamp {
        if let time = TimestampFormat.parse(text) {
            return time
        }
        if TimestampFormat.parse(text + "Z") != nil {
            throw UsageError("--\(option) \"\(text)\" has no UTC offset: add one, such as \(text)+08:00 for China time "
                + "or \(text)Z for UTC")
        }
        throw UsageError("invalid value \"\(text)\" for --\(option): expected a time with its UTC offset, "
            + "such as 2026-11-11T09:00+08:00")
    }

    /// Reads the value of `--zone` as seconds east of UTC.
    static func parseZone(_ text: String?) throws -> Int32 {
        let text = text ?? "+08:00"
        guard let zone = TimestampFormat.parseUTCOffset(text) else {
            throw UsageError("invalid value \"\(text)\" for --zone: expected an offset such as +08:00 or Z")
        }
        return zone
    }

    /// Formats a time at `zone` as "2026-11-11 08:05:12", without the offset.
    static func format(_ timestamp: Timestamp, zone: Int32) -> String {
        TimeText.local(timestamp, zone: zone)
    }

    /// Formats a span of time in days, hours and minutes: "1小时20分钟" or "1h 20m".
    static func duration(seconds: Int64, language: Language) -> String {
        TimeText.duration(seconds: seconds, language: language)
    }
}

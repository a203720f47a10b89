import VigilContracts
import VigilRuntime

/// The position at which `vigil tail alerts` starts reading each partition of the alerts topic.
enum TailStart: Sendable, Equatable {
    /// After the last event on the topic when the command starts.
    case end
    /// The oldest event still on the topic.
    case beginning
    /// The first event raised at or after this time.
    case time(Timestamp)

    /// Reads the value of `--from`: a time with an explicit UTC offset or `Z`.
    ///
    /// A time without one is rejected rather than read in the host's zone,
    /// because supervisors at different sites would then see different alerts
    /// for the same command.
    static func parseTime(_ text: String) throws -> Timestamp {
        if let time = TimestampFormat.parse(text) {
            return time
        }
        if TimestampFormat.parse(text + "Z") != nil {
            throw UsageError("--from \"\(text)\" has no UTC offset: add one, such as \(text)+08:00 for China time "
                + "or \(text)Z for UTC")
        }
        throw UsageError("invalid value \"\(text)\" for --from: expected a time with its UTC offset, "
            + "such as 2026-11-11T09:00+08:00")
    }
}

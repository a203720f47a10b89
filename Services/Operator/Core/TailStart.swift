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
        try TimeOption.parse(text, option: "from")
    }
}

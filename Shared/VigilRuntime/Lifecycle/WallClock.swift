#if canImport(Glibc)
import Glibc
#endif
import VigilContracts

/// The host's clock. Only the edges of the system read it (ingestion stamps
/// dead letters from files with it); no stream decision may depend on it.
public enum WallClock {
    /// Returns the current time in UTC.
    public static func now() -> Timestamp {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Timestamp(epochMilliseconds: Int64(now.tv_sec) * 1000 + Int64(now.tv_nsec) / 1_000_000)
    }
}

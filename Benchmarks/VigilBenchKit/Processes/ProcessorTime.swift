#if canImport(Glibc)
import Glibc
#endif

/// Processor time from `getrusage` and `wait4`, user and system together.
public enum ProcessorTime {
    /// Returns the user and system time of a resource usage record, in seconds.
    public static func seconds(_ usage: rusage) -> Double {
        Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
            + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    }

    /// Returns the processor time this process has used so far, every thread included.
    public static func ownSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return seconds(usage)
    }
}

#if canImport(Glibc)
import Glibc
#endif

/// Nanoseconds of the monotonic clock (CLOCK_MONOTONIC), which every thread
/// of the process reads alike: plain integers that threads can exchange
/// through atomics and compare across threads.
public enum MonotonicTime {
    /// Reads the clock.
    public static func now() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }

    /// Sleeps until the clock reaches `nanoseconds`; returns at once when it has passed.
    public static func sleep(until nanoseconds: Int64) {
        var time = timespec(tv_sec: Int(nanoseconds / 1_000_000_000), tv_nsec: Int(nanoseconds % 1_000_000_000))
        while clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &time, nil) == EINTR {}
    }

    /// Milliseconds between two readings.
    public static func milliseconds(from start: Int64, to end: Int64) -> Double {
        Double(end - start) / 1_000_000
    }

    /// Formats the wall clock at +08:00 to the second, as ingestion reads event times: `2026-11-11T08:01:51+08:00`.
    public static func chinaTimeText() -> String {
        var seconds = time(nil) + 8 * 3_600
        var fields = tm()
        gmtime_r(&seconds, &fields)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(fields.tm_year + 1_900)-\(two(fields.tm_mon + 1))-\(two(fields.tm_mday))"
            + "T\(two(fields.tm_hour)):\(two(fields.tm_min)):\(two(fields.tm_sec))+08:00"
    }
}

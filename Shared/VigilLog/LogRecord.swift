#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One log record before formatting.
struct LogRecord {
    var level: Logger.Level
    var label: String
    var message: String
    var metadata: Logger.Metadata

    /// `time=… level=… logger=… msg="…" key=value …`, keys sorted.
    var logfmtLine: String {
        var line = "time=\(Self.wallClockText()) level=\(level) logger=\(Self.quoted(label)) msg=\(Self.quoted(message))"
        for key in metadata.keys.sorted() {
            line += " \(key)=\(Self.quoted(metadata[key]!))"
        }
        return line + "\n"
    }

    /// Quotes a value when it needs it. Escaping works on Unicode scalars,
    /// not Characters, because "\r\n" is one Character and would pass a
    /// Character check raw, letting a value forge a log line.
    private static func quoted(_ value: String) -> String {
        let needsQuotes = value.isEmpty || value.unicodeScalars.contains {
            $0 == " " || $0 == "\"" || $0 == "=" || $0 == "\\" || $0.properties.generalCategory == .control
                || $0 == "\u{2028}" || $0 == "\u{2029}"
        }
        guard needsQuotes else { return value }
        var escaped = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            case "\t": escaped += "\\t"
            case _ where scalar.properties.generalCategory == .control || scalar == "\u{2028}" || scalar == "\u{2029}":
                escaped += "\\u{\(String(scalar.value, radix: 16))}"
            default:
                escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped + "\""
    }

    /// UTC wall-clock time with milliseconds. Logs are the one place Vigil
    /// reads the host clock; no decision depends on it.
    private static func wallClockText() -> String {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        var seconds = time_t(now.tv_sec)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        let milliseconds = Int(now.tv_nsec / 1_000_000)
        func pad(_ value: Int32, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2))"
            + "T\(pad(parts.tm_hour, 2)):\(pad(parts.tm_min, 2)):\(pad(parts.tm_sec, 2))"
            + ".\(pad(Int32(milliseconds), 3))Z"
    }
}

/// The destination of log lines: standard error, one write(2) per record, so lines
/// from several threads do not interleave (pipes guarantee this up to 4 KiB).
enum LogOutput {
    static func write(_ record: LogRecord) {
        var line = record.logfmtLine
        line.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(STDERR_FILENO, bytes.baseAddress! + offset, bytes.count - offset)
                guard written > 0 else { return }
                offset += written
            }
        }
    }
}

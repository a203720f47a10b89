/// Times and spans of time as case views print them for people.
public enum TimeText {
    /// Formats a time at `zone` (seconds east of UTC) as "2026-11-11 08:05:12", without the offset.
    public static func local(_ timestamp: Timestamp, zone: Int32) -> String {
        let shifted = Timestamp(epochMilliseconds: timestamp.epochMilliseconds, utcOffsetSeconds: zone)
        return String(String(shifted.iso8601.prefix(19)).map { $0 == "T" ? " " : $0 })
    }

    /// Formats a span of time in days, hours and minutes, at most two of them:
    /// "1小时20分钟" or "1h 20m". Negative spans count as zero.
    public static func duration(seconds: Int64, language: Language) -> String {
        let minutes = max(seconds, 0) / 60
        guard minutes > 0 else {
            return language == .chinese ? "不到 1 分钟" : "under 1m"
        }
        let parts: [(Int64, String, String)] = [
            (minutes / 1440, "天", "d"), (minutes / 60 % 24, "小时", "h"), (minutes % 60, "分钟", "m"),
        ]
        let shown = parts.filter { $0.0 > 0 }.prefix(2)
        return language == .chinese
            ? shown.map { "\($0.0)\($0.1)" }.joined()
            : shown.map { "\($0.0)\($0.2)" }.joined(separator: " ")
    }
}

import Foundation

/// Copies of the shared chats, complaints and orders with fresh ids, so
/// that an import runs long enough to time on a fast machine.
///
/// Copy 0 is the data as it is. Copy `k` moves every time `k` times the
/// data's span later, the calendar days from its earliest date to its
/// latest, and gives every message, conversation, buyer, complaint and order
/// a `-cK` suffix. Its customers are new threads, and each copy starts on the
/// day after the previous one ends, so no record of a later copy is older
/// than the event time the copies before it reached. Sites, agents, shops and
/// texts stay, so every record still passes ingestion's roster checks.
public enum DataCopies {
    /// The fields that identify a record or a customer thread.
    static let identifierFields = ["messageId", "conversationId", "buyer", "complaintId", "orderId"]
    /// The event-time fields of messages, complaints and orders.
    static let timeFields = ["sentAt", "filedAt", "paidAt"]

    /// Returns one NDJSON line of copy `copy`, its times moved `copy ×
    /// daysPerCopy` days later. Only the string values of the fields above
    /// change, in place, so every other byte (numbers such as order amounts
    /// included) stays as the site wrote it.
    /// Throws ``BenchmarkInputError`` for a time that is not ISO 8601.
    public static func rewrite(line: Substring, copy: Int, daysPerCopy: Int) throws -> String {
        var text = String(line)
        guard copy > 0 else { return text }
        for field in identifierFields {
            text = replacingValue(of: field, in: text) { "\($0)-c\(copy)" }
        }
        var invalidTime = false
        for field in timeFields {
            text = replacingValue(of: field, in: text) { value in
                guard let shifted = shift(value, days: copy * daysPerCopy) else {
                    invalidTime = true
                    return value
                }
                return shifted
            }
        }
        if invalidTime {
            throw BenchmarkInputError.invalidRecord(line: String(line.prefix(120)))
        }
        return text
    }

    /// Replaces the string value of `"field":"…"` in a compact JSON line. Ids
    /// and times hold no quotes or escapes, so the value ends at the next quote.
    static func replacingValue(of field: String, in line: String, with transform: (String) -> String) -> String {
        let opening = "\"\(field)\":\""
        guard let start = line.range(of: opening),
              let end = line[start.upperBound...].firstIndex(of: "\"") else { return line }
        let value = String(line[start.upperBound..<end])
        return String(line[..<start.upperBound]) + transform(value) + String(line[end...])
    }

    /// Returns an ISO 8601 time (`2026-11-11T08:01:51+08:00`) `days` calendar
    /// days later, with the time of day and the offset kept as written.
    /// Returns nil when the text does not start with a `YYYY-MM-DD` date.
    public static func shift(_ time: String, days: Int) -> String? {
        let parts = time.split(separator: "T", maxSplits: 1)
        guard parts.count == 2, let date = date(time),
              let moved = calendar.date(byAdding: .day, value: days, to: date) else { return nil }
        let fields = calendar.dateComponents([.year, .month, .day], from: moved)
        let text = String(format: "%04d-%02d-%02d", fields.year ?? 0, fields.month ?? 0, fields.day ?? 0)
        return text + "T" + parts[1]
    }

    /// Returns the calendar days from the earliest date of the lines' event
    /// times to the latest, both counted: 4 for times from 11 to 14 November.
    /// Lines without a time (roster entries) do not count, and the span is 1 when no line has one.
    /// Throws ``BenchmarkInputError`` for a time that is not ISO 8601.
    public static func daySpan(of lines: [Substring]) throws -> Int {
        var earliest: Date?
        var latest: Date?
        for line in lines {
            for field in timeFields {
                guard let value = value(of: field, in: line) else { continue }
                guard let date = date(value) else {
                    throw BenchmarkInputError.invalidRecord(line: String(line.prefix(120)))
                }
                earliest = min(earliest ?? date, date)
                latest = max(latest ?? date, date)
            }
        }
        guard let earliest, let latest else { return 1 }
        return (calendar.dateComponents([.day], from: earliest, to: latest).day ?? 0) + 1
    }

    /// The calendar that reads and moves the dates as written, whatever their offset.
    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    /// Returns the start of the `YYYY-MM-DD` date that begins an ISO 8601 time, or nil.
    private static func date(_ time: String) -> Date? {
        let parts = time.split(separator: "T", maxSplits: 1)
        let dateFields = parts.first?.split(separator: "-") ?? []
        guard parts.count == 2, dateFields.count == 3,
              let year = Int(dateFields[0]), let month = Int(dateFields[1]), let day = Int(dateFields[2]) else {
            return nil
        }
        return calendar.date(from: DateComponents(year: year, month: month, day: day))
    }

    /// Returns the string value of `"field":"…"` in a compact JSON line, or nil when the field is missing.
    private static func value(of field: String, in line: Substring) -> String? {
        guard let start = line.range(of: "\"\(field)\":\""),
              let end = line[start.upperBound...].firstIndex(of: "\"") else { return nil }
        return String(line[start.upperBound..<end])
    }

    /// Writes `copies` copies of each file into one NDJSON file at `destination`,
    /// copy by copy and, within a copy, file by file in the order given, and
    /// returns the number of lines written. Each copy moves by the span of all the files together.
    public static func write(files: [String], copies: Int, to destination: String) throws -> Int {
        precondition(copies >= 1, "at least one copy")
        var lines: [Substring] = []
        for path in files {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw BenchmarkInputError.unreadableChats(path: path)
            }
            lines += String(decoding: data, as: UTF8.self).split(separator: "\n").filter { !$0.isEmpty }
        }
        let span = try daySpan(of: lines)

        var output = Data()
        for copy in 0..<copies {
            for line in lines {
                output.append(contentsOf: Array(try rewrite(line: line, copy: copy, daysPerCopy: span).utf8))
                output.append(UInt8(ascii: "\n"))
            }
        }
        try output.write(to: URL(fileURLWithPath: destination))
        return lines.count * copies
    }
}

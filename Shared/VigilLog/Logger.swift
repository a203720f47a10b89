#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A structured logger in the shape of swift-log, which cannot be fetched here.
///
/// Messages are constant strings; everything variable goes into metadata with
/// dotted keys (`vigil.partition`), so logs can be searched and counted.
/// Each record is one logfmt line on standard error.
public struct Logger: Sendable {
    /// The severities, lowest first.
    public enum Level: Int, Sendable, Comparable, CaseIterable {
        case trace, debug, info, notice, warning, error, critical

        /// Reads "trace" … "critical"; nil for anything else.
        public init?(name: String) {
            guard let level = Level.allCases.first(where: { "\($0)" == name.lowercased() }) else { return nil }
            self = level
        }

        public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// Values attached to a record, keyed `vigil.<name>`.
    public typealias Metadata = [String: String]

    /// The component that logs, usually the executable's name.
    public let label: String
    /// Records below this level are dropped.
    public var logLevel: Level
    /// Added to every record of this logger.
    public var metadata: Metadata
    /// Applied to the message and every metadata value before a record is
    /// written; nil writes them as they are.
    public var redaction: LogRedaction?

    public init(label: String, logLevel: Level = .info, metadata: Metadata = [:], redaction: LogRedaction? = nil) {
        self.label = label
        self.logLevel = logLevel
        self.metadata = metadata
        self.redaction = redaction
    }

    public subscript(metadataKey key: String) -> String? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    // MARK: - Logging

    public func log(level: Level, _ message: @autoclosure () -> String, metadata extra: @autoclosure () -> Metadata = [:]) {
        guard level >= logLevel else { return }
        LogOutput.write(record(level: level, message: message(), metadata: extra()))
    }

    /// Returns the record as it is written: this logger's metadata merged
    /// with `extra`, and the redaction applied.
    func record(level: Level, message: String, metadata extra: Metadata) -> LogRecord {
        var merged = metadata
        merged.merge(extra) { _, new in new }
        var text = message
        if let redaction {
            text = redaction.apply(text)
            merged = merged.mapValues(redaction.apply)
        }
        return LogRecord(level: level, label: label, message: text, metadata: merged)
    }

    public func trace(_ message: @autoclosure () -> String, metadata: @autoclosure () -> Metadata = [:]) {
        log(level: .trace, message(), metadata: metadata())
    }

    public func debug(_ message: @autoclosure () -> String, metadata: @autoclosure () -> Metadata = [:]) {
        log(level: .debug, message(), metadata: metadata())
    }

    public func info(_ message: @autoclosure () -> String, metadata: @autoclosure () -> Metadata = [:]) {
        log(level: .info, message(), metadata: metadata())
    }

    public func notice(_ message: @autoclosure () -> String, metadata: @autoclosure () -> Metadata = [:]) {
        log(level: .notice, message(), metadata: metadata())
    }

    public func warning(_ message: @autoclosure () -> String, metadata: @autoclosure () -> Metadata = [:]) {
        log(level: .warning, message(), metadata: metadata())
    }

    public func error(_ message: @autoclosure () -> String, metadata: @autoclosure () -> Metadata = [:]) {
        log(level: .error, message(), metadata: metadata())
    }

    public func critical(_ message: @autoclosure () -> String, metadata: @autoclosure () -> Metadata = [:]) {
        log(level: .critical, message(), metadata: metadata())
    }
}

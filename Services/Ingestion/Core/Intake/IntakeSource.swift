import VigilContracts

/// The position at which a record entered Vigil, as its dead letter and log line name it.
public enum IntakeSource: Sendable, Hashable {
    /// A line (1-based) of a file, or of standard input when `path` is "-".
    case file(path: String, line: Int)
    /// The `index`-th record (1-based) of an HTTP request from `site`.
    case http(site: String, request: String, index: Int)
    /// A record of a raw topic that a site's own producer wrote, with the
    /// record's timestamp in epoch milliseconds when it has one.
    case topic(name: String, partition: Int32, offset: Int64, timestampMilliseconds: Int64?)

    /// The dead-letter source: HTTP records read as `http/<site>/<request>:<index>`.
    var deadLetterSource: DeadLetterSource {
        switch self {
        case let .file(path, line):
            DeadLetterSource(file: path, line: line)
        case let .http(site, request, index):
            DeadLetterSource(file: "http/\(site)/\(request)", line: index)
        case let .topic(name, partition, offset, _):
            DeadLetterSource(topic: name, partition: partition, offset: offset)
        }
    }

    /// The position as one string for log metadata.
    var logDescription: String { deadLetterSource.position }
}

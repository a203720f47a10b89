/// One field that differs between the live and the replayed value of a record.
public struct ReplayFieldDifference: Sendable, Equatable, Codable {
    /// The JSON leaf path in the value, such as `severity`, `evidence[0].span.start` or `recipient.personId`.
    /// Three paths name record parts instead: `@key`, `@timestamp` and `@eventId`, and `@value` names a
    /// whole value that is not a JSON object or array.
    public var path: String
    /// The live value as compact JSON text (strings quoted), shortened to ``ReplayDiff/maximumValueLength``
    /// characters; nil when the live value has no such field.
    public var live: String?
    /// The replayed value, in the same form as ``live``.
    public var replay: String?

    public init(path: String, live: String?, replay: String?) {
        self.path = path
        self.live = live
        self.replay = replay
    }
}

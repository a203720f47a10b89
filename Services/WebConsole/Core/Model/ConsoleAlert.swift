import VigilContracts

/// One alert event as the console keeps it, in the order it arrived.
public struct ConsoleAlert: Sendable {
    /// The store's counter, increasing with every alert across partitions.
    /// The live page requests the alerts after the last one it showed.
    public var sequence: Int64
    /// The alert as published, with personal numbers already masked by alerting.
    public var alert: Alert
    /// The vendor of the alert's agent, or else of its site, by the roster at
    /// the time the console stored it. Nil when the roster had neither.
    public var vendor: String?

    public init(sequence: Int64, alert: Alert, vendor: String?) {
        self.sequence = sequence
        self.alert = alert
        self.vendor = vendor
    }
}

import VigilContracts

/// One alert event as the console keeps it, in the order it arrived.
public struct ConsoleAlert: Sendable {
    /// Increases with every alert the console stores, across partitions;
    /// the live page asks for the alerts after the last one it showed.
    public var sequence: Int64
    /// The alert as published, with personal numbers already masked by alerting.
    public var alert: Alert
    /// The vendor of the alert's agent (or of its site) by the roster when
    /// the console stored it; nil when the roster did not know either.
    public var vendor: String?

    public init(sequence: Int64, alert: Alert, vendor: String?) {
        self.sequence = sequence
        self.alert = alert
        self.vendor = vendor
    }
}

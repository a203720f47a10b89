/// Everything one `vigil-bench services` run measured, before it becomes a table.
public struct ServicesResults: Sendable {
    /// One stream service's throughput run.
    public struct Service: Sendable {
        public var name: String
        public var result: ServiceRun.Result

        public init(name: String, result: ServiceRun.Result) {
            self.name = name
            self.result = result
        }
    }

    /// How many copies of the shared data the import read.
    public var copies: Int
    public var ingestion: ImportRun.Result?
    /// The median read of the chat topic by the plain consumer, and how many reads it is the median of.
    public var limit: ConsumeLimit.Result?
    public var limitRuns = 0
    public var services: [Service] = []
    public var brokerPeakKilobytes: Int?
    public var latency: [LatencyRun.Result] = []

    public init(copies: Int) {
        self.copies = copies
    }
}

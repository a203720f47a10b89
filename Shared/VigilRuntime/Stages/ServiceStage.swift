/// One stream service of a process that runs one or more side by side, such
/// as the facts and totals stages of scoring.
///
/// Each stage has its own consumer group, store and thread. Stages talk only
/// through topics, so they can equally run as separate processes.
public struct ServiceStage {
    /// The stage's settings. ``ServiceConfiguration/stage(_:keepsGroupAndStore:)``
    /// gives each stage its own group and store.
    public var configuration: ServiceConfiguration
    /// The stage's logic. Once ``StageRunner/run(_:shutdown:)`` starts, only the stage's thread touches it.
    public var processor: any StreamProcessor

    public init(configuration: ServiceConfiguration, processor: any StreamProcessor) {
        self.configuration = configuration
        self.processor = processor
    }

    /// The stage's name for logs and errors: its `stage`, else the service's name.
    public var name: String { configuration.stage ?? configuration.serviceName }
}

import Foundation
import VigilContracts
import VigilKafka
import VigilRuntime

/// `vigil broker`: hosts librdkafka's mock cluster until SIGTERM or SIGINT.
enum BrokerCommand: Subcommand {
    static let name = "broker"
    static let connectsToCluster = false
    static let summary = LocalizedText(
        chinese: "启动内嵌开发用 Kafka（librdkafka 模拟集群，仅在内存中，停止即丢失；只用于开发、演示和测试，生产请用 Apache Kafka）",
        english: "run the embedded development broker (librdkafka's mock cluster, memory only, lost on stop; "
            + "for development, the demo and tests; deployments use Apache Kafka)")
    static let options: [OptionSpec] = [
        OptionSpec("brokers", valueName: "N", defaultValue: "3",
                   help: LocalizedText(chinese: "模拟集群中的 broker 数", english: "number of brokers in the mock cluster")),
        OptionSpec("bootstrap-file", valueName: "PATH",
                   help: LocalizedText(chinese: "启动后把集群地址写入此文件（供脚本读取），停止时删除",
                                       english: "write the bootstrap address to this file once the broker is up (for scripts); removed on stop")),
    ]

    static func run(_ options: ParsedOptions, context: OperatorContext) throws -> Int32 {
        let brokerCount = try options.integer("brokers") ?? 3
        guard (1...16).contains(brokerCount) else {
            throw UsageError("invalid value \(brokerCount) for --brokers: expected 1 to 16")
        }
        let logger = context.logger
        let broker = try EmbeddedBroker(brokerCount: Int32(brokerCount), logger: logger)

        // The mock cluster names no controller, so the admin API cannot create
        // topics on it; the broker creates the catalogue's topics itself.
        for topic in context.catalogue.all {
            try broker.createTopic(name: topic.name, partitions: topic.partitions,
                                   replicationFactor: min(Int32(brokerCount), 3))
        }

        Console.printLine(broker.bootstrapServers)
        if let path = options.value("bootstrap-file") {
            // Written last, so a script that finds the file can connect at once.
            try (broker.bootstrapServers + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        }
        logger.notice("embedded broker started; it keeps everything in memory", metadata: [
            "vigil.bootstrap": broker.bootstrapServers,
            "vigil.topics": String(context.catalogue.all.count),
        ])

        while !context.shutdown.isRequested {
            broker.serveLogs(timeoutMilliseconds: 100)
        }
        // The address dies with the broker; a stale file would send scripts to a closed port.
        if let path = options.value("bootstrap-file") {
            try? FileManager.default.removeItem(atPath: path)
        }
        logger.notice("embedded broker stopped", metadata: ["vigil.signal": context.shutdown.signalName ?? "none"])
        return 0
    }
}

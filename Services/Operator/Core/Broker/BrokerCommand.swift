import Foundation
import VigilContracts
import VigilKafka
import VigilLog
import VigilRuntime

/// `vigil broker`: hosts librdkafka's mock cluster until SIGTERM or SIGINT.
///
/// With `--control PATH` it also takes `down` and `up` lines on a Unix
/// socket (what `vigil broker down|up` send), so scripts and tests can cut
/// the brokers while the services run. Stdin and signals would not do: the
/// demo runs the broker in the background with stdin at /dev/null, and a
/// signal cannot name a broker.
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
        OptionSpec("control", environment: "VIGIL_BROKER_CONTROL", valueName: "PATH",
                   help: LocalizedText(
                       chinese: "在此路径创建 Unix 控制套接字，供 `vigil broker down|up all|编号` 停止或恢复 broker，演练故障；停止时删除",
                       english: "create a Unix control socket at this path, through which `vigil broker down|up all|ID…` "
                           + "take brokers down or bring them back to rehearse outages; removed on stop")),
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

        // Listening starts before the bootstrap file appears, so a script
        // that waits for the file finds the control socket too.
        let control = try options.value("control").map { try BrokerControlListener(path: $0) }
        var down: Set<Int32> = []

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
            control?.serve { line in
                apply(line, to: broker, down: &down, logger: logger).line
            }
        }
        // The address dies with the broker; a stale file would send scripts to a closed port.
        if let path = options.value("bootstrap-file") {
            try? FileManager.default.removeItem(atPath: path)
        }
        logger.notice("embedded broker stopped", metadata: ["vigil.signal": context.shutdown.signalName ?? "none"])
        return 0
    }

    /// Carries out one control line and returns the reply with every broker's state.
    private static func apply(_ line: String, to broker: EmbeddedBroker, down: inout Set<Int32>,
                              logger: Logger) -> BrokerControlReply {
        do {
            let request = try BrokerSwitch(line: line)
            let ids = try request.ids(brokerCount: broker.brokerCount)
            for id in ids {
                try broker.setBroker(id, up: request.up)
                if request.up {
                    down.remove(id)
                } else {
                    down.insert(id)
                }
            }
            logger.notice(request.up ? "brokers brought up" : "brokers taken down", metadata: [
                "vigil.brokers": ids.map(String.init).joined(separator: ","),
            ])
        } catch {
            logger.warning("control request failed", metadata: ["vigil.request": line, "vigil.error": "\(error)"])
            return .failure("\(error)")
        }
        let all = Array(1...broker.brokerCount)
        return .states(up: all.filter { !down.contains($0) }, down: all.filter { down.contains($0) })
    }
}

import VigilContracts
import VigilKafka
import VigilRuntime

/// `vigil topics create`: creates the catalogue's topics on Apache Kafka through the admin API.
enum TopicsCreateCommand: Subcommand {
    static let name = "topics create"
    static let summary = LocalizedText(
        chinese: "通过 Kafka 管理接口按主题目录建主题（Apache Kafka 用；内嵌 broker 启动时已自建）",
        english: "create the catalogue's topics through Kafka's admin API (for Apache Kafka; the embedded broker creates its own)")
    static let options: [OptionSpec] = [
        OptionSpec("replication-factor", valueName: "N", defaultValue: "3",
                   help: LocalizedText(chinese: "副本数", english: "replication factor")),
    ]

    static func run(_ options: ParsedOptions, context: OperatorContext) throws -> Int32 {
        let replication = Int32(try options.integer("replication-factor") ?? 3)
        let admin = try KafkaAdmin(properties: context.configuration.clientProperties, logger: context.logger)
        let requests = context.catalogue.all.map {
            KafkaAdmin.NewTopic(name: $0.name, partitions: $0.partitions, replicationFactor: replication, configs: $0.configs)
        }
        let results = try admin.createTopics(requests)
        var failed = false
        for topic in context.catalogue.all {
            if case .some(.some(let error)) = results[topic.name] {
                print("\(topic.name): \(error)")
                failed = true
            } else {
                print("\(topic.name): ok")
            }
        }
        return failed ? 1 : 0
    }
}

/// `vigil topics list`: the catalogue next to what the cluster has.
enum TopicsListCommand: Subcommand {
    static let name = "topics list"
    static let summary = LocalizedText(chinese: "列出主题目录及集群上的实际分区数",
                                       english: "list the topic catalogue and the partitions the cluster has")
    static let options: [OptionSpec] = [
        .flag("markdown", help: LocalizedText(chinese: "只打印主题目录的 Markdown 表格，不连接集群",
                                              english: "print the catalogue as a Markdown table without contacting the cluster")),
    ]

    static func run(_ options: ParsedOptions, context: OperatorContext) throws -> Int32 {
        if options.flag("markdown") {
            print(context.catalogue.markdownTable(in: context.language))
            return 0
        }
        let admin = try KafkaAdmin(properties: context.configuration.clientProperties, logger: context.logger)
        let existing = try admin.topics()
        var table = TextTable(headers: context.language == .chinese
            ? ["主题", "键", "分区", "集群实际分区", "清理策略"]
            : ["topic", "key", "partitions", "on cluster", "cleanup"])
        var missing = false
        for topic in context.catalogue.all {
            let actual = existing[topic.name].map(String.init) ?? context.text("缺失", "missing")
            missing = missing || existing[topic.name] == nil
            table.append([topic.name, topic.key.rawValue, String(topic.partitions), actual, topic.cleanupPolicy.rawValue])
        }
        print(table.render())
        return missing ? 1 : 0
    }
}

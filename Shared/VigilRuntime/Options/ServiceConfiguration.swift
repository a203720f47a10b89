import Foundation
import VigilContracts
import VigilKafka
import VigilLog

/// The settings every Vigil process shares: where Kafka is, where the store is, how to log.
public struct ServiceConfiguration: Sendable {
    /// The executable's name; also the default consumer group and client id.
    public var serviceName: String
    public var bootstrapServers: String
    /// The SQLite file of the service.
    public var storePath: String
    public var topicPrefix: String
    public var groupId: String
    public var logLevel: Logger.Level
    /// Extra librdkafka properties (`security.protocol`, `sasl.*`, `ssl.*` …) for every client.
    public var kafkaProperties: [String: String]
    /// The stage's name ("facts", "totals") in a process that runs several
    /// stream services, added to every log record as `vigil.stage`. It is
    /// nil in a process with one.
    public var stage: String?
    /// The static member id (`group.instance.id`) of this instance, or nil
    /// for a dynamic member. A static member that restarts within the
    /// session timeout gets its partitions back without a rebalance.
    public var instanceId: String?
    /// Further values no log may contain, such as a robot's credentials,
    /// besides the sensitive `--kafka` properties (see ``logRedaction``).
    public var logSecrets: [String] = []

    /// Returns the options behind these settings, shared by every service executable.
    public static func options(serviceName: String) -> [OptionSpec] {
        [
            OptionSpec("config", environment: "VIGIL_CONFIG", valueName: "FILE",
                       help: LocalizedText(chinese: "配置文件：每行“选项名 = 值”（选项名不带 --），命令行和环境变量优先",
                                           english: "settings file: one \"name = value\" per line (option names "
                                               + "without --); flags and environment variables win")),
            OptionSpec("bootstrap-servers", environment: "VIGIL_BOOTSTRAP_SERVERS", valueName: "HOST:PORT[,…]",
                       defaultValue: "127.0.0.1:9092",
                       help: LocalizedText(chinese: "Kafka 集群地址", english: "Kafka bootstrap servers")),
            OptionSpec("store", environment: "VIGIL_STORE", valueName: "PATH", defaultValue: "\(serviceName).sqlite",
                       help: LocalizedText(chinese: "本服务的 SQLite 文件", english: "this service's SQLite file")),
            OptionSpec("topic-prefix", environment: "VIGIL_TOPIC_PREFIX", valueName: "PREFIX",
                       defaultValue: TopicCatalogue.defaultPrefix,
                       help: LocalizedText(chinese: "所有主题名的前缀", english: "prefix of every topic name")),
            OptionSpec("group-id", environment: "VIGIL_GROUP_ID", valueName: "GROUP", defaultValue: serviceName,
                       help: LocalizedText(chinese: "消费组；同组实例分担分区",
                                           english: "consumer group; instances in one group share partitions")),
            OptionSpec("instance-id", environment: "VIGIL_INSTANCE_ID", valueName: "ID",
                       help: LocalizedText(chinese: "静态成员 ID（group.instance.id）：会话超时内重启的实例保留原分区，不触发再均衡",
                                           english: "static member id (group.instance.id): an instance restarted within the "
                                               + "session timeout keeps its partitions without a rebalance")),
            OptionSpec("log-level", environment: "VIGIL_LOG_LEVEL", valueName: "LEVEL", defaultValue: "info",
                       help: LocalizedText(chinese: "日志级别：trace、debug、info、notice、warning、error",
                                           english: "log level: trace, debug, info, notice, warning, error")),
            OptionSpec("kafka", environment: "VIGIL_KAFKA", valueName: "NAME=VALUE", repeatable: true,
                       help: LocalizedText(
                           chinese: "附加的 librdkafka 属性，可重复；环境变量中以分号分隔",
                           english: "extra librdkafka property, repeatable; separated by ';' in the environment")),
        ]
    }

    /// Reads the settings from parsed options.
    public init(serviceName: String, options: ParsedOptions) throws {
        self.serviceName = serviceName
        bootstrapServers = options.value("bootstrap-servers") ?? "127.0.0.1:9092"
        storePath = options.value("store") ?? "\(serviceName).sqlite"
        topicPrefix = options.value("topic-prefix") ?? TopicCatalogue.defaultPrefix
        groupId = options.value("group-id") ?? serviceName
        instanceId = options.value("instance-id")
        if let instanceId, instanceId.isEmpty || instanceId.contains(where: \.isWhitespace) {
            throw UsageError("invalid value \"\(instanceId)\" for --instance-id: expected a name without spaces")
        }

        let levelName = options.value("log-level") ?? "info"
        guard let level = Logger.Level(name: levelName) else {
            throw UsageError("invalid log level \"\(levelName)\": expected trace, debug, info, notice, warning or error")
        }
        logLevel = level

        var properties: [String: String] = [:]
        for (index, entry) in options.values("kafka").flatMap({ $0.split(separator: ";") }).enumerated() {
            // The entry is not quoted: a mistyped one may hold a password.
            guard let equals = entry.firstIndex(of: "="), equals != entry.startIndex else {
                throw UsageError("invalid Kafka property number \(index + 1): expected NAME=VALUE")
            }
            let name = entry[..<equals].trimmingCharacters(in: .whitespaces)
            properties[name] = String(entry[entry.index(after: equals)...])
        }
        kafkaProperties = properties
        do {
            try KafkaProperties.validate(properties)
        } catch let error as KafkaError {
            throw UsageError(error.message)
        }
    }

    /// The topics under the configured prefix.
    public var catalogue: TopicCatalogue { TopicCatalogue(prefix: topicPrefix) }

    /// The logger for this process, with ``logRedaction``.
    public var logger: Logger {
        Logger(label: serviceName, logLevel: logLevel, metadata: stage.map { ["vigil.stage": $0] } ?? [:],
               redaction: logRedaction)
    }

    /// The redaction every log record of this process passes through. The
    /// values of sensitive `--kafka` properties (``KafkaProperties/isSensitive(_:)``)
    /// and ``logSecrets`` become `***`, and phone, ID card and bank card
    /// numbers are masked. It applies to text from Vigil, from errors and from librdkafka alike.
    public var logRedaction: LogRedaction {
        let secrets = kafkaProperties.filter { KafkaProperties.isSensitive($0.key) }.map(\.value) + logSecrets
        let masker = PersonalDataMasker()
        return LogRedaction(secrets: secrets) { masker.mask($0) }
    }

    /// librdkafka properties for every client of this process.
    public var clientProperties: [String: String] {
        var properties = kafkaProperties
        properties["bootstrap.servers"] = bootstrapServers
        properties["client.id"] = properties["client.id"] ?? serviceName
        return properties
    }
}

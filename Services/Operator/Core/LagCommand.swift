import VigilContracts
import VigilKafka
import VigilRuntime

/// `vigil lag`: how far each consumer group is behind, and optionally wait until it catches up.
enum LagCommand: Subcommand {
    static let name = "lag"
    static let summary = LocalizedText(
        chinese: "显示消费组的积压（默认各服务的消费组，评分服务两个阶段各一个；其他消费组写作 组名=主题,主题）；--wait 时等到积压清零",
        english: "show consumer group lag (the services' groups by default, one per scoring stage; name others as "
            + "GROUP=TOPIC,TOPIC); "
            + "with --wait, wait until it is zero")
    static let positionalHelp = "[GROUP[=TOPIC,…]]…"
    static let options: [OptionSpec] = [
        .flag("wait", help: LocalizedText(chinese: "等到所有积压为零（连续两次检查）",
                                          english: "wait until every lag is zero on two checks in a row")),
        OptionSpec("timeout", valueName: "SECONDS", defaultValue: "300",
                   help: LocalizedText(chinese: "--wait 的最长等待秒数", english: "longest wait for --wait, in seconds")),
    ]

    static func run(_ options: ParsedOptions, context: OperatorContext) throws -> Int32 {
        let groups = try groupTopics(options.positionals, catalogue: context.catalogue)
        let timeout = try options.integer("timeout") ?? 300
        let clock = ContinuousClock()
        let start = clock.now
        var zeroChecks = 0
        var lastReport = start

        while true {
            let lags = try measure(groups, context: context)
            let total = lags.values.reduce(0, +)
            if !options.flag("wait") {
                var table = TextTable(headers: context.language == .chinese ? ["消费组", "积压"] : ["group", "lag"],
                                      rightAligned: [1])
                for (group, _) in groups {
                    table.append([group, String(lags[group] ?? 0)])
                }
                print(table.render())
                return 0
            }
            zeroChecks = total == 0 ? zeroChecks + 1 : 0
            if zeroChecks >= 2 {
                return 0
            }
            if total > 0, clock.now - lastReport >= .seconds(10) {
                let figures = groups.map { "\($0.0)=\(lags[$0.0] ?? 0)" }.joined(separator: " ")
                ServiceMain.printError("vigil lag: still waiting: \(figures)")
                lastReport = clock.now
            }
            if clock.now - start > .seconds(timeout) {
                let figures = groups.map { "\($0.0)=\(lags[$0.0] ?? 0)" }.joined(separator: " ")
                ServiceMain.printError("vigil lag: timed out after \(timeout) s before every lag stayed zero: \(figures)")
                return 1
            }
            context.shutdown.sleep(milliseconds: 500)
            if context.shutdown.isRequested {
                return 1
            }
        }
    }

    /// Returns the groups to check with their input topics: the services' groups by default.
    static func groupTopics(_ arguments: [String], catalogue: TopicCatalogue) throws -> [(String, [String])] {
        let defaults: [(String, [String])] = [
            ("vigil-alerting", [catalogue.chatMessages.name]),
            ("vigil-escalation", [catalogue.alerts.name, catalogue.complaints.name, catalogue.caseCommands.name,
                                  catalogue.chatMessages.name]),
            ("vigil-scoring", [catalogue.chatMessages.name, catalogue.alerts.name, catalogue.caseEvents.name,
                               catalogue.complaints.name, catalogue.orders.name]),
            // Scoring's second stage, which reads the repartition topic in its own group.
            ("vigil-scoring-totals", [catalogue.scoringFacts.name]),
        ]
        guard !arguments.isEmpty else { return defaults }
        return try arguments.flatMap { argument -> [(String, [String])] in
            let parts = argument.split(separator: "=", maxSplits: 1).map(String.init)
            if parts.count == 2 {
                return [(parts[0], parts[1].split(separator: ",").map(String.init))]
            }
            // A service name covers every group of the service: vigil-scoring means both stages.
            let known = defaults.filter { $0.0 == argument || $0.0.hasPrefix(argument + "-") }
            guard !known.isEmpty else {
                throw UsageError("unknown group \(argument): name its topics as GROUP=TOPIC,TOPIC")
            }
            return known
        }
    }

    /// Measures the total lag per group: records on the topics past the group's committed offsets.
    static func measure(_ groups: [(String, [String])], context: OperatorContext) throws -> [String: Int64] {
        var lags: [String: Int64] = [:]
        for (group, topics) in groups {
            var properties = context.configuration.clientProperties
            properties["group.id"] = group
            let consumer = try KafkaConsumer(properties: properties, logger: context.logger)
            let partitionCounts = try consumer.topics()
            var partitions: [TopicPartition] = []
            for topic in topics {
                for partition in 0..<(partitionCounts[topic] ?? 0) {
                    partitions.append(TopicPartition(topic: topic, partition: partition))
                }
            }
            let committed = try consumer.committed(partitions)
            var lag: Int64 = 0
            for topicPartition in partitions {
                let (low, high) = try consumer.watermarks(topicPartition)
                lag += high - max(committed[topicPartition] ?? low, low)
            }
            lags[group] = lag
        }
        return lags
    }
}

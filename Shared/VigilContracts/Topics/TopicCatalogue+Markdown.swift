extension TopicCatalogue {
    /// Renders the catalogue as a Markdown table, as docs/ARCHITECTURE.md
    /// shows it in English and docs/INTEGRATION.zh-CN.md in Chinese. A test
    /// keeps the documents equal to this.
    public func markdownTable(in language: Language = .english) -> String {
        let chinese = language == .chinese
        var lines = [
            chinese
                ? "| 主题 | 键 | 分区数 | 保留期 | 清理策略 | 生产者 | 消费者 | 内容 |"
                : "| topic | key | partitions | retention | cleanup | producers | consumers | holds |",
            "| --- | --- | --- | --- | --- | --- | --- | --- |",
        ]
        for topic in all {
            let days = topic.retentionMilliseconds.map { $0 / 86_400_000 }
            let retention = chinese ? days.map { "\($0) 天" } ?? "永久" : days.map { "\($0) days" } ?? "forever"
            let none = chinese ? "暂无" : "none yet"
            let cells = [
                "`\(topic.name)`", topic.key.rawValue, String(topic.partitions), retention, topic.cleanupPolicy.rawValue,
                topic.producers.map { chinese ? Self.chineseName(of: $0) : $0 }.joined(separator: ", "),
                topic.consumers.isEmpty ? none : topic.consumers.joined(separator: ", "),
                topic.summary.text(in: language),
            ]
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n")
    }

    /// Producers that are not Vigil executables, named in Chinese for the Chinese table.
    private static func chineseName(of producer: String) -> String {
        producer == "site systems" ? "站点系统" : producer
    }
}

extension TopicCatalogue {
    /// The catalogue as a Markdown table, as docs/ARCHITECTURE.md shows it;
    /// a test keeps the document equal to this.
    public var markdownTable: String {
        var lines = [
            "| topic | key | partitions | retention | cleanup | producers | consumers | holds |",
            "| --- | --- | --- | --- | --- | --- | --- | --- |",
        ]
        for topic in all {
            let retention = topic.retentionMilliseconds.map { "\($0 / 86_400_000) days" } ?? "forever"
            let cells = [
                "`\(topic.name)`", topic.key.rawValue, String(topic.partitions), retention, topic.cleanupPolicy.rawValue,
                topic.producers.joined(separator: ", "),
                topic.consumers.isEmpty ? "none yet" : topic.consumers.joined(separator: ", "),
                topic.summary,
            ]
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n")
    }
}

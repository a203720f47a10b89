extension Clock: SchemaPublishing {
    public static var jsonSchema: JSONSchema {
        .object([
            .eventId(LocalizedText(
                chinese: "`clock/<source>/<topic>/<partition>/<time 的纪元毫秒数>`。",
                english: "`clock/<source>/<topic>/<partition>/<time in epoch milliseconds>`.")),
            .schemaVersion(schemaVersion),
            .required("source", .string(LocalizedText(
                chinese: "作出承诺的实例（\"vigil-ingest/hz\"），重启后保持不变。",
                english: "The instance that makes the promise (\"vigil-ingest/hz\"), stable across its restarts."))),
            .required("topic", .string(LocalizedText(
                chinese: "时钟写入的主题全名（\"vigil.chat.messages\"）。",
                english: "The full name of the topic the clock was written to (\"vigil.chat.messages\")."))),
            .required("partition", .integer(LocalizedText(
                chinese: "时钟写入的分区。",
                english: "The partition the clock was written to."))),
            .required("time", .timestamp(LocalizedText(
                chinese: "水位线：source 此后写入该分区的每条记录，事件时间都不早于 time。",
                english: "The watermark: every record source publishes to this partition after the clock "
                    + "has an event time at or after time."))),
        ], LocalizedText(
            chinese: "水位线事件：某来源对它还会向某分区发布的事件时间作出的承诺。导入服务向每个按线程分区的主题的每个分区"
                + "写入时钟（指定分区、不带键），让没有其他记录的分区上的事件时间也能前进。时钟记录与其他事件一样带 "
                + "`vigil.schema` 头（`clock/1`），消费方据此把它与主题上的其他事件区分开。知道某分区全部来源的消费方，"
                + "可以取各来源最新时钟时间中最早的一个作为该分区的水位线。",
            english: "A watermark: a source's promise about the event times it will still publish to one partition. "
                + "Ingestion writes one into every partition of each thread-keyed topic, with an explicit partition "
                + "and no key, so that event time advances on partitions that receive no other records. Like every "
                + "event, a clock record carries the header `vigil.schema` (`clock/1`), which distinguishes it "
                + "from the topic's other events. A consumer that has the list of every source writing to a partition may "
                + "take the earliest of their latest clock times as that partition's watermark."))
    }

    public static var example: Clock {
        Clock(source: "vigil-ingest/hz", topic: "vigil.chat.messages", partition: 7,
              time: .example("2026-11-11T09:15:00+08:00"))
    }
}

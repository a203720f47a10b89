extension Watermark: SchemaPublishing {
    public static var jsonSchema: JSONSchema {
        .object([
            .eventId(LocalizedText(
                chinese: "`watermark/<source>/<topic>/<partition>/<time 的纪元毫秒数>`。",
                english: "`watermark/<source>/<topic>/<partition>/<time in epoch milliseconds>`.")),
            .schemaVersion(schemaVersion),
            .required("source", .string(LocalizedText(
                chinese: "作出承诺的实例（\"vigil-ingest/hz\"），重启后保持不变。",
                english: "The instance that makes the promise (\"vigil-ingest/hz\"), stable across its restarts."))),
            .required("topic", .string(LocalizedText(
                chinese: "水位线写入的主题全名（\"vigil.chat.messages\"）。",
                english: "The full name of the topic the watermark was written to (\"vigil.chat.messages\")."))),
            .required("partition", .integer(LocalizedText(
                chinese: "水位线写入的分区。",
                english: "The partition the watermark was written to."))),
            .required("time", .timestamp(LocalizedText(
                chinese: "source 已到达的事件时间。",
                english: "The event time source has reached."))),
        ], LocalizedText(
            chinese: "水位线：某来源在某分区上已到达的事件时间。导入服务随事件时间推进，向它写入的每个按线程分区的主题"
                + "以及案件操作主题的每个分区写入水位线（指定分区、不带键），让没有其他记录的分区上事件时间也能前进，"
                + "下游的时限无需新消息也能触发。`vigil clock --to TIME` 以来源 vigil-clock/<毫秒> 写入同样的一轮。"
                + "预警服务处理完 chat.messages 某分区上的水位线、发出到期的预警后，把它以相同的 source、分区号和 time "
                + "转写到预警主题的同号分区，表示该分区上到这个时间为止的预警都已在它之前发布。"
                + "time 是该来源已接收记录中最晚的事件时间（HTTP 实时接入时，至少为当前时间减几秒）。此后写入的更早记录"
                + "属于迟到记录，照常投递，由各服务自行决定如何处理。水位线带 `vigil.schema` 头（`watermark/1`），"
                + "消费方据此把它与主题上的其他事件区分开。",
            english: "A watermark: the event time one source has reached on one partition. Ingestion writes one into "
                + "every partition of each thread-keyed topic it writes and of case.commands as its event time "
                + "advances, with an explicit partition and no key. Event time then moves on partitions without other "
                + "records, and deadlines downstream fire without new chat traffic. `vigil clock --to TIME` writes the "
                + "same round with the source vigil-clock/<milliseconds>. After alerting has handled a watermark on a "
                + "chat.messages partition and published the alerts it made due, it writes the watermark with the same "
                + "source, partition number and time to the alerts topic, after those alerts. "
                + "time is the latest event time the source has accepted (in live HTTP "
                + "serving, at least the wall-clock time less a few seconds). A record published later with an earlier "
                + "time is late: it is still delivered, and each service decides what late means for it. Watermarks "
                + "carry the header `vigil.schema` (`watermark/1`), which tells them apart from the topic's other events."))
    }

    public static var example: Watermark {
        Watermark(source: "vigil-ingest/hz", topic: "vigil.chat.messages", partition: 7,
              time: .example("2026-11-11T09:15:00+08:00"))
    }
}

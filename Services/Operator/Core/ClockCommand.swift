import VigilContracts
import VigilKafka
import VigilRuntime

/// `vigil clock --to TIME`: declares that event time has reached TIME by
/// writing one round of watermarks into every partition of the watermarked
/// topics, as an ingestion source does.
///
/// Case commands, like alerts and complaints, wait for the next watermark
/// round after them. Live ingestion writes a round every few seconds; after
/// a batch import nothing does, so the import's user declares the time here.
/// Deadlines up to TIME fire, in event time, before the commands issued
/// after them.
enum ClockCommand: Subcommand {
    static let name = "clock"
    static let summary = LocalizedText(
        chinese: "声明事件时间已到 TIME：向带水位的主题各分区写一轮水位，批量导入后用它让案件操作和期限生效",
        english: "declare that event time has reached TIME: write one round of watermarks into every partition "
            + "of the watermarked topics, so case commands and deadlines take effect after a batch import")
    static let options: [OptionSpec] = [
        OptionSpec("to", valueName: "TIME", help: LocalizedText(
            chinese: "事件时间（带时区，如 2026-11-15T12:00+08:00）；早于已到的时间时只补一轮水位，时间不回退",
            english: "the event time (with its offset, such as 2026-11-15T12:00+08:00); an earlier time than "
                + "the one reached only adds a round, time never moves back")),
    ]

    /// How long the broker may take to confirm the round before the command fails.
    static let deliveryTimeoutMilliseconds = 30_000

    static func run(_ options: ParsedOptions, context: OperatorContext) throws -> Int32 {
        guard let text = options.value("to") else {
            throw UsageError("missing --to TIME: the event time to declare, such as 2026-11-15T12:00+08:00")
        }
        let time = try TimeOption.parse(text, option: "to")
        guard options.positionals.isEmpty else {
            throw UsageError("unexpected argument \"\(options.positionals[0])\": the time goes after --to")
        }

        let written = try declare(time, context: context)
        print(context.text("已写入 \(written) 条水位，事件时间：\(time.iso8601)",
                           "Wrote \(written) watermarks at event time \(time.iso8601)"))
        return 0
    }

    /// Writes the round and waits for the broker to confirm every record.
    /// Returns the number of watermarks written.
    ///
    /// The source names the time, so each declared time counts as a new
    /// round downstream, and declaring the same time again adds nothing.
    static func declare(_ time: Timestamp, context: OperatorContext) throws -> Int {
        var properties = context.configuration.clientProperties
        if properties["message.timeout.ms"] == nil {
            properties["message.timeout.ms"] = String(deliveryTimeoutMilliseconds)
        }
        let producer = try KafkaProducer(properties: properties, logger: context.logger)
        let topics = context.catalogue.watermarked
        let partitionCounts = try TopicCheck.require(topics, on: producer)
        let source = "vigil-clock/\(time.epochMilliseconds)"

        var sent = 0
        for topic in topics {
            for partition in 0..<(partitionCounts[topic.name] ?? topic.partitions) {
                let watermark = Watermark(source: source, topic: topic.name, partition: partition, time: time)
                let record = OutgoingRecord(
                    topic: topic.name, partition: partition, key: watermark.recordKey.map { Array($0.utf8) },
                    value: try EventCoding.encode(watermark), timestampMilliseconds: time.epochMilliseconds,
                    headers: [KafkaHeader(name: EventHeaders.eventId, text: watermark.eventId),
                              KafkaHeader(name: EventHeaders.schema,
                                          text: "\(Watermark.schemaName)/\(watermark.schemaVersion)")])
                try producer.send(record, tag: Int64(sent))
                sent += 1
            }
        }

        var confirmed = 0
        while confirmed < sent {
            for report in try producer.poll(timeoutMilliseconds: 100) {
                if let error = report.error {
                    throw error
                }
                confirmed += 1
            }
            if context.shutdown.isRequested {
                throw KafkaError(message: "stopped before the broker confirmed the watermarks; run it again")
            }
        }
        return sent
    }
}

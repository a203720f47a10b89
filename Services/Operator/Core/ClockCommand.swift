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
/// Everything that waits for event time moves up to TIME and cannot move
/// back: case deadlines fire before the commands issued after them, alerting
/// raises reply timeouts and closes quiet alerts, and records imported later
/// with earlier times arrive late.
enum ClockCommand: Subcommand {
    static let name = "clock"
    static let summary = LocalizedText(
        chinese: "声明事件时间已到 TIME：向带水位的主题各分区写一轮水位，批量导入后用它让案件操作生效；"
            + "到 TIME 为止的期限、回复超时和静默关闭随之触发，时间不能回退",
        english: "declare that event time has reached TIME: write one round of watermarks into every partition "
            + "of the watermarked topics, so case commands take effect after a batch import; deadlines, reply "
            + "timeouts and quiet closings up to TIME fire, and time never moves back")
    static let options: [OptionSpec] = [
        OptionSpec("to", valueName: "TIME", help: LocalizedText(
            chinese: "事件时间（带时区，如 2026-11-15T12:00+08:00），最多比本机时钟晚一天；已声明过的时间会被拒绝；"
                + "早于已到时间的声明只补一轮水位，事件时间不回退",
            english: "the event time (with its offset, such as 2026-11-15T12:00+08:00), at most a day ahead of "
                + "this host's clock; a time declared before is refused; an earlier time than the one reached "
                + "only adds a round, event time stays")),
    ]

    /// How far past the host's clock a declared time may be, as for ingested records.
    static let maxFutureMilliseconds: Int64 = 24 * 3_600_000

    /// How long the broker may take to confirm the round before the command fails.
    static let deliveryTimeoutMilliseconds = 30_000

    static func run(_ options: ParsedOptions, context: OperatorContext) throws -> Int32 {
        guard let text = options.value("to") else {
            throw UsageError("missing --to TIME: the event time to declare, such as 2026-11-15T12:00+08:00")
        }
        let time = try TimeOption.parse(text, option: "to")
        guard time.epochMilliseconds <= WallClock.now().epochMilliseconds + maxFutureMilliseconds else {
            throw UsageError("--to \(time.iso8601) is more than a day ahead of this host's clock; event time "
                + "cannot move back once declared, so check the date")
        }
        guard options.positionals.isEmpty else {
            throw UsageError("unexpected argument \"\(options.positionals[0])\": the time goes after --to")
        }

        if try declaredBefore(time, context: context) {
            let later = Timestamp(epochMilliseconds: time.epochMilliseconds + 60_000, utcOffsetSeconds: time.utcOffsetSeconds)
            ServiceMain.printError(context.text(
                "事件时间 \(time.iso8601) 已经声明过，重复声明不会产生新的一轮水位，也不会放行等待中的命令。"
                    + "请声明一个更晚的时间，例如 \(later.iso8601)。",
                "Event time \(time.iso8601) was declared before; the same time again adds no round and releases "
                    + "no waiting command. Declare a later time, such as \(later.iso8601)."))
            return 1
        }
        let written = try declare(time, context: context)
        print(context.text("已写入 \(written) 条水位，事件时间：\(time.iso8601)",
                           "Wrote \(written) watermarks at event time \(time.iso8601)"))
        return 0
    }

    /// How many of the last records of case.commands partition 0 are searched
    /// for an earlier declaration of the same time.
    static let searchedRecords: Int64 = 2_000

    /// Returns true when the end of case.commands partition 0 contains this
    /// command's watermark for `time`. Downstream counts a source's time once,
    /// so declaring it again would change nothing.
    static func declaredBefore(_ time: Timestamp, context: OperatorContext) throws -> Bool {
        let topicPartition = TopicPartition(topic: context.catalogue.caseCommands.name, partition: 0)
        let reader = try KafkaConsumer(properties: context.configuration.clientProperties, logger: context.logger)
        defer { reader.close() }
        let (low, high) = try reader.watermarks(topicPartition)
        guard high > low else { return false }
        try reader.assign([topicPartition: .offset(max(low, high - searchedRecords))])

        let source = source(of: time)
        let deadline = ContinuousClock.now + .seconds(10)
        var next: Int64 = 0
        while next < high, ContinuousClock.now < deadline {
            for record in try reader.poll(maxRecords: 1_000, timeoutMilliseconds: 200) {
                next = record.offset + 1
                if WatermarkRecords.isWatermark(record), (try? WatermarkRecords.decode(record))?.source == source {
                    return true
                }
            }
        }
        return false
    }

    /// Returns the watermark source of a declared time.
    static func source(of time: Timestamp) -> String {
        "vigil-clock/\(time.epochMilliseconds)"
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
        let source = source(of: time)

        var records: [OutgoingRecord] = []
        for topic in topics {
            for partition in 0..<(partitionCounts[topic.name] ?? topic.partitions) {
                let watermark = Watermark(source: source, topic: topic.name, partition: partition, time: time)
                records.append(try EventDelivery.record(watermark, topic: topic, partition: partition))
            }
        }
        try EventDelivery.send(records, with: producer, shutdown: context.shutdown,
                               stoppedMessage: "stopped before the broker confirmed the watermarks; run the command again")
        return records.count
    }
}

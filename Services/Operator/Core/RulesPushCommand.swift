import Alerting
import Foundation
import VigilContracts
import VigilKafka
import VigilRuntime

/// `vigil rules push FILE`: checks a rules file and publishes it as the release in force.
enum RulesPushCommand: Subcommand {
    static let name = "rules push"
    static let summary = LocalizedText(
        chinese: "校验规则文件，通过后发布到规则主题，所有预警实例随即使用该版本；有错误时逐条列出，不发布",
        english: "check a rules file and, if it is valid, publish it to the rules topic for every alerting "
            + "instance; lists each error and publishes nothing otherwise")
    static let positionalHelp = "FILE"
    static let options: [OptionSpec] = [
        OptionSpec("by", environment: "USER", valueName: "ID",
                   help: LocalizedText(chinese: "发布人（花名册 ID 或登录名），默认取环境变量 USER",
                                       english: "who publishes (a roster id or login name); defaults to $USER")),
        .flag("force", help: LocalizedText(
            chinese: "即使主题上已有同版本号但内容不同的规则，也照样发布",
            english: "publish even when the topic holds the same version with a different text")),
    ]

    /// How long the broker may take to confirm the release before the push fails.
    static let deliveryTimeoutMilliseconds = 30_000

    static func run(_ options: ParsedOptions, context: OperatorContext) throws -> Int32 {
        guard let path = options.positionals.first else {
            throw UsageError("missing rules file: name one, such as rules/default.json")
        }
        guard options.positionals.count == 1 else {
            throw UsageError("expected one rules file, found \(options.positionals.count) arguments")
        }
        let (status, lines) = try push(path: path, by: options.value("by"), force: options.flag("force"),
                                       context: context)
        for line in lines {
            if status == 0 {
                print(line)
            } else {
                ServiceMain.printError(line)
            }
        }
        return status
    }

    /// Checks, compares with the release in force and publishes. Returns the
    /// exit status and the lines to print (standard output for 0, standard error otherwise).
    static func push(path: String, by publisher: String?, force: Bool, context: OperatorContext,
                     now: Timestamp = localNow()) throws -> (Int32, [String]) {
        let text: String
        let ruleSet: RuleSet
        do {
            (text, ruleSet) = try check(path: path)
        } catch {
            return (1, error.lines + [context.text("未发布：请先修正以上错误。", "Nothing published: fix the errors above first.")])
        }

        let current: RuleSetRelease?
        do {
            current = try context.latestRuleSetRelease()
        } catch let error as UnreadableRuleSetRelease where force {
            context.logger.warning("unreadable release on the rules topic replaced", metadata: [
                "vigil.offset": String(error.offset), "vigil.error": error.reason,
            ])
            current = nil
        }
        if let current, current.version == ruleSet.version {
            if current.rules == text {
                return (0, [context.text(
                    "规则版本 \(current.version) 已在使用中（内容相同），无需重复发布。",
                    "Rules version \(current.version) is already in force with the same text; nothing published.")])
            }
            if !force {
                return (1, [context.text(
                    "拒绝发布：主题上的规则版本 \(current.version) 内容与 \(path) 不同。请修改文件中的 version，"
                        + "或确认要替换时加 --force。",
                    "Rejected: the rules topic already holds version \(current.version) with a different text "
                        + "than \(path). Give the file a new version, or add --force to replace it.")])
            }
        }

        let release = RuleSetRelease(version: ruleSet.version, rules: text, ruleCount: ruleSet.rules.count,
                                     publishedAt: now, publishedBy: publisher.flatMap { $0.isEmpty ? nil : $0 })
        do {
            try publish(release, context: context)
        } catch let error as KafkaError where error.rejectsRecord {
            return (1, [context.text("代理拒收了该规则文件：\(error.message)",
                                     "The broker rejected the rules file: \(error.message)")])
        }
        return (0, [context.text(
            "已发布规则版本 \(release.version)（\(release.ruleCount) 条规则），事件 ID：\(release.eventId)",
            "Published rules version \(release.version) (\(release.ruleCount) "
                + "\(release.ruleCount == 1 ? "rule" : "rules")), event id \(release.eventId)")])
    }

    // MARK: - Checking

    /// Reads, parses and compiles the file and returns its text and rules,
    /// or throws the error lines in `rules check`'s `FILE:LINE:COLUMN: message` form.
    static func check(path: String) throws(CheckFailure) -> (String, RuleSet) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CheckFailure(["\(path): cannot read the file: check that it exists and is readable"])
        }
        let bytes = Array(data)
        let ruleSet: RuleSet
        do {
            ruleSet = try RuleSetParser.parse(bytes: bytes)
        } catch {
            throw CheckFailure(error.errors.map { "\(path):\($0.line):\($0.column): \($0.message)" })
        }

        let normalizer: TextNormalizer
        do {
            normalizer = try TextNormalizer()
        } catch {
            throw CheckFailure(["\(path): the text normalizer could not be built: \(error)"])
        }
        do {
            _ = try CompiledRuleSet(ruleSet, normalizer: normalizer)
        } catch {
            switch error {
            case .invalidRegularExpression(let ruleId, let pattern):
                throw CheckFailure(["\(path): rule \"\(ruleId)\": the regular expression \"\(pattern)\" does not compile"])
            }
        }
        return (String(decoding: bytes, as: UTF8.self), ruleSet)
    }

    /// The error lines of a file that failed its check.
    struct CheckFailure: Error {
        var lines: [String]

        init(_ lines: [String]) {
            self.lines = lines
        }
    }

    // MARK: - Publishing

    /// The largest release the producer accepts before compression: 16 MiB.
    static let maximumReleaseBytes = 16 << 20

    /// Sends the release with the idempotent producer and waits for the broker's acknowledgement.
    static func publish(_ release: RuleSetRelease, context: OperatorContext) throws {
        var properties = context.configuration.clientProperties
        if properties["message.timeout.ms"] == nil {
            properties["message.timeout.ms"] = String(deliveryTimeoutMilliseconds)
        }
        // A whole rules file can pass 1 MB: librdkafka refuses larger messages
        // unless message.max.bytes allows them, and Apache Kafka checks the
        // compressed batch against the topic's max.message.bytes (1 MB by
        // default). Rule text compresses well, so gzip keeps large sets under it.
        if properties["compression.type"] == nil {
            properties["compression.type"] = "gzip"
        }
        if properties["message.max.bytes"] == nil {
            properties["message.max.bytes"] = String(maximumReleaseBytes)
        }
        let producer = try KafkaProducer(properties: properties, logger: context.logger)
        let topic = context.catalogue.rules
        _ = try TopicCheck.require([topic], on: producer)

        try EventDelivery.send(
            [try EventDelivery.record(release, topic: topic)], with: producer, shutdown: context.shutdown,
            stoppedMessage: "stopped before the broker confirmed the release; "
                + "run vigil rules show to see whether it arrived")
    }

    /// Returns the host's clock time with the host's UTC offset, so the
    /// release records when it was pushed in the pusher's own time.
    static func localNow() -> Timestamp {
        let now = WallClock.now()
        let offset = TimeZone.current.secondsFromGMT(for: Date(timeIntervalSince1970: Double(now.epochMilliseconds) / 1000))
        return Timestamp(epochMilliseconds: now.epochMilliseconds, utcOffsetSeconds: Int32(offset))
    }
}

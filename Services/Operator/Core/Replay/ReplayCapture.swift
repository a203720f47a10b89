import Alerting
import Foundation
import VigilContracts
import VigilRuntime

/// Runs the replayed service's processor over its input topics in a capture
/// run (``StreamService/runCapture(stallTimeout:)``) and reads the outputs
/// from the replay store's outbox.
struct ReplayCapture {
    var request: ReplayRequest
    var context: OperatorContext

    /// The outputs of the run in outbox order, with counts of what it read.
    struct Result {
        var selection: ReplayWindow.Selection
        /// The input records read per topic base name, watermarks excluded.
        var inputRecords: [String: Int]
        /// The watermark records read per input topic base name.
        var inputWatermarks: [String: Int]
        /// The late input records per topic base name (``CaptureSummary/lateRecords``).
        var lateInputRecords: [String: Int]
        /// The rules version the replay ran with (alerting only).
        var rulesVersion: String?
        /// The processor's output topics, which the live side is read from.
        var outputTopics: [TopicSpec]
        /// The processor's input and table topics, whose dead letters the live side counts.
        var sourceTopics: [TopicSpec]
    }

    /// The number of outbox entries read at a time.
    static let outboxPageSize = 1_000

    /// Builds the processor, runs it and returns its outputs in `window`.
    ///
    /// - Throws: ``UsageError`` for an invalid configuration file, a
    ///   `--keep-store` folder that already has a replay store, or an alerting
    ///   replay without rules. Other errors come from the run.
    func run(options: ParsedOptions, window: ReplayWindow) throws -> Result {
        let folder = try storeFolder()
        defer {
            if request.keepStore == nil {
                try? FileManager.default.removeItem(atPath: folder)
            }
        }

        // The processor, the service and the stores hold the SQLite file open,
        // so they all end inside `capture` and the folder is deleted after.
        return try capture(options: options, window: window, storePath: (folder as NSString)
            .appendingPathComponent("\(request.target.rawValue).sqlite"))
    }

    private func capture(options: ParsedOptions, window: ReplayWindow, storePath: String) throws -> Result {
        let configuration = captureConfiguration(storePath: storePath)
        let processor = try request.target.makeProcessor(configuration: configuration, options: options)
        let service = StreamService(configuration: configuration, processor: processor, shutdown: context.shutdown)
        let summary: CaptureSummary
        do {
            summary = try service.runCapture()
        } catch is NoRulesError {
            throw UsageError("no rules release on \(context.catalogue.rules.name): give the rules file the live "
                + "vigil-alerting runs with as --rules FILE")
        }

        let selection = try outboxSelection(storePath: storePath, window: window)

        let rulesVersion = (processor as? AlertingProcessor)?.activeRules?.version
        return Result(selection: selection, inputRecords: baseNames(summary.processedRecords),
                      inputWatermarks: baseNames(summary.watermarkRecords),
                      lateInputRecords: baseNames(summary.lateRecords), rulesVersion: rulesVersion,
                      outputTopics: processor.outputTopics,
                      sourceTopics: processor.inputTopics + processor.tableTopics)
    }

    /// Returns `counts` keyed by topic base name instead of full topic name.
    private func baseNames(_ counts: [String: Int]) -> [String: Int] {
        var renamed: [String: Int] = [:]
        for (topic, count) in counts {
            renamed[context.catalogue.topic(named: topic)?.baseName ?? topic, default: 0] += count
        }
        return renamed
    }

    /// Reads the replay store's outbox page by page and returns its records in `window`.
    private func outboxSelection(storePath: String, window: ReplayWindow) throws -> ReplayWindow.Selection {
        var selection = ReplayWindow.Selection()
        let store = try ServiceStore(path: storePath)
        var last = Int64.min
        while true {
            let page = try store.outbox.entries(after: last, limit: Self.outboxPageSize)
            for entry in page {
                let record = entry.record
                window.add(topic: record.topic, key: record.key, value: record.value,
                           timestampMilliseconds: record.timestampMilliseconds, headers: record.headers,
                           position: "outbox/\(entry.sequence)", to: &selection)
            }
            guard let next = page.last?.sequence else { break }
            last = next
        }
        return selection
    }

    // MARK: - Setup

    /// Returns the service's configuration with the replay's own group, client id and store.
    private func captureConfiguration(storePath: String) -> ServiceConfiguration {
        var configuration = context.configuration
        let groupId = "vigil-replay-\(request.target.rawValue)-\(Self.randomHex())"
        configuration.serviceName = request.target.serviceName
        configuration.groupId = groupId
        configuration.storePath = storePath
        configuration.kafkaProperties["client.id"] = configuration.kafkaProperties["client.id"] ?? groupId
        return configuration
    }

    /// Returns the folder for the replay store: `--keep-store`, created when
    /// missing, or a new temporary folder.
    private func storeFolder() throws -> String {
        let manager = FileManager.default
        guard let kept = request.keepStore else {
            let folder = manager.temporaryDirectory.appendingPathComponent("vigil-replay-\(UUID().uuidString)").path
            try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
            return folder
        }

        do {
            try manager.createDirectory(atPath: kept, withIntermediateDirectories: true)
        } catch {
            throw UsageError("failed to create the --keep-store folder \"\(kept)\": \(error.localizedDescription)")
        }
        let store = (kept as NSString).appendingPathComponent("\(request.target.rawValue).sqlite")
        if manager.fileExists(atPath: store) {
            throw UsageError("--keep-store \(kept) already has a replay store \(store): a replay starts from an "
                + "empty store, so delete it or choose another folder")
        }
        return kept
    }

    /// Returns 8 random hexadecimal digits, which keep the group ids of two replays apart.
    private static func randomHex() -> String {
        let hex = String(UInt32.random(in: 0...UInt32.max), radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }
}

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
        /// The input records read per topic base name.
        var inputRecords: [String: Int]
        /// The rules version the replay ran with (alerting only).
        var rulesVersion: String?
        /// The processor the run used, which names the topics the live side is read from.
        var processor: any StreamProcessor
    }

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

        let configuration = captureConfiguration(storePath: (folder as NSString).appendingPathComponent(
            "\(request.target.rawValue).sqlite"))
        let processor = try request.target.makeProcessor(configuration: configuration, options: options)
        let service = StreamService(configuration: configuration, processor: processor, shutdown: context.shutdown)
        let summary: CaptureSummary
        do {
            summary = try service.runCapture()
        } catch is NoRulesError {
            throw UsageError("no rules release on \(context.catalogue.rules.name): give the rules file the live "
                + "vigil-alerting runs with as --rules FILE")
        }

        var selection = ReplayWindow.Selection()
        let store = try ServiceStore(path: configuration.storePath)
        for entry in try store.outbox.pending(limit: Int.max) {
            let record = entry.record
            window.add(topic: record.topic, key: record.key, value: record.value,
                       timestampMilliseconds: record.timestampMilliseconds, headers: record.headers,
                       position: "outbox/\(entry.sequence)", to: &selection)
        }

        var inputRecords: [String: Int] = [:]
        for (topic, count) in summary.processedRecords {
            inputRecords[context.catalogue.topic(named: topic)?.baseName ?? topic, default: 0] += count
        }
        let rulesVersion = (processor as? AlertingProcessor)?.activeRules?.version
        return Result(selection: selection, inputRecords: inputRecords, rulesVersion: rulesVersion,
                      processor: processor)
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

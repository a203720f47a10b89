import Foundation
import Synchronization
import Testing
import VigilContracts
import VigilKafka
import VigilRuntime

/// Synthetic chats for `vigil-alerting` processes, and what an uninterrupted
/// run publishes for them: the reference the fault and shutdown tests
/// compare their runs with.
enum AlertingLoad {
    static let group = "alerting-process-test"

    /// Messages `range` of the load: 40 threads, each a customer message
    /// every 30 s, half of them with a risk word, and an agent reply after
    /// every third. Ranges cut the same sequence, so 0..<2000 then 2000..<6000
    /// equals 0..<6000.
    static func messages(_ range: Range<Int>) -> [ChatMessage] {
        let texts = ["我要投诉你们", "你好，在吗", "再不处理我就打12315", "订单什么时候发货", "我要去工商局举报", "能便宜点吗"]
        let start: Int64 = 1_794_362_400_000 // 2026-11-11T10:00:00+08:00
        return range.map { index in
            let thread = index % 40
            let step = Int64(index / 40)
            let isReply = step % 3 == 2
            return ChatMessage(
                messageId: "m-\(index)", site: "hz", shop: "shop-load", conversationId: "c-\(thread)",
                buyer: "buyer-\(thread)", agent: "A-hz-a01", role: isReply ? .agent : .customer,
                text: isReply ? "您好，马上为您处理" : texts[(thread + Int(step)) % texts.count],
                sentAt: Timestamp(epochMilliseconds: start + step * 30_000 + Int64(thread) * 100, utcOffsetSeconds: 28_800))
        }
    }

    /// Starts `vigil-alerting` as process `name` with store `<store>.sqlite` in the harness's folder.
    static func start(_ processes: ServiceProcesses, _ name: String, store: String, log: String? = nil,
                      fileSizeLimitBytes: Int? = nil) throws {
        let rules = SharedData.packageRoot.appendingPathComponent("rules/default.json").path
        try processes.start(name, executable: "vigil-alerting", arguments: [
            "--store", storePath(processes, store), "--group-id", group, "--rules", rules,
        ], log: log, fileSizeLimitBytes: fileSizeLimitBytes)
    }

    static func storePath(_ processes: ServiceProcesses, _ store: String) -> String {
        processes.folder.appendingPathComponent("\(store).sqlite").path
    }

    /// Returns the paths of the partition stores of `store`, sorted.
    static func partitionStores(_ processes: ServiceProcesses, _ store: String) throws -> [String] {
        let folder = processes.folder.appendingPathComponent("\(store).partitions")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".sqlite") }.sorted().map { folder.appendingPathComponent($0).path }
    }

    /// Returns the alerts on the topic by event id, and the ids seen with different bytes.
    static func alerts(_ processes: ServiceProcesses) throws -> (byId: [String: [UInt8]], conflicts: [String], count: Int) {
        var byId: [String: [UInt8]] = [:]
        var conflicts: [String] = []
        let records = try processes.records(of: processes.catalogue.alerts)
        for record in records {
            let id = record.header(EventHeaders.eventId) ?? "missing-id"
            if let earlier = byId[id], earlier != record.value {
                conflicts.append(id)
            }
            byId[id] = record.value
        }
        return (byId, conflicts, records.count)
    }

    // MARK: - Reference run

    /// The message count of the reference run.
    static let referenceCount = 6_000
    private static let reference = Mutex<[String: [UInt8]]?>(nil)

    /// Returns the alerts an uninterrupted run publishes for messages
    /// 0..<``referenceCount``, running it on first use.
    static func referenceAlerts() throws -> [String: [UInt8]] {
        if let cached = reference.withLock({ $0 }) {
            return cached
        }
        let processes = try ServiceProcesses()
        try processes.produce(messages(0..<referenceCount), to: processes.catalogue.chatMessages)
        try start(processes, "reference", store: "reference")
        try processes.waitUntilCaughtUp("reference", group: group, topic: processes.catalogue.chatMessages)
        #expect(try processes.terminate("reference") == 0)
        let alerts = try alerts(processes)
        #expect(alerts.conflicts.isEmpty)
        #expect(alerts.byId.count > 1_000, "the load raises alerts")
        reference.withLock { $0 = alerts.byId }
        return alerts.byId
    }
}

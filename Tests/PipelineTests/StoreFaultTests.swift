import Foundation
import Testing
import VigilContracts
import VigilKafka
import VigilRuntime
import VigilStore

/// `vigil-alerting` processes whose stores fail: a disk that fills up and
/// files that are damaged between runs. Each run must stop with an error
/// that names the file, never commit offsets past what its stores hold, and
/// after the fault is removed publish what an uninterrupted run publishes.
@Suite("Store faults", .serialized)
struct StoreFaultTests {
    private typealias Load = AlertingLoad

    /// Checks that the group committed no partition past the offset its store holds.
    private func expectCommitsWithinStores(_ processes: ServiceProcesses, store: String) throws {
        let committed = try processes.committedOffsets(group: Load.group, processes.catalogue.chatMessages)
        var stored: [TopicPartition: Int64] = [:]
        for path in try Load.partitionStores(processes, store) {
            stored.merge(try ServiceProcesses.storedOffsets(at: path)) { $1 }
        }
        for (partition, offset) in committed {
            #expect(offset <= stored[partition] ?? 0, "\(partition) committed \(offset), stored \(stored[partition] ?? 0)")
        }
    }

    /// Restarts alerting without faults, waits until it has caught up, and
    /// checks its alerts against the uninterrupted run's.
    private func expectRecovery(_ processes: ServiceProcesses, store: String) throws {
        try Load.start(processes, "recovered", store: store)
        try processes.waitUntilCaughtUp("recovered", group: Load.group, topic: processes.catalogue.chatMessages)
        #expect(try processes.terminate("recovered") == 0)

        let alerts = try Load.alerts(processes)
        let reference = try Load.referenceAlerts()
        #expect(alerts.conflicts.isEmpty, "an event id republished with other bytes: \(alerts.conflicts.prefix(3))")
        #expect(Set(alerts.byId.keys) == Set(reference.keys), "the same alerts as an uninterrupted run")
        #expect(alerts.byId == reference)
    }

    @Test("full disk stops alerting cleanly")
    func fullDiskStopsService() throws {
        let processes = try ServiceProcesses()
        let store = "alerting"
        try processes.produce(Load.messages(0..<2_000), to: processes.catalogue.chatMessages)
        try Load.start(processes, "first", store: store)
        try processes.waitUntilCaughtUp("first", group: Load.group, topic: processes.catalogue.chatMessages)
        #expect(try processes.terminate("first") == 0)

        // No file may grow more than 64 KiB past the largest store, so the
        // first write-ahead log to pass 64 KiB hits the limit as a full disk would.
        let largest = try Load.partitionStores(processes, store).map { path in
            (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        }.max() ?? 0
        let limit = largest + 64 * 1_024
        try Load.start(processes, "limited", store: store, fileSizeLimitBytes: limit)
        let applied = try #require(processes.fileSizeLimit(of: "limited"), "the process runs under a file-size limit")
        #expect(applied >= limit)
        #expect(applied < limit + 512)
        try processes.produce(Load.messages(2_000..<Load.referenceCount), to: processes.catalogue.chatMessages)
        let status = processes.waitForExit("limited", seconds: 180)

        #expect(status == 1)
        let failure = processes.logLines("limited", message: "service failed").first.map(String.init) ?? ""
        #expect(failure.contains("disk full"), "\(failure)")
        #expect(failure.contains("file-size limit"), "what the file system showed")
        #expect(failure.contains("\(store).partitions/p"), "the failed store's file")
        #expect(failure.contains("Free space"), "what the operator does")
        let committed = try processes.committedOffsets(group: Load.group, processes.catalogue.chatMessages)
        let ends = try processes.endOffsets(processes.catalogue.chatMessages)
        #expect(committed.values.reduce(0, +) < ends.values.reduce(0, +), "the fault struck before the end of the input")
        try expectCommitsWithinStores(processes, store: store)

        try expectRecovery(processes, store: store)
    }

    @Test("damaged stores stop alerting cleanly")
    func damagedStoresStopService() throws {
        let processes = try ServiceProcesses()
        let store = "alerting"
        let topic = processes.catalogue.chatMessages
        try processes.produce(Load.messages(0..<2_000), to: topic)
        try Load.start(processes, "first", store: store)
        try processes.waitUntilCaughtUp("first", group: Load.group, topic: topic)
        #expect(try processes.terminate("first") == 0)
        let committed = try processes.committedOffsets(group: Load.group, topic)
        try expectCommitsWithinStores(processes, store: store)
        let stores = try Load.partitionStores(processes, store)

        // A store whose header is overwritten is not a database any more.
        let headerless = stores[0]
        try overwrite(headerless, at: 0, count: 100)
        try Load.start(processes, "headerless", store: store)
        #expect(processes.waitForExit("headerless", seconds: 120) == 1)
        let notDatabase = processes.logLines("headerless", message: "service failed").first.map(String.init) ?? ""
        #expect(notDatabase.contains("file corrupt"), "\(notDatabase)")
        #expect(notDatabase.contains(headerless), "the damaged store's file")
        #expect(notDatabase.contains("SQLite error 26"), "SQLITE_NOTADB")
        #expect(notDatabase.contains("delete it with its -wal and -shm files"), "what the operator does")
        #expect(try processes.committedOffsets(group: Load.group, topic) == committed, "the failed start commits nothing")
        try removeStore(headerless)

        // A damaged page in the middle of the file is found by the check at open, before any record is read.
        let holed = stores[1]
        let page = try middleDataPage(in: holed)
        try overwrite(holed, at: (page - 1) * 4_096, count: 4_096)
        try Load.start(processes, "holed", store: store)
        let status = processes.waitForExit("holed", seconds: 120)
        if status == nil {
            _ = try processes.terminate("holed")
        }
        #expect(status == 1)
        let damaged = processes.logLines("holed", message: "service failed").first.map(String.init) ?? ""
        #expect(damaged.contains("file corrupt"), "\(damaged)")
        #expect(damaged.contains(holed), "the damaged store's file")
        #expect(damaged.contains("SQLite error 11"), "SQLITE_CORRUPT")
        #expect(try processes.committedOffsets(group: Load.group, topic) == committed, "the failed start commits nothing")
        try removeStore(holed)

        // With both stores deleted, alerting rebuilds them from the topic and goes on.
        try processes.produce(Load.messages(2_000..<Load.referenceCount), to: topic)
        try expectRecovery(processes, store: store)
    }

    /// Returns the number (from 1) of the middle one of the pages that hold
    /// rows (leaf and overflow pages) in the SQLite file at `path`. A free
    /// page would not do: no reader looks at its content.
    private func middleDataPage(in path: String) throws -> Int {
        let database = try Database(path: path)
        let pages = try database.query("""
            SELECT pageno FROM dbstat WHERE pagetype IN ('leaf', 'overflow') AND name != 'sqlite_schema' ORDER BY pageno
            """).compactMap { $0[0].int }
        #expect(pages.count > 4, "the store holds rows on several pages")
        return try #require(pages.isEmpty ? nil : pages[pages.count / 2])
    }

    private func removeStore(_ path: String) throws {
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            try FileManager.default.removeItem(atPath: path + suffix)
        }
    }

    private func overwrite(_ path: String, at offset: Int, count: Int) throws {
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        try handle.seek(toOffset: UInt64(offset))
        try handle.write(contentsOf: Data(repeating: 0xA5, count: count))
    }
}

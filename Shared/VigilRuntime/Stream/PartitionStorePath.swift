import Foundation

/// The paths of a service's per-partition stores, in a folder beside the
/// instance's store and named after it ("alerting.sqlite" keeps partition 7
/// in "alerting.partitions/p07.sqlite").
enum PartitionStorePath {
    /// Returns the folder of the partition stores that belong to `storePath`.
    static func folder(of storePath: String) -> String {
        let base = storePath.hasSuffix(".sqlite") ? String(storePath.dropLast(".sqlite".count)) : storePath
        return base + ".partitions"
    }

    /// Returns the path of partition `partition`'s store.
    static func path(of partition: Int32, storePath: String) -> String {
        let name = partition < 10 ? "p0\(partition)" : "p\(partition)"
        return folder(of: storePath) + "/" + name + ".sqlite"
    }

    /// Creates the folder when it is missing.
    static func createFolder(of storePath: String) throws {
        try FileManager.default.createDirectory(atPath: folder(of: storePath), withIntermediateDirectories: true)
    }

    /// Deletes a partition's store with its journal files; the lock file stays.
    static func remove(_ partition: Int32, storePath: String) throws {
        let path = path(of: partition, storePath: storePath)
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            try FileManager.default.removeItem(atPath: path + suffix)
        }
    }
}

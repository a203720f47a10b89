import Foundation
import VigilStore

/// Runs `body` with the path of a new, empty directory and removes the directory afterwards.
///
/// A closure rather than an object with a deinit, because ARC may release an
/// object after its last use while the database in it is still open.
func withTemporaryDirectory<Result>(_ body: (URL) throws -> Result) throws -> Result {
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("vigil-store-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    return try body(directory)
}

/// Runs `body` with a database opened on a new file in a temporary directory.
func withTemporaryDatabase<Result>(_ body: (Database) throws -> Result) throws -> Result {
    try withTemporaryDirectory { directory in
        let database = try Database(path: directory.appendingPathComponent("test.sqlite").path)
        return try body(database)
    }
}

/// An error thrown from transaction bodies to force a rollback.
struct AbortTransaction: Error, Equatable {}

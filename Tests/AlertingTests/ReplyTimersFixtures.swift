import Foundation
import Testing
import VigilContracts
import VigilRuntime
import VigilStore
@testable import Alerting

/// Chat messages and stores for the reply-timer suites.
enum ReplyFixtures {
    /// 2026-11-11T09:00:00+08:00, the time every test counts from.
    static let start = Timestamp(epochMilliseconds: 1_794_358_800_000, utcOffsetSeconds: 8 * 3600)

    /// Returns `start` plus `seconds`, written at +08:00.
    static func time(_ seconds: Double) -> Timestamp {
        Timestamp(epochMilliseconds: start.epochMilliseconds + Int64(seconds * 1000), utcOffsetSeconds: 8 * 3600)
    }

    /// Returns a message of the thread `shop`/`buyer` sent `seconds` after `start`.
    static func message(_ role: ChatRole, at seconds: Double, id: String, shop: String = "shop-waimai",
                        buyer: String = "buyer-66494408", agent: String = "A-hz-a01") -> ChatMessage {
        ChatMessage(messageId: id, site: "hz", shop: shop, conversationId: "conv-\(buyer)", buyer: buyer,
                    agent: agent, role: role, text: role == .customer ? "还没好吗" : "亲，马上为您处理",
                    sentAt: time(seconds))
    }

    /// Runs `body` with the path of a store file in a new temporary directory,
    /// and removes the directory afterwards.
    static func withStorePath<Result>(_ body: (String) throws -> Result) throws -> Result {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("vigil-reply-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        return try body(directory.appendingPathComponent("alerting.sqlite").path)
    }

    /// Opens the service store at `path` with the timers' table, as `vigil-alerting` would,
    /// and runs `body` with its database. The store closes when `body` returns.
    static func withStore<Result>(at path: String, _ body: (Database) throws -> Result) throws -> Result {
        let store = try ServiceStore(path: path, registerMigrations: ReplyTimers.registerMigrations)
        return try withExtendedLifetime(store) { try body(store.database) }
    }

    /// Runs `body` with a database on a new temporary store file.
    static func withDatabase<Result>(_ body: (Database) throws -> Result) throws -> Result {
        try withStorePath { path in try withStore(at: path, body) }
    }
}

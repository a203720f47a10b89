import Foundation

/// The real chat data beside the repository (../shared/data), which tests read but never copy.
enum SharedData {
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static var folder: URL {
        if let override = ProcessInfo.processInfo.environment["VIGIL_SHARED_DATA"] {
            return URL(fileURLWithPath: override)
        }
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared/data")
    }

    static func file(_ name: String) -> URL { folder.appendingPathComponent(name) }

    static let chatFiles = ["chats-waimai.ndjson", "chats-jd.ndjson"]
    static let otherFiles = ["complaints-waimai.ndjson", "orders-jd.ndjson"]

    static var isAvailable: Bool {
        FileManager.default.fileExists(atPath: file("roster.ndjson").path)
            && chatFiles.allSatisfy { FileManager.default.fileExists(atPath: file($0).path) }
    }

    /// True under CI, where missing data must fail the tests instead of skipping them.
    static var isRequired: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    struct Missing: Error, CustomStringConvertible {
        var description: String {
            "the chat data is missing at \(SharedData.folder.path); CI needs ../shared/data beside the repository"
        }
    }

    static func requireAvailable() throws {
        guard isAvailable else { throw Missing() }
    }
}

/// What the five brand words should raise, computed from the files without any Vigil code.
struct IndependentCount {
    static let words = ["工商", "12315", "消协", "投诉", "举报"]

    var messages = 0
    var alertingMessages = 0
    var alertingThreads: Set<String> = []

    static func read() throws -> IndependentCount {
        var count = IndependentCount()
        for name in SharedData.chatFiles {
            let text = try String(contentsOf: SharedData.file(name), encoding: .utf8)
            for line in text.split(separator: "\n") where !line.isEmpty {
                let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
                count.messages += 1
                guard object["role"] as? String == "customer", let body = object["text"] as? String,
                      words.contains(where: { body.contains($0) })
                else { continue }
                count.alertingMessages += 1
                count.alertingThreads.insert("\(object["shop"] as? String ?? "")/\(object["buyer"] as? String ?? "")")
            }
        }
        return count
    }
}

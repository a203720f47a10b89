import Foundation
import VigilContracts

/// The real chat data in `shared/data` beside the package folder, or in `VIGIL_SHARED_DATA`. Tests read it but never copy it.
enum SharedChatData {
    static var folder: URL {
        if let override = ProcessInfo.processInfo.environment["VIGIL_SHARED_DATA"] {
            return URL(fileURLWithPath: override)
        }
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared/data")
    }

    static let chatFiles = ["chats-waimai.ndjson", "chats-jd.ndjson"]

    /// True when the files are there, or under CI, where missing data must fail the tests instead of skipping them.
    static var shouldRun: Bool {
        ProcessInfo.processInfo.environment["CI"] == "true"
            || FileManager.default.fileExists(atPath: folder.appendingPathComponent("roster.ndjson").path)
    }

    /// Decodes every line of a file as `type`, in file order.
    static func read<Event: Decodable>(_ type: Event.Type, from name: String) throws -> [Event] {
        let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        return try text.split(separator: "\n").filter { !$0.isEmpty }.map { line in
            try EventCoding.decode(type, from: Array(line.utf8))
        }
    }
}

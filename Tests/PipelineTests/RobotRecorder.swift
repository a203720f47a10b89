import Foundation
import VigilHTTP
import VigilLog

/// A local stand-in for the DingTalk and WeCom robots. It returns the
/// robots' success response to every post and keeps the posts, so a test
/// can read what the notifier sent out of Vigil.
final class RobotRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var received: [String] = []
    private var server: HTTPServer!

    init() throws {
        server = try HTTPServer(logger: Logger(label: "robot-recorder", logLevel: .critical)) { [self] request in
            lock.withLock { received.append(request.path + " " + String(decoding: request.body, as: UTF8.self)) }
            return .json(200, bytes: Array(#"{"errcode":0,"errmsg":"ok"}"#.utf8))
        }
    }

    /// Returns the address of a robot at `path` with `query`, as the vendors issue them.
    func url(path: String, query: String) -> String {
        "http://127.0.0.1:\(server.port)\(path)?\(query)"
    }

    /// Every post so far: the path, a space and the body.
    var posts: [String] { lock.withLock { received } }

    /// Waits until at least `count` posts arrived or `timeoutSeconds` pass, and returns them all.
    func waitForPosts(_ count: Int, timeoutSeconds: Double = 180) -> [String] {
        let deadline = Date().addingTimeInterval(timeoutSeconds)
        while Date() < deadline, posts.count < count {
            Thread.sleep(forTimeInterval: 0.1)
        }
        return posts
    }
}

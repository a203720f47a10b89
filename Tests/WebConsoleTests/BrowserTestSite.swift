import Foundation
import VigilHTTP
import VigilLog

/// A small site on 127.0.0.1 for the browser driver's tests: a page whose
/// script changes it after a delay, a form whose post sets an HttpOnly
/// cookie, a tall page, a page with script errors and a 404. It records
/// what the browser sent.
final class BrowserTestSite: @unchecked Sendable {
    // @unchecked: `posts` and `languages` are guarded by `lock`; the rest is immutable.
    private let lock = NSLock()
    private var posts: [String] = []
    private var languages: [String] = []
    private(set) var server: HTTPServer!

    /// The text the page's script writes into `#status` after its delay.
    static let updatedStatus = "已更新"

    init() throws {
        server = try HTTPServer(logger: Logger(label: "browser-test-site", logLevel: .warning)) { [unowned self] request in
            respond(to: request)
        }
    }

    deinit {
        server.stop()
    }

    /// Returns the URL of `path` on this site.
    func url(_ path: String) -> String {
        "http://127.0.0.1:\(server.port)\(path)"
    }

    /// The bodies of the form posts received so far, as sent (URL-encoded).
    var receivedPosts: [String] {
        lock.withLock { posts }
    }

    /// The `Accept-Language` headers of the page requests received so far.
    var receivedLanguages: [String] {
        lock.withLock { languages }
    }

    // MARK: - Routes

    private func respond(to request: HTTPRequest) -> HTTPResponse {
        switch (request.method, request.path) {
        case ("GET", "/"):
            lock.withLock { languages.append(request.headers["accept-language"] ?? "") }
            return Self.html(200, """
                <!doctype html>
                <html lang="zh-CN"><head><meta charset="utf-8"><title>测试页</title>
                <script src="/page.js" defer></script></head>
                <body>
                <h1>浏览器测试</h1>
                <p id="status">等待中</p>
                <form id="note" method="post" action="/notes">
                  <input id="text" name="text" required>
                  <select id="level" name="level"><option value="low">低</option><option value="high">高</option></select>
                  <button id="send" type="submit">提交</button>
                </form>
                </body></html>
                """)
        case ("GET", "/page.js"):
            return HTTPResponse(status: 200, headers: ["Content-Type": "text/javascript; charset=utf-8"], body: Array("""
                setTimeout(() => { document.getElementById('status').textContent = '\(Self.updatedStatus)'; }, 500);
                """.utf8))
        case ("POST", "/notes"):
            lock.withLock { posts.append(String(decoding: request.body, as: UTF8.self)) }
            return HTTPResponse(status: 303, headers: [
                "Location": "/thanks",
                "Set-Cookie": "session=s-1; Path=/; HttpOnly; SameSite=Strict",
            ])
        case ("GET", "/thanks"):
            return Self.html(200, """
                <!doctype html><html><head><meta charset="utf-8"><title>已收到</title></head>
                <body><p id="result">已收到</p></body></html>
                """)
        case ("GET", "/tall"):
            return Self.html(200, """
                <!doctype html><html><head><meta charset="utf-8"></head>
                <body style="margin:0"><div style="height:3000px;background:#cde">长页面</div></body></html>
                """)
        case ("GET", "/broken"):
            // The inline script breaks the Content-Security-Policy and never runs; the external one throws.
            return Self.html(200, """
                <!doctype html><html><head><meta charset="utf-8">
                <script>document.title = 'inline ran';</script>
                <script src="/broken.js"></script></head><body>坏页面</body></html>
                """).header("Content-Security-Policy", "default-src 'self'")
        case ("GET", "/broken.js"):
            return HTTPResponse(status: 200, headers: ["Content-Type": "text/javascript"],
                                body: Array("throw new Error('broken page error');".utf8))
        default:
            return Self.html(404, "<!doctype html><html><body><p id=\"missing\">未找到</p></body></html>")
        }
    }

    private static func html(_ status: Int, _ text: String) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Content-Type": "text/html; charset=utf-8"], body: Array(text.utf8))
    }
}

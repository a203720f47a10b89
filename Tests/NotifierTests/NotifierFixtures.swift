import Foundation
import Testing
import VigilContracts
import VigilHTTP
import VigilKafka
import VigilLog
import VigilRuntime
import VigilStore
@testable import Notifier

/// Warnings and worse only, so test output stays readable.
let testLogger = Logger(label: "vigil-notify-tests", logLevel: .critical)

/// A wall clock that tests move by hand, so retry schedules run without waiting.
final class ManualClock: @unchecked Sendable {
    private let lock = NSLock()
    private var milliseconds: Int64

    init(_ start: Int64 = 1_794_362_520_000) {
        milliseconds = start
    }

    var now: Int64 { lock.withLock { milliseconds } }

    func advance(by delta: Int64) {
        lock.withLock { milliseconds += delta }
    }

    var function: @Sendable () -> Int64 { { [self] in now } }
}

/// A request the fake robot received.
struct ReceivedPost: Sendable {
    var path: String
    var query: [HTTPRequestHead.QueryItem]
    var contentType: String?
    var body: [UInt8]

    func queryValue(_ name: String) -> String? {
        query.first { $0.name == name }?.value
    }

    /// Decodes the body as a JSON object.
    func json() throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(body)) as? [String: Any])
    }

    /// Returns the `markdown` member of the body.
    func markdown() throws -> [String: Any] {
        try #require(try json()["markdown"] as? [String: Any])
    }
}

/// A group robot on 127.0.0.1: records every POST and responds from a script,
/// then with `{"errcode":0,"errmsg":"ok"}` once the script is used up.
final class FakeRobot: @unchecked Sendable {
    private let lock = NSLock()
    private var script: [HTTPResponse]
    private var received: [ReceivedPost] = []
    private let delayMilliseconds: Int
    private(set) var server: HTTPServer!

    init(script: [HTTPResponse] = [], delayMilliseconds: Int = 0) throws {
        self.script = script
        self.delayMilliseconds = delayMilliseconds
        server = try HTTPServer(logger: testLogger) { [self] request in respond(to: request) }
    }

    static func answer(errcode: Int, errmsg: String = "", status: Int = 200) -> HTTPResponse {
        .json(status, bytes: Array(#"{"errcode":\#(errcode),"errmsg":"\#(errmsg)"}"#.utf8))
    }

    /// The webhook URL of this robot, with a token in the query as the vendors issue them.
    func url(path: String = "/robot/send", query: String = "access_token=tok-secret-123") -> String {
        "http://127.0.0.1:\(server.port)\(path)?\(query)"
    }

    var posts: [ReceivedPost] { lock.withLock { received } }

    private func respond(to request: HTTPRequest) -> HTTPResponse {
        let response: HTTPResponse = lock.withLock {
            received.append(ReceivedPost(path: request.path, query: request.query,
                                         contentType: request.headers["Content-Type"], body: request.body))
            return script.isEmpty ? Self.answer(errcode: 0, errmsg: "ok") : script.removeFirst()
        }
        if delayMilliseconds > 0 {
            usleep(UInt32(delayMilliseconds * 1_000))
        }
        return response
    }

    /// Waits until at least `count` posts arrived or `seconds` pass.
    func waitForPosts(_ count: Int, seconds: Double = 30) -> [ReceivedPost] {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let current = posts
            if current.count >= count {
                return current
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return posts
    }
}

/// Returns a realistic alert event whose named fields vary per test.
func makeAlert(_ id: String = "alert/message/hf/m-1", severity: Severity = .critical,
               category: RiskCategory = .regulator, team: String? = "T-hf-b", site: String = "hf",
               buyer: String = "buyer-1", notify: Bool? = true, action: AlertAction? = .raised,
               raisedAt: Timestamp = Timestamp(epochMilliseconds: 1_794_362_511_000, utcOffsetSeconds: 28_800),
               text: String = "【高危预警·监管】顾客 buyer-1 提到「12315」：“再不退款我就打12315”") -> Alert {
    Alert(eventId: id, kind: .keyword, category: category, severity: severity, matchedTerms: ["12315"],
          ruleVersion: "rules-7", shop: "shop-waimai", buyer: buyer, site: site, conversationId: "conv-\(buyer)",
          messageId: "m-1", agent: "A-hf-b03", team: team,
          recipient: AlertRecipient(personId: "S-hf-b", name: "合肥B组主管", role: .supervisor),
          raisedAt: raisedAt,
          snippet: "再不退款我就打12315，手机138****5678", text: LocalizedText(chinese: text, english: "[Alert] regulator"),
          alertId: id, action: action, notify: notify)
}

/// A notifier store in a fresh temporary folder, with a processor that records deliveries into it.
final class NotifierHarness {
    let catalogue = TopicCatalogue()
    let clock = ManualClock()
    let folder: URL
    let store: ServiceStore
    let context: ProcessingContext
    let processor: NotifierProcessor
    private var nextOffset: Int64 = 0

    init(routes: RouteTable) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-notify-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        processor = NotifierProcessor(catalogue: catalogue, routes: routes, logger: testLogger, clock: clock.function)
        store = try ServiceStore(path: folder.appendingPathComponent("notify.sqlite").path,
                                 registerMigrations: processor.registerMigrations)
        context = ProcessingContext(store: store, catalogue: catalogue)
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    var storePath: String { store.database.path }

    func process(_ alert: Alert) throws {
        let record = KafkaRecord(topic: catalogue.alerts.name, partition: 0, offset: nextOffset,
                                 key: Array(alert.thread.recordKey.utf8), value: try EventCoding.encode(alert),
                                 timestampMilliseconds: alert.raisedAt.epochMilliseconds)
        nextOffset += 1
        try store.database.transaction {
            try processor.process(record, context: context)
        }
    }

    func sender(routes: RouteTable, policy: RetryPolicy = RetryPolicy()) -> DeliverySender {
        DeliverySender(storePath: storePath, routes: routes, policy: policy, logger: testLogger, clock: clock.function)
    }

    var log: DeliveryLog { DeliveryLog(database: store.database) }
}

/// Parses routes-file text into a route table and throws, failing the test, when the text is invalid.
func routeTable(_ text: String, environment: [String: String] = [:]) throws -> RouteTable {
    try RoutesFile.parse(text, environment: environment)
}

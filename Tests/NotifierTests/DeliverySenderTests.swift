import Foundation
import Testing
import VigilContracts
import VigilHTTP
import VigilRuntime
import VigilStore
@testable import Notifier

@Suite("Delivery sender", .serialized)
struct DeliverySenderTests {
    static let secret = "SEC0123456789abcdef"

    private func routes(_ robot: FakeRobot, kind: RobotKind = .dingtalk, signed: Bool = false) throws -> RouteTable {
        let query = kind == .dingtalk ? "access_token=tok-secret-123" : "key=tok-secret-123"
        let url = robot.url(path: kind == .dingtalk ? "/robot/send" : "/cgi-bin/webhook/send", query: query)
        let secretField = signed ? #", "secretEnv": "DING_SECRET""# : ""
        return try routeTable(#"{"routes": [{"default": true, "kind": "\#(kind.rawValue)", "url": "\#(url)"\#(secretField)}]}"#,
                              environment: ["DING_SECRET": Self.secret])
    }

    private func onlyDelivery(_ harness: NotifierHarness) throws -> DeliveryRecord {
        let records = try harness.log.deliveries()
        #expect(records.count == 1)
        return try #require(records.first)
    }

    private func attempts(_ harness: NotifierHarness, _ record: DeliveryRecord) throws -> [DeliveryAttempt] {
        try harness.log.attempts(alertEventId: record.alertEventId, routeId: record.routeId)
    }

    // MARK: - Formats

    @Test("signed DingTalk request verified by the robot")
    func signedDingTalk() throws {
        let robot = try FakeRobot()
        let table = try routes(robot, signed: true)
        let harness = try NotifierHarness(routes: table)
        try harness.process(makeAlert())

        #expect(try harness.sender(routes: table).sendDue() == 1)

        let post = try #require(robot.posts.first)
        #expect(robot.posts.count == 1)
        #expect(post.path == "/robot/send")
        #expect(post.contentType == "application/json; charset=utf-8")
        #expect(post.queryValue("access_token") == "tok-secret-123")
        let timestamp = try #require(post.queryValue("timestamp"))
        #expect(timestamp == String(harness.clock.now))
        // libmicrohttpd percent-decodes the query, so an unencoded "+" would arrive as a space.
        #expect(post.queryValue("sign") == DingTalkSignature.signature(secret: Self.secret,
                                                                        timestampMilliseconds: Int64(timestamp)!))
        #expect(try post.json()["msgtype"] as? String == "markdown")
        #expect(try post.markdown()["title"] as? String == "【严重】监管投诉风险预警")
        #expect((try post.markdown()["text"] as? String)?.contains("合肥B组主管") == true)

        let record = try onlyDelivery(harness)
        #expect(record.status == .sent)
        #expect(record.attempts == 1)
        let attempt = try #require(try attempts(harness, record).first)
        #expect(attempt.httpStatus == 200)
        #expect(attempt.errcode == 0)
        #expect(attempt.outcome == "sent")
    }

    @Test("unsigned DingTalk request has no signature")
    func unsignedDingTalk() throws {
        let robot = try FakeRobot()
        let table = try routes(robot)
        let harness = try NotifierHarness(routes: table)
        try harness.process(makeAlert())
        try harness.sender(routes: table).sendDue()

        let post = try #require(robot.posts.first)
        #expect(post.queryValue("timestamp") == nil)
        #expect(post.queryValue("sign") == nil)
    }

    @Test("WeCom request carries markdown content")
    func weComRequest() throws {
        let robot = try FakeRobot()
        let table = try routes(robot, kind: .wecom)
        let harness = try NotifierHarness(routes: table)
        try harness.process(makeAlert())
        try harness.sender(routes: table).sendDue()

        let post = try #require(robot.posts.first)
        #expect(post.path == "/cgi-bin/webhook/send")
        #expect(post.queryValue("key") == "tok-secret-123")
        #expect(try post.json()["msgtype"] as? String == "markdown")
        #expect((try post.markdown()["content"] as? String)?.hasPrefix("### 【严重】监管投诉风险预警") == true)
        #expect(try onlyDelivery(harness).status == .sent)
    }

    // MARK: - Retries

    @Test("HTTP 500 retried, then sent")
    func retriesAfterServerError() throws {
        let robot = try FakeRobot(script: [.text(500, "internal error")])
        let table = try routes(robot)
        let harness = try NotifierHarness(routes: table)
        try harness.process(makeAlert())
        let sender = harness.sender(routes: table)

        #expect(try sender.sendDue() == 1)
        var record = try onlyDelivery(harness)
        #expect(record.status == .pending)
        #expect(record.lastError == "HTTP 500")

        harness.clock.advance(by: 999)
        #expect(try sender.sendDue() == 0, "the first retry waits 1 s")
        harness.clock.advance(by: 1)
        #expect(try sender.sendDue() == 1)

        record = try onlyDelivery(harness)
        #expect(record.status == .sent)
        #expect(record.attempts == 2)
        #expect(record.lastError == nil)
        let outcomes = try attempts(harness, record)
        #expect(outcomes.map(\.outcome) == ["retry", "sent"])
        #expect(outcomes.map(\.httpStatus) == [500, 200])
        #expect(robot.posts.count == 2)
    }

    @Test("rate-limit errcode retried, then sent", arguments: [(RobotKind.dingtalk, 130101), (RobotKind.wecom, 45009)])
    func retriesAfterRateLimit(kind: RobotKind, errcode: Int) throws {
        let robot = try FakeRobot(script: [FakeRobot.answer(errcode: errcode, errmsg: "send too fast")])
        let table = try routes(robot, kind: kind)
        let harness = try NotifierHarness(routes: table)
        try harness.process(makeAlert())
        let sender = harness.sender(routes: table)

        try sender.sendDue()
        #expect(try onlyDelivery(harness).status == .pending)
        harness.clock.advance(by: 1_000)
        try sender.sendDue()

        let record = try onlyDelivery(harness)
        #expect(record.status == .sent)
        let outcomes = try attempts(harness, record)
        #expect(outcomes.map(\.outcome) == ["retry", "sent"])
        #expect(outcomes.first?.errcode == errcode)
        #expect(outcomes.first?.error == "errcode \(errcode): send too fast")
    }

    @Test("failure recorded after the last attempt")
    func failsAfterLastAttempt() throws {
        let robot = try FakeRobot(script: Array(repeating: .text(503, "busy"), count: 3))
        let table = try routes(robot)
        let harness = try NotifierHarness(routes: table)
        try harness.process(makeAlert())
        let policy = RetryPolicy(maxAttempts: 3)
        let sender = harness.sender(routes: table, policy: policy)

        try sender.sendDue()
        harness.clock.advance(by: 1_000)
        try sender.sendDue()
        harness.clock.advance(by: 1_999)
        #expect(try sender.sendDue() == 0, "the second retry waits 2 s")
        harness.clock.advance(by: 1)
        try sender.sendDue()
        harness.clock.advance(by: 600_000)
        #expect(try sender.sendDue() == 0, "a failed delivery is not retried")

        let record = try onlyDelivery(harness)
        #expect(record.status == .failed)
        #expect(record.attempts == 3)
        #expect(record.finishedAt != nil)
        #expect(try attempts(harness, record).map(\.outcome) == ["retry", "retry", "failed"])
        #expect(robot.posts.count == 3)
        #expect(try harness.log.deliveries(status: .failed).count == 1)
        #expect(try harness.log.deliveries(status: .sent).isEmpty)
    }

    @Test("maximum age stops retries")
    func maxAgeStopsRetries() throws {
        let robot = try FakeRobot(script: [.text(502, ""), .text(502, "")])
        let table = try routes(robot)
        let harness = try NotifierHarness(routes: table)
        try harness.process(makeAlert())
        let sender = harness.sender(routes: table, policy: RetryPolicy(maxAgeMilliseconds: 2_500))

        try sender.sendDue()
        harness.clock.advance(by: 1_000)
        try sender.sendDue()

        let record = try onlyDelivery(harness)
        #expect(record.status == .failed, "a retry at 3 s would pass the 2.5 s maximum age")
        #expect(record.attempts == 2)
    }

    @Test("permanent answers fail at once", arguments: [
        FakeRobot.answer(errcode: 310000, errmsg: "sign not match"),
        FakeRobot.answer(errcode: 93000, errmsg: "invalid webhook url"),
        HTTPResponse.text(404, "not found"),
        HTTPResponse.text(200, "<html>welcome</html>"),
        HTTPResponse(status: 302, headers: ["Location": "http://127.0.0.1:1/elsewhere"]),
    ])
    func permanentFailure(answer: HTTPResponse) throws {
        let robot = try FakeRobot(script: [answer])
        let table = try routes(robot)
        let harness = try NotifierHarness(routes: table)
        try harness.process(makeAlert())
        try harness.sender(routes: table).sendDue()

        let record = try onlyDelivery(harness)
        #expect(record.status == .failed)
        #expect(record.attempts == 1)
        #expect(record.lastError?.isEmpty == false)
        #expect(robot.posts.count == 1, "a redirect is not followed")
    }

    @Test("timeout retried")
    func timeoutRetried() throws {
        let robot = try FakeRobot(delayMilliseconds: 1_500)
        let table = try routes(robot)
        let harness = try NotifierHarness(routes: table)
        try harness.process(makeAlert())
        let policy = RetryPolicy(requestTimeoutMilliseconds: 300)
        try harness.sender(routes: table, policy: policy).sendDue()

        let record = try onlyDelivery(harness)
        #expect(record.status == .pending)
        let attempt = try #require(try attempts(harness, record).first)
        #expect(attempt.httpStatus == nil)
        #expect(attempt.outcome == "retry")
        #expect(attempt.error?.contains("timed out") == true)
        #expect(attempt.durationMilliseconds < 1_400)
    }

    @Test("refused connection retried")
    func refusedConnectionRetried() throws {
        let robot = try FakeRobot()
        let table = try routes(robot)
        robot.server.stop()
        let harness = try NotifierHarness(routes: table)
        try harness.process(makeAlert())
        try harness.sender(routes: table).sendDue()

        let record = try onlyDelivery(harness)
        #expect(record.status == .pending)
        #expect(record.lastError?.contains("request failed") == true)
    }

    // MARK: - Records

    @Test("store never holds the token or secret")
    func storeHoldsNoCredentials() throws {
        let robot = try FakeRobot(script: [.text(500, "tok-secret-123 \(Self.secret)"), FakeRobot.answer(errcode: 310000)])
        let table = try routes(robot, signed: true)
        let harness = try NotifierHarness(routes: table)
        try harness.process(makeAlert())
        let sender = harness.sender(routes: table)
        try sender.sendDue()
        harness.clock.advance(by: 1_000)
        try sender.sendDue()

        let database = try Database(path: harness.storePath)
        var texts: [String] = []
        for table in ["notify_deliveries", "notify_attempts"] {
            for row in try database.query("SELECT * FROM \(table)") {
                texts += row.values.compactMap { $0.string ?? $0.bytes.map { String(decoding: $0, as: UTF8.self) } }
            }
        }
        #expect(texts.contains { $0.contains("access_token=***") })
        #expect(!texts.contains { $0.contains("tok-secret-123") })
        #expect(!texts.contains { $0.contains(Self.secret) })
    }

    @Test("route gone from the file abandons its deliveries")
    func removedRoute() throws {
        let robot = try FakeRobot()
        let harness = try NotifierHarness(routes: try routes(robot))
        try harness.process(makeAlert())
        let other = try routeTable(#"{"routes": [{"default": true, "kind": "wecom", "url": "\#(robot.url())"}]}"#)
        #expect(try harness.sender(routes: other).sendDue() == 0)

        let record = try onlyDelivery(harness)
        #expect(record.status == .failed)
        #expect(record.lastError?.contains("not in the routes file") == true)
        #expect(robot.posts.isEmpty)
    }

    @Test("shutdown finishes the request in flight")
    func shutdownFinishesRequest() throws {
        let robot = try FakeRobot(delayMilliseconds: 700)
        let table = try routes(robot)
        let harness = try NotifierHarness(routes: table)
        try harness.process(makeAlert())
        try harness.process(makeAlert("alert/message/hf/m-2", buyer: "buyer-2"))

        let shutdown = ShutdownSignal(signals: [])
        let finished = DispatchSemaphore(value: 0)
        let sender = harness.sender(routes: table)
        nonisolated(unsafe) let unsafeSender = sender
        Thread.detachNewThread {
            try? unsafeSender.run(shutdown: shutdown)
            finished.signal()
        }
        #expect(robot.waitForPosts(1).count >= 1)
        shutdown.request()
        #expect(finished.wait(timeout: .now() + 10) == .success)

        let records = try harness.log.deliveries()
        #expect(records.filter { $0.status == .sent }.count == 1, "the request in flight is finished and recorded")
        #expect(records.filter { $0.status == .pending }.count == 1, "no new request starts after shutdown")
        #expect(robot.posts.count == 1)
    }
}

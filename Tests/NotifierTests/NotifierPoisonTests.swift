import Foundation
import Testing
import VigilContracts
import VigilKafka
import VigilRuntime
import VigilTestSupport
@testable import Notifier

/// The whole notifier on the embedded broker, fed a poison alert between good ones.
@Suite("Notifier poison records", .serialized)
struct NotifierPoisonTests {
    @Test("poison alert dead-lettered, others posted")
    func poisonAlertDeadLettered() throws {
        let topics = try EmbeddedTopics()
        let robot = try FakeRobot()
        let routes = try routeTable("""
            {"routes": [{"default": true, "kind": "wecom", "url": "\(robot.url(path: "/wecom", query: "key=k-1"))"}]}
            """)
        // An alert raised in year 9999 passed the age check, because "now" minus its time is negative.
        let now = WallClock.now()
        let future = try #require(TimestampFormat.parse("9999-12-31T23:59:59+08:00"))
        let alerts = [
            makeAlert("alert/1", buyer: "buyer-1", raisedAt: now),
            makeAlert("alert/2", buyer: "buyer-2", raisedAt: future),
            makeAlert("alert/3", buyer: "buyer-3", raisedAt: now),
        ]
        try topics.produce(try alerts.map { try EmbeddedTopics.record($0, to: topics.catalogue.alerts) })

        let configuration = try topics.configuration(serviceName: "vigil-notify", store: "notify.sqlite")
        let run = ServiceRun { shutdown in
            try NotifierService(configuration: configuration, routes: routes, policy: RetryPolicy(),
                                shutdown: shutdown).run()
        }
        let letters = try topics.deadLetters(count: 1)
        let posts = robot.waitForPosts(2)
        // Give a wrong implementation time to post the poison alert too.
        Thread.sleep(forTimeInterval: 1)
        #expect(run.isRunning, "the notifier keeps running after the poison alert")
        #expect(run.stop() == nil)

        #expect(posts.count == 2)
        #expect(robot.posts.count == 2)
        #expect(letters.map(\.reasonCode) == [.invalidTime])
        #expect(letters.first?.payload.contains("alert/2") == true)
    }
}

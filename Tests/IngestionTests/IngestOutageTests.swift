import Foundation
import Testing
import VigilContracts
import VigilRuntime
import VigilTestSupport
@testable import Ingestion

@Suite("HTTP intake during a broker outage", .serialized)
struct IngestOutageTests {
    /// What the clients saw.
    private final class Tally: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var acknowledged: Set<String> = []
        private(set) var unavailable = 0
        private(set) var missingRetryAfter = 0
        private(set) var other: [Int] = []

        func record(_ response: TestResponse, ids: [String]) {
            lock.withLock {
                switch response.status {
                case 200: acknowledged.formUnion(ids)
                case 503:
                    unavailable += 1
                    if response.headers["Retry-After"] == nil {
                        missingRetryAfter += 1
                    }
                default: other.append(response.status)
                }
            }
        }
    }

    @Test("outage gives 503, loses nothing acknowledged")
    func losesNothingAcknowledged() throws {
        let fixture = try IngestServerFixture(submitTimeout: .seconds(2), stallLimit: .seconds(1))
        let tally = Tally()
        let stop = ShutdownSignal(signals: [])
        let clients = DispatchGroup()
        let port = fixture.port
        for client in 0..<3 {
            DispatchQueue.global().async(group: clients) {
                var request = 0
                while !stop.isRequested {
                    request += 1
                    let ids = (0..<5).map { "outage-\(client)-\(request)-\($0)" }
                    let records = ids.compactMap { id in
                        try? Array(InterchangeLines.line(InterchangeLines.message([
                            "messageId": id, "site": "sh", "agent": "A-sh-a01", "sentAt": "2026-11-11T12:00:00+08:00",
                        ])))
                    }
                    let headers = [("Authorization", "Bearer \(IngestServerFixture.shToken)"),
                                   ("Content-Type", "application/json")]
                    if let connection = try? TestConnection(port: port, timeoutSeconds: 30),
                       let response = try? connection.exchange("POST", "/v1/messages", headers: headers,
                                                               body: IngestServerFixture.array(records)) {
                        tally.record(response, ids: ids.map { "message/sh/\($0)" })
                    }
                    Thread.sleep(forTimeInterval: 0.05)
                }
            }
        }

        Thread.sleep(forTimeInterval: 1.5)
        try fixture.harness.broker.setBroker(1, up: false)
        Thread.sleep(forTimeInterval: 6)
        try fixture.harness.broker.setBroker(1, up: true)
        Thread.sleep(forTimeInterval: 2)
        stop.request()
        clients.wait()

        #expect(tally.unavailable > 0, "clients saw no 503 during the outage")
        #expect(tally.missingRetryAfter == 0)
        #expect(tally.other.isEmpty, "unexpected statuses \(tally.other)")
        #expect(tally.acknowledged.count > 0)

        let harness = fixture.harness
        var published: Set<String> = []
        let complete = try eventually(seconds: 60) {
            published = Set(try harness.events(ChatMessage.self, harness.catalogue.chatMessages).map(\.eventId))
            return tally.acknowledged.isSubset(of: published)
        }
        #expect(complete, "\(tally.acknowledged.subtracting(published).count) acknowledged records never arrived")
    }
}

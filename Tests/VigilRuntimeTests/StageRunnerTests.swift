import Foundation
import Testing
import VigilContracts
import VigilRuntime
import VigilStore

@Suite("Stage runner on the embedded broker", .serialized)
struct StageRunnerTests {
    @Test("shutdown stops every stage")
    func shutdownStopsEveryStage() throws {
        let harness = try RuntimeHarness()
        let messages = (0..<20).map { harness.message($0, buyer: "buyer-\($0 % 4)") }
        try harness.produce(messages.map(harness.encoded))
        let configuration = try harness.configuration()
        let stages = [
            ServiceStage(configuration: configuration.stage("first", keepsGroupAndStore: true),
                         processor: EchoProcessor(catalogue: harness.catalogue)),
            ServiceStage(configuration: configuration.stage("second"),
                         processor: EchoProcessor(catalogue: harness.catalogue)),
        ]
        let run = BackgroundStages(stages)

        // Each stage echoes every message once, in its own group.
        _ = try harness.waitForRecords(on: harness.catalogue.alerts, count: 40)
        let failures = run.stop()

        #expect(failures.isEmpty)
        for path in [configuration.storePath, stages[1].configuration.storePath] {
            let database = try Database(path: path)
            #expect(try database.scalar("SELECT sum(next_offset) FROM vigil_offsets").int == 20, "\(path)")
            #expect(try database.scalar("SELECT count(*) FROM vigil_outbox").int == 0, "\(path)")
        }
    }

    @Test("failing stage stops the others")
    func failingStageStopsOthers() throws {
        let harness = try RuntimeHarness()
        let configuration = try harness.configuration()
        let missing = TopicCatalogue(prefix: "never-created.")
        let stages = [
            ServiceStage(configuration: configuration.stage("healthy", keepsGroupAndStore: true),
                         processor: EchoProcessor(catalogue: harness.catalogue)),
            ServiceStage(configuration: configuration.stage("broken"), processor: EchoProcessor(catalogue: missing)),
        ]
        let run = BackgroundStages(stages)

        let failures = try #require(run.waitForEnd(seconds: 60), "the healthy stage must stop as well")

        #expect(failures.map(\.stage) == ["broken"])
        let error = try #require(failures.first?.error)
        #expect(String(describing: error).contains("never-created.chat.messages does not exist"))
        #expect(run.shutdown.signalName == nil, "no signal arrived")
        #expect(run.shutdown.reason == "stage broken failed")
    }
}

/// Runs ``StageRunner`` on a background thread, so a test can stop it. `ServiceMain` runs it on the main thread.
final class BackgroundStages: @unchecked Sendable {
    let shutdown = ShutdownSignal(signals: [])
    private let finished = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var failures: [(stage: String, error: any Error)] = []

    init(_ stages: [ServiceStage]) {
        nonisolated(unsafe) let handedOver = stages
        Thread.detachNewThread { [self] in
            let result = StageRunner.run(handedOver, shutdown: shutdown)
            lock.withLock { failures = result }
            finished.signal()
        }
    }

    /// Requests a graceful shutdown and returns the failures once every stage ended.
    func stop() -> [(stage: String, error: any Error)] {
        shutdown.request()
        finished.wait()
        return lock.withLock { failures }
    }

    /// Waits for the stages to end by themselves and returns their failures, or nil when they still run after `seconds`.
    func waitForEnd(seconds: Double) -> [(stage: String, error: any Error)]? {
        guard finished.wait(timeout: .now() + seconds) == .success else {
            shutdown.request()
            finished.wait()
            return nil
        }
        return lock.withLock { failures }
    }
}

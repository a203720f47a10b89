import Foundation
import Testing
import VigilKafka
import VigilLog
import VigilRuntime
@testable import Operator
#if canImport(Glibc)
import Glibc
#endif

@Suite("vigil broker control lines")
struct BrokerSwitchTests {
    @Test("lines parse and print back")
    func roundTrip() throws {
        let all = try BrokerSwitch(line: "down all")
        #expect(all == BrokerSwitch(up: false, brokers: nil))
        #expect(all.line == "down all")

        let some = try BrokerSwitch(line: "up 2 3")
        #expect(some == BrokerSwitch(up: true, brokers: [2, 3]))
        #expect(some.line == "up 2 3")
        #expect(try some.ids(brokerCount: 3) == [2, 3])
        #expect(try all.ids(brokerCount: 3) == [1, 2, 3])
    }

    @Test("invalid lines rejected", arguments: ["down", "down 0", "down x", "down all 1", "sideways all", ""])
    func invalidLine(line: String) {
        #expect(throws: UsageError.self) { try BrokerSwitch(line: line) }
    }

    @Test("broker past the cluster rejected")
    func unknownBroker() throws {
        let error = #expect(throws: UsageError.self) { try BrokerSwitch(line: "down 4").ids(brokerCount: 3) }
        #expect(error?.message.contains("no broker 4") == true)
    }

    @Test("replies parse and print back")
    func replies() {
        let states = BrokerControlReply.states(up: [1, 2], down: [3])
        #expect(states.line == "ok up=1,2 down=3")
        #expect(BrokerControlReply(line: states.line) == states)
        #expect(BrokerControlReply(line: "ok up= down=1,2,3") == .states(up: [], down: [1, 2, 3]))
        #expect(BrokerControlReply(line: "error no broker 7") == .failure("no broker 7"))
        #expect(BrokerControlReply(line: "hello") == .failure("unexpected reply \"hello\""))
    }
}

/// Carries the status of a command run on another thread back to the test.
private final class CommandRun: @unchecked Sendable {
    private let lock = NSLock()
    private var storedStatus: Int32?
    private var storedError: (any Error)?

    func finish(_ status: Int32?, _ error: (any Error)?) {
        lock.withLock {
            storedStatus = status
            storedError = error
        }
    }

    var status: Int32? { lock.withLock { storedStatus } }
    var error: (any Error)? { lock.withLock { storedError } }
}

@Suite("vigil broker --control", .serialized)
struct BrokerControlTests {
    let logger = Logger(label: "vigil-broker-control-tests", logLevel: .critical)

    /// A `vigil broker --control` running on another thread until the test requests shutdown.
    private final class RunningBroker {
        let folder: URL
        let controlPath: String
        let bootstrapServers: String
        let shutdown = ShutdownSignal(signals: [])
        let run = CommandRun()
        private let finished = DispatchSemaphore(value: 0)

        init(brokers: Int) throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-ctl-\(UUID().uuidString.prefix(8))")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            controlPath = folder.appendingPathComponent("control").path
            let bootstrapFile = folder.appendingPathComponent("bootstrap").path

            let specs = BrokerCommand.options + OperatorCommand.sharedOptions(for: BrokerCommand.self)
            let options = try CommandLineOptions(specs).parse(
                ["--brokers", String(brokers), "--control", controlPath, "--bootstrap-file", bootstrapFile,
                 "--log-level", "critical", "--topic-prefix", "control-\(UUID().uuidString.prefix(8))."],
                environment: [:])
            let context = OperatorContext(configuration: try ServiceConfiguration(serviceName: "vigil", options: options),
                                          language: .english, shutdown: shutdown)
            let run = self.run
            let finished = self.finished
            Thread.detachNewThread {
                do {
                    run.finish(try BrokerCommand.run(options, context: context), nil)
                } catch {
                    run.finish(nil, error)
                }
                finished.signal()
            }

            for _ in 0..<200 where !FileManager.default.fileExists(atPath: bootstrapFile) && run.status == nil {
                Thread.sleep(forTimeInterval: 0.05)
            }
            bootstrapServers = try String(contentsOfFile: bootstrapFile, encoding: .utf8)
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }

        /// Stops the broker and returns its exit status.
        func stop() -> Int32? {
            shutdown.request(reason: "test finished")
            finished.wait()
            try? FileManager.default.removeItem(at: folder)
            return run.status
        }
    }

    /// Returns whether a new client reads the cluster's metadata within `seconds`.
    private func clusterAnswers(_ bootstrapServers: String, seconds: Int32) -> Bool {
        guard let admin = try? KafkaAdmin(properties: ["bootstrap.servers": bootstrapServers], logger: logger) else {
            return false
        }
        return (try? admin.topics(timeoutMilliseconds: seconds * 1_000)) != nil
    }

    @Test("down all and up all")
    func downAndUp() throws {
        let broker = try RunningBroker(brokers: 2)

        let down = BrokerControlReply(line: try BrokerControlClient.send("down all", to: broker.controlPath))
        #expect(down == .states(up: [], down: [1, 2]))
        #expect(!clusterAnswers(broker.bootstrapServers, seconds: 2), "the cluster answered with every broker down")

        let up = BrokerControlReply(line: try BrokerControlClient.send("up all", to: broker.controlPath))
        #expect(up == .states(up: [1, 2], down: []))
        #expect(clusterAnswers(broker.bootstrapServers, seconds: 20), "the cluster did not come back")

        #expect(broker.stop() == 0)
        #expect(!FileManager.default.fileExists(atPath: broker.controlPath), "the socket is removed on stop")
    }

    @Test("one broker and an unknown one")
    func singleBroker() throws {
        let broker = try RunningBroker(brokers: 3)
        let second = BrokerControlReply(line: try BrokerControlClient.send("down 2", to: broker.controlPath))
        #expect(second == .states(up: [1, 3], down: [2]))

        let unknown = BrokerControlReply(line: try BrokerControlClient.send("down 7", to: broker.controlPath))
        #expect(unknown == .failure("no broker 7: the embedded cluster has brokers 1 to 3"))
        let invalid = BrokerControlReply(line: try BrokerControlClient.send("reboot", to: broker.controlPath))
        guard case .failure = invalid else {
            Issue.record("an invalid line got \(invalid)")
            return
        }
        #expect(broker.stop() == 0)
    }

    @Test("commands print states and fail without broker")
    func commands() throws {
        let broker = try RunningBroker(brokers: 1)
        let specs = BrokerDownCommand.options + OperatorCommand.sharedOptions(for: BrokerDownCommand.self)
        let context = OperatorContext(
            configuration: try ServiceConfiguration(serviceName: "vigil", options: try CommandLineOptions(specs).parse([], environment: [:])),
            language: .english, shutdown: ShutdownSignal(signals: []))

        let down = try CommandLineOptions(specs).parse(["all", "--control", broker.controlPath], environment: [:])
        #expect(try BrokerDownCommand.run(down, context: context) == 0)
        let up = try CommandLineOptions(specs).parse(["1"], environment: ["VIGIL_BROKER_CONTROL": broker.controlPath])
        #expect(try BrokerUpCommand.run(up, context: context) == 0)
        let unknown = try CommandLineOptions(specs).parse(["2", "--control", broker.controlPath], environment: [:])
        #expect(throws: UsageError.self) { try BrokerDownCommand.run(unknown, context: context) }
        #expect(broker.stop() == 0)

        let stopped = try CommandLineOptions(specs).parse(["all", "--control", broker.controlPath], environment: [:])
        #expect(try BrokerDownCommand.run(stopped, context: context) == 1, "no broker listens any more")
        let missing = try CommandLineOptions(specs).parse(["all"], environment: [:])
        #expect(throws: UsageError.self) { try BrokerDownCommand.run(missing, context: context) }
    }

    @Test("stale socket replaced, live one kept")
    func socketFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-ctl-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        // A socket file whose listener is gone, as a killed broker leaves it.
        let stalePath = folder.appendingPathComponent("stale").path
        let (descriptor, address) = try ControlSocket.open(stalePath)
        #expect(ControlSocket.withSocketAddress(address) { bind(descriptor, $0, $1) } == 0)
        close(descriptor)
        let replacing = try BrokerControlListener(path: stalePath)

        #expect(throws: ControlSocket.Failure.self, "a live broker's socket") {
            _ = try BrokerControlListener(path: stalePath)
        }
        _ = replacing

        let filePath = folder.appendingPathComponent("file").path
        try Data("x".utf8).write(to: URL(fileURLWithPath: filePath))
        #expect(throws: ControlSocket.Failure.self, "a regular file") {
            _ = try BrokerControlListener(path: filePath)
        }
    }
}

import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A `vigil broker` process: librdkafka's mock cluster with the catalogue's
/// topics, in a process of its own as in the demo and the pipeline tests, so
/// its threads do not share the benchmark's process.
public final class BenchBroker {
    public let process: ChildProcess
    /// The address the services connect to.
    public let bootstrap: String

    /// Starts the broker and waits up to 10 s for its address.
    public init(executables: VigilExecutables, name: String) throws {
        let bootstrapFile = executables.path("\(name).bootstrap")
        process = try executables.start("vigil", ["broker", "--bootstrap-file", bootstrapFile], bootstrap: nil, log: name)
        let deadline = ContinuousClock.now + .seconds(10)
        while ContinuousClock.now < deadline {
            if let text = try? String(contentsOfFile: bootstrapFile, encoding: .utf8), text.hasSuffix("\n") {
                bootstrap = text.trimmingCharacters(in: .whitespacesAndNewlines)
                return
            }
            guard process.isRunning else { break }
            usleep(20_000)
        }
        throw BenchmarkProcessError.notReady(name: name, what: "write its address within 10 s", log: process.logTail())
    }

    /// Stops the broker and returns how it ended.
    @discardableResult
    public func stop() -> ChildProcess.Exit {
        process.stop()
    }
}

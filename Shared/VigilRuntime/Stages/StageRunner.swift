import Foundation
import Synchronization

/// Runs stream services side by side, each on its own thread, under one ``ShutdownSignal``.
public enum StageRunner {
    /// The stack of each stage's thread. Foundation's default for secondary
    /// threads can be smaller than the main thread's 8 MiB, and decoding deep
    /// JSON in a debug build recurses deeply.
    static let threadStackBytes = 8 << 20

    /// Runs every stage until shutdown is requested or a stage ends, and
    /// returns the errors of the stages that failed, in stage order. The list
    /// is empty after a graceful shutdown.
    ///
    /// A stage that ends for any reason requests shutdown, so the others
    /// finish the batch in hand, publish their outbox and commit before this
    /// returns: the process never keeps running with one stage missing. Their
    /// "shutting down" lines then carry `vigil.signal=none` and a
    /// `vigil.reason` such as "stage totals failed".
    public static func run(_ stages: [ServiceStage], shutdown: ShutdownSignal) -> [(stage: String, error: any Error)] {
        let failures = FailureList(count: stages.count)
        let finished = DispatchGroup()

        for (index, stage) in stages.enumerated() {
            let service = StreamService(configuration: stage.configuration, processor: stage.processor,
                                        shutdown: shutdown)
            // The service and its processor move to the new thread and are never touched here again.
            nonisolated(unsafe) let handedOver = service
            let logger = stage.configuration.logger
            finished.enter()
            let name = stage.name
            let thread = Thread {
                do {
                    try handedOver.run()
                    shutdown.request(reason: "stage \(name) stopped")
                } catch {
                    logger.critical("service failed", metadata: ["vigil.error": String(describing: error)])
                    failures.record(error, at: index)
                    shutdown.request(reason: "stage \(name) failed")
                }
                finished.leave()
            }
            thread.name = "vigil-stage-\(stage.name)"
            thread.stackSize = threadStackBytes
            thread.start()
        }

        finished.wait()
        return failures.recorded().map { index, error in (stages[index].name, error) }
    }
}

/// The errors of the stages that failed, by stage index, written from the stages' threads.
private final class FailureList: Sendable {
    private let errors: Mutex<[(any Error)?]>

    init(count: Int) {
        errors = Mutex(Array(repeating: nil, count: count))
    }

    func record(_ error: any Error, at index: Int) {
        errors.withLock { $0[index] = error }
    }

    func recorded() -> [(Int, any Error)] {
        errors.withLock { list in
            list.enumerated().compactMap { index, error in error.map { (index, $0) } }
        }
    }
}

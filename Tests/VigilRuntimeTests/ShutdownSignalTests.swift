import Testing
import VigilRuntime
#if canImport(Glibc)
import Glibc
#endif

@Suite("Shutdown signal")
struct ShutdownSignalTests {
    @Test("not requested at start")
    func notRequested() {
        let shutdown = ShutdownSignal(signals: [])

        #expect(!shutdown.isRequested)
        #expect(shutdown.signalName == nil)
        #expect(shutdown.reason == nil)
    }

    @Test("request from code names its reason")
    func requestFromCode() {
        let shutdown = ShutdownSignal(signals: [])

        shutdown.request(reason: "stage totals failed")

        #expect(shutdown.isRequested)
        #expect(shutdown.signalName == nil, "no signal arrived")
        #expect(shutdown.reason == "stage totals failed")
    }

    @Test("first request keeps its reason")
    func firstReasonKept() {
        let shutdown = ShutdownSignal(signals: [])

        shutdown.request(reason: "stage facts failed")
        shutdown.request(reason: "stage totals stopped")

        #expect(shutdown.reason == "stage facts failed")
    }

    @Test("request without reason has a default")
    func defaultReason() {
        let shutdown = ShutdownSignal(signals: [])

        shutdown.request()

        #expect(shutdown.reason == "requested by the process")
    }
}

@Suite("Shutdown signal delivery", .serialized)
struct ShutdownSignalDeliveryTests {
    @Test("signal right after start counts")
    func signalDuringStartCounts() {
        // SIGUSR2 instead of SIGTERM leaves the test runner's own SIGTERM handling alone.
        let shutdown = ShutdownSignal(signals: [SIGUSR2])
        kill(getpid(), SIGUSR2)

        var requested = shutdown.isRequested
        for _ in 0..<100 where !requested {
            usleep(10_000)
            requested = shutdown.isRequested
        }
        #expect(requested, "a signal before libdispatch registers its source is not dropped")
        #expect(shutdown.signalName == "signal \(SIGUSR2)")
    }
}

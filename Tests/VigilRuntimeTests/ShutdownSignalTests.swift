import Testing
import VigilRuntime

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

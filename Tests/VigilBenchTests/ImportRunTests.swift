import Testing
@testable import VigilBenchKit

@Suite("Import run")
struct ImportRunTests {
    @Test("busy span holds every record")
    func busySpan() {
        let samples: [(seconds: Double, records: Int)] = [(0, 0), (0.02, 0), (0.04, 300), (0.06, 800), (0.08, 1_000),
                                                          (0.10, 1_000)]

        // From the look at 0.02 s, the last with no record, to the one at 0.08 s with all 1,000.
        #expect(abs(ImportRun.busySeconds(samples, total: 1_000) - 0.06) < 1e-9)
    }
}

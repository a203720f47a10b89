import Testing
import VigilContracts
@testable import Operator

@Suite("Dead-letter order")
struct DeadLettersOrderTests {
    private func letter(_ source: DeadLetterSource, service: String = "vigil-ingest") -> DeadLetter {
        DeadLetter(service: service, source: source, key: nil, reasonCode: .invalidJSON, reason: "x",
                   payload: Array("\(source.position)".utf8), recordedAt: Timestamp(epochMilliseconds: 0))
    }

    @Test("lines sort as numbers")
    func sortsLinesAsNumbers() {
        let letters = [10, 2, 1, 19].map { letter(DeadLetterSource(file: "http/sh/r-1", line: $0)) }
        let sorted = letters.sorted(by: DeadLettersCommand.inSourceOrder).map(\.source.line)
        #expect(sorted == [1, 2, 10, 19])
    }

    @Test("offsets sort as numbers within a topic")
    func sortsOffsetsAsNumbers() {
        let letters = [(1, 9), (0, 100), (0, 20)].map {
            letter(DeadLetterSource(topic: "vigil.raw.messages", partition: Int32($0.0), offset: Int64($0.1)))
        }
        let sorted = letters.sorted(by: DeadLettersCommand.inSourceOrder).map(\.source.offset)
        #expect(sorted == [20, 100, 9])
    }
}

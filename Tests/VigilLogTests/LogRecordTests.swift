import Foundation
import Testing
@testable import VigilLog

@Suite("Log record format")
struct LogRecordTests {
    private func line(message: String = "record rejected", _ metadata: Logger.Metadata) -> String {
        LogRecord(level: .warning, label: "vigil-test", message: message, metadata: metadata).logfmtLine
    }

    @Test("one record is one line")
    func oneLine() {
        let text = line(["vigil.reason": "bad\r\ntime=x level=critical msg=\"FORGED\"", "vigil.other": "a\u{2028}b\u{85}c"])
        #expect(text.filter { $0 == "\n" }.count == 1)
        #expect(text.hasSuffix("\n"))
        #expect(!text.unicodeScalars.dropLast().contains { $0 == "\r" || $0 == "\n" || $0 == "\u{2028}" || $0 == "\u{85}" })
    }

    @Test("values with spaces are quoted")
    func quoting() {
        let text = line(["vigil.source": "a b", "vigil.plain": "abc", "vigil.quote": "say \"hi\""])
        #expect(text.contains(#"vigil.source="a b""#))
        #expect(text.contains(" vigil.plain=abc"))
        #expect(text.contains(#"vigil.quote="say \"hi\"""#))
    }

    @Test("metadata keys sorted")
    func sortedKeys() throws {
        let text = line(["vigil.z": "1", "vigil.a": "2"])
        let first = try #require(text.range(of: "vigil.a="))
        let second = try #require(text.range(of: "vigil.z="))
        #expect(first.lowerBound < second.lowerBound)
    }

    @Test("level and label present")
    func levelAndLabel() {
        let text = line([:])
        #expect(text.contains(" level=warning "))
        #expect(text.contains(" logger=vigil-test "))
        #expect(text.contains(#" msg="record rejected""#))
    }
}

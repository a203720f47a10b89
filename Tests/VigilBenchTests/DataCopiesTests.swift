import Foundation
import Testing
@testable import VigilBenchKit

@Suite("Data copies")
struct DataCopiesTests {
    static let message = #"{"messageId":"mt-1-0","site":"hz","shop":"shop-waimai","conversationId":"mt-1","buyer":"buyer-9","agent":"A-hz-a01","role":"customer","text":"我要打12315","sentAt":"2026-11-30T23:59:59+08:00"}"#
    static let order = #"{"orderId":"O-1","shop":"shop-jd","buyer":"buyer-9","conversationId":"jd-1","agent":"A-hz-a01","amount":39.90,"currency":"CNY","campaign":"double11","paidAt":"2026-11-11T08:20:14+08:00","synthetic":true}"#

    @Test("copy 0 is the data as it is")
    func firstCopy() throws {
        #expect(try DataCopies.rewrite(line: Substring(Self.message), copy: 0, daysPerCopy: 4) == Self.message)
    }

    @Test("a later copy has fresh ids and later days")
    func laterCopy() throws {
        let line = try DataCopies.rewrite(line: Substring(Self.message), copy: 2, daysPerCopy: 3)

        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["messageId"] as? String == "mt-1-0-c2")
        #expect(object["conversationId"] as? String == "mt-1-c2")
        #expect(object["buyer"] as? String == "buyer-9-c2")
        #expect(object["sentAt"] as? String == "2026-12-06T23:59:59+08:00")
        #expect(object["site"] as? String == "hz")
        #expect(object["agent"] as? String == "A-hz-a01")
        #expect(object["text"] as? String == "我要打12315")
    }

    @Test("numbers keep their bytes")
    func numbersKept() throws {
        let line = try DataCopies.rewrite(line: Substring(Self.order), copy: 1, daysPerCopy: 1)

        #expect(line.contains(#""amount":39.90,"#))
        #expect(line.contains(#""orderId":"O-1-c1""#))
        #expect(line.contains(#""paidAt":"2026-11-12T08:20:14+08:00""#))
    }

    @Test("a roster line has nothing to change")
    func roster() throws {
        let person = #"{"id":"A-hz-a01","name":"杭州A组客服01","role":"agent","reportsTo":"S-hz-a","vendor":"V-BAIXING","site":"hz","team":"T-hz-a"}"#

        #expect(try DataCopies.rewrite(line: Substring(person), copy: 3, daysPerCopy: 1) == person)
    }

    @Test("a time that is not ISO 8601 stops the copy")
    func invalidTime() {
        let line = Self.message.replacingOccurrences(of: "2026-11-30T23:59:59+08:00", with: "yesterday")

        #expect(throws: BenchmarkInputError.self) {
            try DataCopies.rewrite(line: Substring(line), copy: 1, daysPerCopy: 1)
        }
    }

    @Test("days cross months and leap days")
    func shift() {
        #expect(DataCopies.shift("2028-02-28T10:00:00+08:00", days: 1) == "2028-02-29T10:00:00+08:00")
        #expect(DataCopies.shift("2026-12-31T00:00:00Z", days: 1) == "2027-01-01T00:00:00Z")
        #expect(DataCopies.shift("2026-11-11", days: 1) == nil)
    }

    @Test("span counts both end days")
    func daySpan() throws {
        #expect(try DataCopies.daySpan(of: [Substring(Self.message), Substring(Self.order)]) == 20)
        #expect(try DataCopies.daySpan(of: [Substring(Self.order)]) == 1)
        #expect(try DataCopies.daySpan(of: []) == 1)
    }

    @Test("copies are written one after another")
    func write() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-bench-copies-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = folder.appendingPathComponent("chats.ndjson")
        try Data((Self.message + "\n" + Self.order + "\n").utf8).write(to: source)

        let lines = try DataCopies.write(files: [source.path], copies: 3, to: folder.appendingPathComponent("out.ndjson").path)

        let written = try String(contentsOf: folder.appendingPathComponent("out.ndjson"), encoding: .utf8)
            .split(separator: "\n")
        #expect(lines == 6)
        #expect(written.count == 6)
        #expect(written[0] == Substring(Self.message))
        #expect(written[4].contains("mt-1-0-c2"))
        // The data spans 11 to 30 November, so copy 1 starts on 1 December, after the last day of copy 0.
        #expect(written[3].contains(#""paidAt":"2026-12-01T08:20:14+08:00""#))
        #expect(written[2].contains(#""sentAt":"2026-12-20T23:59:59+08:00""#))
        #expect(written[4].contains(#""sentAt":"2027-01-09T23:59:59+08:00""#))
    }
}

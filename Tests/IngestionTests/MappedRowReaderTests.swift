import Foundation
import Testing
import VigilContracts
import VigilRuntime
@testable import Ingestion

@Suite("MappedRowReader")
struct MappedRowReaderTests {
    /// Reads a sample export in chunks of `chunkSize` and parses each mapped row.
    private func importSample(_ name: String, mapping mappingName: String, format: DelimitedFormat,
                              chunkSize: Int = 4096) throws -> [(line: Int, result: Result<InterchangeRecord, RecordRejection>)] {
        let mapping = try ColumnMapping(contentsOfFile: Samples.path(mappingName))
        let parser = InterchangeParser(fixedKind: mapping.kind)
        let bytes = try Samples.bytes(name)
        var reader = MappedRowReader(format: format, mapping: mapping)
        var results: [(line: Int, result: Result<InterchangeRecord, RecordRejection>)] = []

        func drain() throws {
            while let row = try reader.next() {
                switch row {
                case let .record(line, json, _):
                    do {
                        results.append((line, .success(try parser.parse(ArraySlice(json)))))
                    } catch let rejection as RecordRejection {
                        results.append((line, .failure(rejection)))
                    }
                case let .rejected(line, _, rejection):
                    results.append((line, .failure(rejection)))
                }
            }
        }

        var offset = 0
        while offset < bytes.count {
            let end = min(offset + chunkSize, bytes.count)
            reader.append(bytes[offset..<end])
            offset = end
            try drain()
        }
        reader.finish()
        try drain()
        #expect(reader.isFinished)
        return results
    }

    @Test("imports sample chat export")
    func importsSampleChats() throws {
        let results = try importSample("chats-export.csv", mapping: "chats-export.mapping.json", format: .csv)

        let messages = results.compactMap { item -> ChatMessage? in
            guard case .success(.message(let message)) = item.result else { return nil }
            return message
        }
        #expect(results.count == 11)
        #expect(messages.count == 11)
        // The row on line 9 has a quoted line break, so it spans lines 9 and 10.
        #expect(results.map(\.line) == [2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13])

        let first = try #require(messages.first)
        #expect(first.messageId == "exp-e01-1")
        #expect(first.site == "sh")
        #expect(first.role == .customer)
        #expect(first.sentAt.iso8601 == "2026-11-12T14:03:05+08:00")
        #expect(messages[1].role == .system)
        #expect(messages[3].text == "照片发你了。详情页写着\"不粘涂层，三年质保\"，才用了两个月")
        #expect(messages[7].text == "您好！三口之家推荐1.7L，烧一次够一家人用。\n另外今天下单还送杯垫一个")
    }

    @Test("imports sample chats in any chunk size")
    func importsSampleInSmallChunks() throws {
        let whole = try importSample("chats-export.csv", mapping: "chats-export.mapping.json", format: .csv)

        for chunkSize in [1, 2, 3, 5, 17] {
            let chunked = try importSample("chats-export.csv", mapping: "chats-export.mapping.json", format: .csv,
                                           chunkSize: chunkSize)
            #expect(chunked.map(\.line) == whole.map(\.line), "chunk size \(chunkSize)")
            #expect(chunked.map { try? $0.result.get() } == whole.map { try? $0.result.get() }, "chunk size \(chunkSize)")
        }
    }

    @Test("imports sample order export")
    func importsSampleOrders() throws {
        let results = try importSample("orders-export.tsv", mapping: "orders-export.mapping.json", format: .tsv)

        let orders = results.compactMap { item -> Order? in
            guard case .success(.order(let order)) = item.result else { return nil }
            return order
        }
        #expect(orders.count == 4)
        #expect(orders.map(\.amount) == ["12.50", "189.00", "0.10", "1299.90"].compactMap { Decimal(string: $0) })
        #expect(orders[0].campaign == nil)
        #expect(orders[1].campaign == "2026-double11")
        #expect(orders[2].conversationId == nil)
        #expect(orders[2].paidAt.iso8601 == "2026-11-12T09:05:00+08:00")
        #expect(orders[3].currency == "CNY")
    }

    @Test("rejects each bad row of malformed sample")
    func rejectsMalformedSampleRows() throws {
        let results = try importSample("chats-export-malformed.csv", mapping: "chats-export.mapping.json", format: .csv)

        let outcomes = results.map { item -> String in
            switch item.result {
            case .success: "\(item.line) ok"
            case .failure(let rejection): "\(item.line) \(rejection.reason.rawValue): \(rejection.message)"
            }
        }
        #expect(outcomes.count == 6)
        #expect(outcomes[0].hasPrefix("2 invalid-time: invalid time \"2026-11-12 25:00:00\""))
        #expect(outcomes[1].hasPrefix("3 invalid-field: unmapped value \"机器人\""))
        #expect(outcomes[2] == "4 invalid-field: the row has 7 fields, but the header has 8")
        #expect(outcomes[3] == "5 invalid-field: missing value in column \"客服工号\" for field \"agent\"")
        #expect(outcomes[4] == "6 ok")
        #expect(outcomes[5].hasPrefix("7 invalid-field: malformed CSV record: the quoted field 8 opened on line 7"))
    }

    @Test("keeps source bytes for dead letters")
    func keepsSourceBytes() throws {
        let mapping = try MappingFixtures.mapping(MappingFixtures.messages)

        let rows = try MappingFixtures.rows(
            MappingFixtures.messageHeader + "\r\nm1,c1,s,b,A,顾客,bad,\"x\"\r\nm2,c1,s,b,A,顾客,2026-11-11 09:00:05,y\r\n",
            mapping: mapping)

        #expect(rows.count == 2)
        guard case let .rejected(line, payload, _) = rows[0], case let .record(_, _, source) = rows[1] else {
            Issue.record("expected a rejection and a record, got \(rows)")
            return
        }
        #expect(line == 2)
        #expect(String(decoding: payload, as: UTF8.self) == "m1,c1,s,b,A,顾客,bad,\"x\"")
        #expect(String(decoding: source, as: UTF8.self) == "m2,c1,s,b,A,顾客,2026-11-11 09:00:05,y")
    }

    @Test("passes reader rejections through")
    func passesReaderRejections() throws {
        let mapping = try MappingFixtures.mapping(MappingFixtures.messages)
        var reader = MappedRowReader(format: .csv, mapping: mapping,
                                     limits: DelimitedReader.Limits(maxRecordBytes: 200, maxFields: 8))

        reader.append(Array((MappingFixtures.messageHeader + "\n1,2,3,4,5,6,7,8,9\n").utf8))
        reader.finish()
        let row = try reader.next()

        guard case let .rejected(line, _, rejection)? = row else {
            Issue.record("expected a rejection, got \(String(describing: row))")
            return
        }
        #expect(line == 2)
        #expect(rejection.reason == .tooLarge)
        #expect(try reader.next() == nil)
    }

    @Test("binds header before first row")
    func bindsHeader() throws {
        let mapping = try MappingFixtures.mapping(MappingFixtures.messages)
        var reader = MappedRowReader(format: .csv, mapping: mapping)

        #expect(reader.boundMapping == nil)
        reader.append(Array((MappingFixtures.messageHeader + "\n").utf8))
        #expect(try reader.next() == nil)

        #expect(reader.boundMapping?.columnCount == 8)
        #expect(reader.boundMapping?.kind == .message)
    }
}

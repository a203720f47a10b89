import Foundation
import Testing
import VigilContracts
import VigilRuntime
@testable import Ingestion

/// The files under samples/, found from this source file's path.
enum Samples {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("samples")

    static func path(_ name: String) -> String {
        directory.appendingPathComponent(name).path
    }

    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: directory.appendingPathComponent(name)))
    }
}

/// Mapping texts and a helper that runs rows through a mapping and the interchange parser.
enum MappingFixtures {
    static let messages = """
        {
          "kind": "messages",
          "fields": {
            "messageId": "消息ID",
            "site": { "constant": "hz" },
            "shop": "店铺",
            "conversationId": "会话ID",
            "buyer": "买家",
            "agent": "客服",
            "role": { "column": "发送方", "values": { "客服": "agent", "顾客": "customer", "系统": "system" } },
            "text": "内容",
            "sentAt": { "column": "时间", "format": "yyyy-MM-dd HH:mm:ss", "zone": "+08:00" }
          }
        }
        """

    static let messageHeader = "消息ID,会话ID,店铺,买家,客服,发送方,时间,内容"

    static func orders(amount: String = "\"金额\"", paidAt: String = "{ \"column\": \"付款时间\" }",
                       extra: String = "") -> String {
        """
        {
          "kind": "orders",
          "fields": {
            "orderId": "订单号", "shop": "店铺", "buyer": "买家", "amount": \(amount),
            "currency": { "constant": "CNY" }, "paidAt": \(paidAt), "conversationId": "会话ID",
            "synthetic": { "column": "测试", "values": { "是": true, "否": false, "": "" } }\(extra)
          }
        }
        """
    }

    static let orderHeader = "订单号,店铺,买家,金额,付款时间,会话ID,测试"

    static func mapping(_ json: String) throws(ColumnMappingError) -> ColumnMapping {
        try ColumnMapping(json: Array(json.utf8))
    }

    /// Returns the message a mapping text is rejected with, or nil when it loads.
    static func loadError(_ json: String) -> String? {
        do {
            _ = try mapping(json)
            return nil
        } catch {
            return error.message
        }
    }

    /// Reads a CSV text through the mapping and returns every row.
    static func rows(_ csv: String, mapping: ColumnMapping, format: DelimitedFormat = .csv) throws -> [MappedRow] {
        var reader = MappedRowReader(format: format, mapping: mapping)
        reader.append(Array(csv.utf8))
        reader.finish()
        var rows: [MappedRow] = []
        while let row = try reader.next() {
            rows.append(row)
        }
        return rows
    }

    /// Returns the rejection of a single-row CSV, or nil when the row maps.
    static func rejection(_ csv: String, mapping: ColumnMapping) throws -> RecordRejection? {
        guard case .rejected(_, _, let rejection)? = try rows(csv, mapping: mapping).first else { return nil }
        return rejection
    }

    /// Maps a single-row CSV and parses the result as the mapping's kind.
    static func record(_ csv: String, mapping: ColumnMapping) throws -> InterchangeRecord {
        let rows = try rows(csv, mapping: mapping)
        guard rows.count == 1, case .record(_, let json, _) = rows[0] else {
            throw RecordRejection(.unprocessable, "expected one mapped row, got \(rows)")
        }
        return try InterchangeParser(fixedKind: mapping.kind).parse(ArraySlice(json))
    }
}

@Suite("ColumnMapping")
struct ColumnMappingTests {
    private let messages: ColumnMapping

    init() throws {
        messages = try MappingFixtures.mapping(MappingFixtures.messages)
    }

    private func message(_ row: String) throws -> ChatMessage {
        let record = try MappingFixtures.record(MappingFixtures.messageHeader + "\n" + row, mapping: messages)
        guard case .message(let message) = record else {
            throw RecordRejection(.unprocessable, "expected a message, got \(record)")
        }
        return message
    }

    private func order(_ row: String, mapping: String = MappingFixtures.orders()) throws -> Order {
        let mapping = try MappingFixtures.mapping(mapping)
        let record = try MappingFixtures.record(MappingFixtures.orderHeader + "\n" + row, mapping: mapping)
        guard case .order(let order) = record else {
            throw RecordRejection(.unprocessable, "expected an order, got \(record)")
        }
        return order
    }

    private func messageRejection(_ row: String) throws -> RecordRejection? {
        try MappingFixtures.rejection(MappingFixtures.messageHeader + "\n" + row, mapping: messages)
    }

    // MARK: - Loading

    @Test("loads mapping with kind and columns")
    func loadsMapping() {
        #expect(messages.kind == .message)
        #expect(messages.columns == ["消息ID", "店铺", "会话ID", "买家", "客服", "发送方", "内容", "时间"])
    }

    @Test("loads sample mappings")
    func loadsSampleMappings() throws {
        let chats = try ColumnMapping(contentsOfFile: Samples.path("chats-export.mapping.json"))
        let orders = try ColumnMapping(contentsOfFile: Samples.path("orders-export.mapping.json"))

        #expect(chats.kind == .message)
        #expect(orders.kind == .order)
    }

    @Test("reports unreadable mapping file")
    func reportsUnreadableFile() {
        #expect(throws: ColumnMappingError.self) {
            try ColumnMapping(contentsOfFile: "/nonexistent/mapping.json")
        }
    }

    @Test("prefixes file errors with path")
    func prefixesFileErrors() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-mapping-\(UUID().uuidString).json")
        try Data("{\"kind\": \"alerts\", \"fields\": {}}".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }

        do {
            _ = try ColumnMapping(contentsOfFile: url.path)
            Issue.record("expected the mapping to be rejected")
        } catch {
            #expect(error.message.hasPrefix("invalid column mapping \(url.path): \"kind\" must be one of"))
        }
    }

    @Test("rejects invalid JSON")
    func rejectsInvalidJSON() {
        #expect(MappingFixtures.loadError("{\"kind\": ") != nil)
        #expect(MappingFixtures.loadError("[]")?.contains("expected a JSON object") == true)
    }

    @Test("rejects unknown top-level key")
    func rejectsUnknownTopLevelKey() {
        let error = MappingFixtures.loadError("{\"kind\": \"roster\", \"fields\": {}, \"zone\": \"+08:00\"}")

        #expect(error?.contains("unknown key \"zone\"") == true)
    }

    @Test("rejects unknown field")
    func rejectsUnknownField() {
        let json = MappingFixtures.messages.replacingOccurrences(of: "\"text\": \"内容\"", with: "\"body\": \"内容\"")

        let error = MappingFixtures.loadError(json)

        #expect(error?.contains("unknown field \"body\" for messages") == true)
        #expect(error?.contains("messageId, site, shop") == true)
    }

    @Test("rejects missing required field")
    func rejectsMissingRequiredField() {
        let json = MappingFixtures.messages.replacingOccurrences(of: "\"buyer\": \"买家\",", with: "")

        #expect(MappingFixtures.loadError(json) == "no mapping for the required field buyer of messages")
    }

    @Test("allows optional fields left out")
    func allowsOptionalFieldsLeftOut() throws {
        let json = """
            {"kind": "roster", "fields": {"id": "工号", "name": "姓名", "role": "岗位"}}
            """

        let mapping = try MappingFixtures.mapping(json)

        #expect(mapping.kind == .roster)
        #expect(mapping.columns == ["工号", "姓名", "岗位"])
    }

    @Test("rejects unknown key in field")
    func rejectsUnknownFieldKey() {
        let json = MappingFixtures.messages.replacingOccurrences(of: "\"内容\"", with: "{\"colum\": \"内容\"}")

        #expect(MappingFixtures.loadError(json)?.hasPrefix("field \"text\": unknown key \"colum\"") == true)
    }

    @Test("rejects column and constant together")
    func rejectsColumnAndConstant() {
        let json = MappingFixtures.messages.replacingOccurrences(
            of: "{ \"constant\": \"hz\" }", with: "{ \"constant\": \"hz\", \"column\": \"站点\" }")

        #expect(MappingFixtures.loadError(json) == "field \"site\": set either \"column\" or \"constant\", not both")
    }

    @Test("rejects constant time")
    func rejectsConstantTime() {
        let json = MappingFixtures.orders(paidAt: "{\"constant\": \"2026-11-11T00:00:00+08:00\"}")

        #expect(MappingFixtures.loadError(json)?.contains("cannot be a constant") == true)
    }

    @Test("rejects values on time field")
    func rejectsValuesOnTimeField() {
        let json = MappingFixtures.orders(paidAt: "{\"column\": \"付款时间\", \"values\": {\"今天\": \"x\"}}")

        #expect(MappingFixtures.loadError(json)?.contains("\"values\" applies only to") == true)
    }

    @Test("rejects format on text field")
    func rejectsFormatOnTextField() {
        let json = MappingFixtures.messages.replacingOccurrences(
            of: "\"text\": \"内容\"", with: "\"text\": {\"column\": \"内容\", \"format\": \"yyyy\"}")

        #expect(MappingFixtures.loadError(json)?.contains("apply only to time fields") == true)
    }

    // MARK: - Time formats

    @Test("rejects zoneless time format without zone")
    func rejectsZonelessFormatWithoutZone() {
        let json = MappingFixtures.messages.replacingOccurrences(of: ", \"zone\": \"+08:00\"", with: "")

        let error = MappingFixtures.loadError(json)

        #expect(error?.hasPrefix("field \"sentAt\": the time format \"yyyy-MM-dd HH:mm:ss\" has no UTC offset") == true)
        #expect(error?.contains("must set \"zone\"") == true)
    }

    @Test("rejects zone when format has offset")
    func rejectsZoneWithOffsetFormat() {
        let json = MappingFixtures.orders(paidAt: "{\"column\": \"t\", \"format\": \"yyyy-MM-dd HH:mmXXX\", \"zone\": \"+08:00\"}")

        #expect(MappingFixtures.loadError(json)?.contains("remove it") == true)
    }

    @Test("rejects zone names")
    func rejectsZoneNames() {
        let json = MappingFixtures.messages.replacingOccurrences(of: "\"+08:00\"", with: "\"Asia/Shanghai\"")

        #expect(MappingFixtures.loadError(json)?.contains("invalid zone \"Asia/Shanghai\"") == true)
    }

    @Test("rejects unsupported pattern letters", arguments: [
        "yyyy-MM-dd hh:mm:ss a", "yyyy-MM-ddTHH:mm:ss", "yy-MM-dd HH:mm", "yyyy-MMM-dd HH:mm", "MM-dd HH:mm",
        "yyyy-MM-dd HH:mm 'open", "yyyy-MM-dd ss", "yyyy-MM-dd HH:mm:ss yyyy",
    ])
    func rejectsUnsupportedPatterns(format: String) {
        let json = MappingFixtures.orders(paidAt: "{\"column\": \"t\", \"format\": \"\(format)\", \"zone\": \"+08:00\"}")

        #expect(MappingFixtures.loadError(json)?.contains("invalid time format") == true)
    }

    @Test("reads time in the mapping's zone")
    func readsTimeInZone() throws {
        let message = try message("m1,c1,shop-a,buyer-1,A-hz-01,顾客,2026-11-11 09:00:05,你好")

        #expect(message.sentAt.iso8601 == "2026-11-11T09:00:05+08:00")
        #expect(message.sentAt.epochMilliseconds == 1_794_358_805_000)
    }

    @Test("reads time formats", arguments: [
        ("yyyy/M/d H:mm", "2026/11/1 9:05", "+08:00", "2026-11-01T09:05:00+08:00"),
        ("yyyy年M月d日 HH:mm", "2026年11月11日 21:30", "+08:00", "2026-11-11T21:30:00+08:00"),
        ("yyyy-MM-dd'T'HH:mm:ss.SSS", "2026-11-11T09:00:05.250", "-05:00", "2026-11-11T09:00:05.250-05:00"),
        ("dd.MM.yyyy HH:mm", "11.11.2026 23:59", "Z", "2026-11-11T23:59:00Z"),
        ("yyyyMMddHHmmss", "20261111090005", "+08:00", "2026-11-11T09:00:05+08:00"),
        ("yyyy-MM-dd", "2026-11-11", "+08:00", "2026-11-11T00:00:00+08:00"),
        ("yyyy-MM-dd HH:mm:ssXXX", "2026-11-11 09:00:05+09:00", nil, "2026-11-11T09:00:05+09:00"),
        ("yyyy-MM-dd HH:mm:ssX", "2026-11-11 09:00:05Z", nil, "2026-11-11T09:00:05Z"),
        ("iso8601", "2026-11-11T09:00:05+08:00", nil, "2026-11-11T09:00:05+08:00"),
        ("iso8601", "2026-11-11 09:00:05", "+08:00", "2026-11-11T09:00:05+08:00"),
        ("iso8601", "2026-11-11T09:00:05-03:00", "+08:00", "2026-11-11T09:00:05-03:00"),
        ("unix-seconds", "1794358805", "+08:00", "2026-11-11T09:00:05+08:00"),
        ("unix-milliseconds", "1794358805123", nil, "2026-11-11T01:00:05.123Z"),
    ] as [(String, String, String?, String)])
    func readsTimeFormats(format: String, cell: String, zone: String?, expected: String) throws {
        let zoneJSON = zone.map { ", \"zone\": \"\($0)\"" } ?? ""
        let mapping = MappingFixtures.orders(paidAt: "{\"column\": \"付款时间\", \"format\": \"\(format)\"\(zoneJSON)}")

        let order = try order("O-1,shop-a,buyer-1,12.50,\(cell),c1,否", mapping: mapping)

        #expect(order.paidAt.iso8601 == expected)
    }

    @Test("rejects cells that do not match time format", arguments: [
        "2026-11-11 09:00", "2026-11-11 9:00:05", "2026-02-30 09:00:00", "2026-11-11 24:00:00",
        "2026-11-11T09:00:05", "昨天",
    ])
    func rejectsBadTimes(cell: String) throws {
        let rejection = try messageRejection("m1,c1,shop-a,buyer-1,A-hz-01,顾客,\"\(cell)\",你好")

        #expect(rejection?.reason == .invalidTime)
        #expect(rejection?.message.contains("invalid time") == true)
        #expect(rejection?.message.contains("expected the format yyyy-MM-dd HH:mm:ss at +08:00") == true)
    }

    @Test("rejects zoneless ISO time without zone")
    func rejectsZonelessISOTime() throws {
        let mapping = try MappingFixtures.mapping(MappingFixtures.orders())

        let rejection = try MappingFixtures.rejection(
            MappingFixtures.orderHeader + "\nO-1,shop-a,buyer-1,1,2026-11-11T09:00:05,c1,否", mapping: mapping)

        #expect(rejection?.message.contains("expected the format iso8601") == true)
    }

    // MARK: - Header

    @Test("rejects header without mapped column")
    func rejectsMissingColumn() throws {
        var reader = MappedRowReader(format: .csv, mapping: messages)
        reader.append(Array("消息ID,会话ID,店铺,买家,发送方,时间,内容\n消息ID,会话ID,店铺,买家,客服,发送方,时间,内容\n".utf8))

        let error = try #require(throws: ColumnMappingError.self) { try reader.next() }

        #expect(error.message.hasPrefix("the header has no column \"客服\", which the mapping reads"))
        #expect(error.message.contains("\"消息ID\", \"会话ID\""))
        // The same error is reported again, and the next line is not taken as the header.
        #expect(throws: error) { try reader.next() }
    }

    @Test("rejects column named twice in header")
    func rejectsDuplicateColumn() throws {
        let csv = MappingFixtures.messageHeader + ",内容\n"

        #expect(throws: ColumnMappingError.self) { try MappingFixtures.rows(csv, mapping: messages) }
    }

    @Test("trims spaces around header names")
    func trimsHeaderNames() throws {
        let header = MappingFixtures.messageHeader.replacingOccurrences(of: ",", with: " , ")

        let rows = try MappingFixtures.rows(header + "\nm1,c1,shop-a,buyer-1,A-hz-01,顾客,2026-11-11 09:00:05,你好\n",
                                            mapping: messages)

        #expect(rows.count == 1)
    }

    @Test("rejects header that is not UTF-8")
    func rejectsNonUTF8Header() throws {
        var reader = MappedRowReader(format: .csv, mapping: messages)
        // "消息" in GBK.
        reader.append([0xCF, 0xFB, 0xCF, 0xA2, 0x2C, 0x61, 0x0A])

        let error = #expect(throws: ColumnMappingError.self) { try reader.next() }

        #expect(error?.message.contains("iconv -f GBK -t UTF-8") == true)
    }

    @Test("rejects empty input")
    func rejectsEmptyInput() {
        #expect(throws: ColumnMappingError("the input is empty: expected a header row that names the columns")) {
            try MappingFixtures.rows("", mapping: messages)
        }
    }

    @Test("rejects malformed header")
    func rejectsMalformedHeader() {
        #expect(throws: ColumnMappingError.self) {
            try MappingFixtures.rows("\"消息ID\"x,会话ID\n", mapping: messages)
        }
    }

    // MARK: - Rows

    @Test("maps role values")
    func mapsRoleValues() throws {
        #expect(try message("m1,c1,shop-a,buyer-1,A-hz-01,客服,2026-11-11 09:00:05,你好").role == .agent)
        #expect(try message("m1,c1,shop-a,buyer-1,A-hz-01, 系统 ,2026-11-11 09:00:05,你好").role == .system)
    }

    @Test("rejects unmapped value")
    func rejectsUnmappedValue() throws {
        let rejection = try messageRejection("m1,c1,shop-a,buyer-1,A-hz-01,机器人,2026-11-11 09:00:05,你好")

        #expect(rejection?.reason == .invalidField)
        #expect(rejection?.message == """
            unmapped value "机器人" in column "发送方" for field "role": the mapping lists "客服", "系统", "顾客"
            """)
    }

    @Test("writes constants")
    func writesConstants() throws {
        let message = try message("m1,c1,shop-a,buyer-1,A-hz-01,顾客,2026-11-11 09:00:05,你好")

        #expect(message.site == "hz")
        #expect(message.eventId == "message/hz/m1")
    }

    @Test("keeps text exactly and trims ids")
    func keepsTextTrimsIds() throws {
        let text = "  他说：\"\\不行\\\"\n\t第二行 \u{01} "
        let cell = "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""

        let message = try message(" m1 ,c1,shop-a,buyer-1,\tA-hz-01,顾客,2026-11-11 09:00:05,\(cell)")

        #expect(message.text == text)
        #expect(message.messageId == "m1")
        #expect(message.agent == "A-hz-01")
    }

    @Test("allows empty text")
    func allowsEmptyText() throws {
        #expect(try message("m1,c1,shop-a,buyer-1,A-hz-01,顾客,2026-11-11 09:00:05,").text == "")
    }

    @Test("rejects empty required cell")
    func rejectsEmptyRequiredCell() throws {
        let rejection = try messageRejection("m1,c1,shop-a,buyer-1, ,顾客,2026-11-11 09:00:05,你好")

        #expect(rejection?.reason == .invalidField)
        #expect(rejection?.message == "missing value in column \"客服\" for field \"agent\"")
    }

    @Test("leaves out empty optional cell")
    func leavesOutEmptyOptionalCell() throws {
        let order = try order("O-1,shop-a,buyer-1,12.50,2026-11-11T09:00:05+08:00,,")

        #expect(order.conversationId == nil)
        #expect(order.synthetic == nil)
    }

    @Test("maps boolean values")
    func mapsBooleanValues() throws {
        #expect(try order("O-1,shop-a,buyer-1,1,2026-11-11T09:00:05+08:00,c1,是").synthetic == true)
        #expect(try order("O-1,shop-a,buyer-1,1,2026-11-11T09:00:05+08:00,c1,否").synthetic == false)
    }

    @Test("rejects row with wrong field count")
    func rejectsWrongFieldCount() throws {
        let rejection = try messageRejection("m1,c1,shop-a,buyer-1,A-hz-01,顾客,2026-11-11 09:00:05")

        #expect(rejection?.message == "the row has 7 fields, but the header has 8")
    }

    @Test("rejects cell that is not UTF-8")
    func rejectsNonUTF8Cell() throws {
        var csv = Array((MappingFixtures.messageHeader + "\nm1,c1,shop-a,buyer-1,A-hz-01,顾客,2026-11-11 09:00:05,").utf8)
        csv += [0xC4, 0xE3, 0xBA, 0xC3, 0x0A]
        var reader = MappedRowReader(format: .csv, mapping: messages)
        reader.append(csv)
        reader.finish()

        guard case .rejected(let line, _, let rejection)? = try reader.next() else {
            Issue.record("expected the row to be rejected")
            return
        }
        #expect(line == 2)
        #expect(rejection.message.contains("column \"内容\" for field \"text\" is not valid UTF-8"))
    }

    @Test("rejects value the parser rejects")
    func parserRejectsMappedValue() throws {
        let rows = try MappingFixtures.rows(
            MappingFixtures.messageHeader + "\nm1,c1,shop/a,buyer-1,A-hz-01,顾客,2026-11-11 09:00:05,你好\n",
            mapping: messages)

        guard case .record(_, let json, _)? = rows.first else {
            Issue.record("expected a mapped row, got \(rows)")
            return
        }
        let error = #expect(throws: RecordRejection.self) {
            try InterchangeParser(fixedKind: .message).parse(ArraySlice(json))
        }

        #expect(error?.message == "invalid field \"shop\": contains \"/\"")
    }

    // MARK: - Amounts

    @Test("keeps amounts exact", arguments: [
        ("12.50", "12.5"), ("0.10", "0.1"), ("1299.90", "1299.9"), ("007.50", "7.5"), ("+3", "3"),
        ("999999999.99", "999999999.99"), ("0.000001", "0.000001"), (" 8.20 ", "8.2"),
    ])
    func keepsAmountsExact(cell: String, expected: String) throws {
        let order = try order("O-1,shop-a,buyer-1,\(cell),2026-11-11T09:00:05+08:00,c1,否")

        #expect(order.amount == Decimal(string: expected))
        #expect("\(order.amount)" == expected)
    }

    @Test("rejects amounts that are not plain decimals", arguments: [
        "\"1,299.00\"", "¥12", "1e3", "12.", ".5", "--1", "1.2.3", "十二", String(repeating: "9", count: 31),
    ])
    func rejectsBadAmounts(cell: String) throws {
        let mapping = try MappingFixtures.mapping(MappingFixtures.orders())
        let csv = MappingFixtures.orderHeader + "\nO-1,shop-a,buyer-1,\(cell),2026-11-11T09:00:05+08:00,c1,否\n"

        let rejection = try MappingFixtures.rejection(csv, mapping: mapping)

        #expect(rejection?.message.hasPrefix("invalid amount") == true)
    }

    @Test("writes amount as JSON number")
    func writesAmountAsNumber() {
        #expect(BoundColumnMapping.decimalJSON(ArraySlice("-007.50".utf8)) == Array("-7.50".utf8))
        #expect(BoundColumnMapping.decimalJSON(ArraySlice("0".utf8)) == Array("0".utf8))
        #expect(BoundColumnMapping.decimalJSON(ArraySlice("".utf8)) == nil)
    }
}

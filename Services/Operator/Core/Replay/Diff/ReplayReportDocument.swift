import Foundation
import VigilContracts

/// The JSON form of a replay report. Its keys are the documented format, so
/// renaming a property changes the format.
struct ReplayReportDocument: Codable, Equatable {
    var service: String
    var from: String
    var to: String
    var rulesVersion: RulesVersion
    var watermarks: Sides<Int>
    /// Input records per topic base name, watermarks excluded.
    var inputRecords: [String: Int]
    /// Watermark records read per input topic base name.
    var inputWatermarks: [String: Int]
    /// Late input records per topic base name; see ``ReplayHeader/lateInputRecords``.
    var lateInputRecords: [String: Int]
    var clean: Bool
    var topics: [ReplayTopicCounts]
    /// Every compared identity whose outcome is not `matched`.
    var records: [Record]
    var conflicts: [Conflict]
    var orderDifferences: [ReplayOrderDifference]
    var backtest: Backtest?

    struct RulesVersion: Codable, Equatable {
        var live: String?
        var candidate: String?
    }

    struct Sides<Value: Codable & Equatable>: Codable, Equatable {
        var live: Value
        var replay: Value
    }

    struct Record: Codable, Equatable {
        var topic: String
        var id: String
        var outcome: ReplayOutcome
        var live: RecordBody?
        var replay: RecordBody?
        var fields: [ReplayFieldDifference]
    }

    /// One record's parts: the value as JSON when it parses, else its bytes in base64.
    struct RecordBody: Codable, Equatable {
        var eventId: String
        var key: String?
        var timestamp: String
        var value: ReplayJSONContent?
        var valueBase64: String?
    }

    struct Conflict: Codable, Equatable {
        var side: ReplayConflict.Side
        var topic: String
        var eventId: String
        var values: [RecordBody]
    }

    struct Backtest: Codable, Equatable {
        var added: [Alert]
        var dropped: [Alert]
        var changed: [Alert]
        var unchanged: Int
        var unreadableEventIds: [String]
    }

    struct Alert: Codable, Equatable {
        var alertId: String
        var shop: String
        var buyer: String
        var category: RiskCategory
        var severity: Severity
        var raisedAt: String
        var matchedTerms: [String]
        var ruleIds: [String]
        var ruleVersion: String
        var eventCount: Int
        var changes: [Change]
    }

    struct Change: Codable, Equatable {
        var eventId: String
        var kind: BacktestEventChange.Kind
        var fields: [ReplayFieldDifference]
    }
}

// MARK: - Building

extension ReplayReportDocument {
    init(comparison: ReplayComparison, backtest: AlertBacktest?, header: ReplayHeader) {
        service = header.service
        from = header.from.iso8601
        to = header.to.iso8601
        rulesVersion = RulesVersion(live: header.liveRulesVersion, candidate: header.candidateRulesVersion)
        watermarks = Sides(live: header.liveWatermarks, replay: header.replayWatermarks)
        inputRecords = header.inputRecords
        inputWatermarks = header.inputWatermarks
        lateInputRecords = header.lateInputRecords
        clean = comparison.isClean
        topics = comparison.counts
        records = comparison.records.filter { $0.outcome != .matched }.map { record in
            Record(topic: record.topic, id: record.id, outcome: record.outcome, live: record.live.map(RecordBody.init),
                   replay: record.replay.map(RecordBody.init), fields: record.fields)
        }
        conflicts = comparison.conflicts.map { conflict in
            Conflict(side: conflict.side, topic: conflict.topic, eventId: conflict.eventId,
                     values: conflict.values.map(RecordBody.init))
        }
        orderDifferences = comparison.orderDifferences
        self.backtest = backtest.map { backtest in
            Backtest(added: backtest.added.map(Alert.init), dropped: backtest.dropped.map(Alert.init),
                     changed: backtest.changed.map(Alert.init), unchanged: backtest.unchanged,
                     unreadableEventIds: backtest.unreadableEventIds)
        }
    }

    /// Returns the document as indented JSON with sorted keys, unescaped slashes and a final newline.
    func jsonText() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Every part is a string, number, Boolean or one of these structs, which always encode.
        guard let data = try? encoder.encode(self) else {
            return "{}\n"
        }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

extension ReplayReportDocument.RecordBody {
    init(_ record: ReplayRecord) {
        eventId = record.eventId
        key = record.key
        timestamp = record.timestamp.iso8601
        if let json = try? JSONValue(parsing: record.value) {
            // A live record from an older version may hold a personal number in a text.
            value = ReplayJSONContent(Self.maskingStrings(json))
        } else {
            valueBase64 = Data(record.value).base64EncodedString()
        }
    }

    private static let masker = PersonalDataMasker()

    /// Returns `value` with personal numbers masked in every string; object keys stay.
    private static func maskingStrings(_ value: JSONValue) -> JSONValue {
        switch value {
        case .string(let text): .string(masker.mask(text))
        case .array(let elements): .array(elements.map(maskingStrings))
        case .object(let members): .object(members.mapValues(maskingStrings))
        default: value
        }
    }
}

extension ReplayReportDocument.Alert {
    init(_ alert: BacktestAlert) {
        alertId = alert.alertId
        shop = alert.shop
        buyer = alert.buyer
        category = alert.category
        severity = alert.severity
        raisedAt = alert.raisedAt.iso8601
        matchedTerms = alert.matchedTerms
        ruleIds = alert.ruleIds
        ruleVersion = alert.ruleVersion
        eventCount = alert.eventCount
        changes = alert.changes.map { ReplayReportDocument.Change(eventId: $0.eventId, kind: $0.kind, fields: $0.fields) }
    }
}

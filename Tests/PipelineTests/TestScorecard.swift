import Foundation
import VigilContracts

/// A scorecard file read by the test itself, with only what the expected
/// scores need: the zone, the reply settings, the items and the campaigns.
/// Fields the test does not use (names) are ignored.
struct TestScorecard: Decodable {
    struct Item: Decodable {
        var id: String
        var measure: String
        var weight: Double
        var full: Double
        var zero: Double
    }

    struct Critical: Decodable {
        var id: String
        var measure: String
        var maximum: Double
    }

    struct Campaign: Decodable {
        var id: String
        var from: Timestamp
        var to: Timestamp
        var rewardTopN: Int
        /// Decoded as Decimal by JSONDecoder, which keeps the file's digits exactly.
        var teamTargets: [String: Decimal]?
    }

    var version: String
    var zone: String
    /// The reply settings default as the scoring definitions state when the file leaves them out.
    var responseCapSeconds = 600
    var replyLimitSeconds = 180
    var conversionHours = 24
    var items: [Item] = []
    var critical: [Critical] = []
    var campaigns: [Campaign] = []
    var zoneOffsetSeconds: Int32 = 0

    enum CodingKeys: String, CodingKey {
        case version, zone, responseCapSeconds, replyLimitSeconds, conversionHours, items, critical, campaigns
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        version = try container.decode(String.self, forKey: .version)
        zone = try container.decode(String.self, forKey: .zone)
        responseCapSeconds = try container.decodeIfPresent(Int.self, forKey: .responseCapSeconds) ?? 600
        replyLimitSeconds = try container.decodeIfPresent(Int.self, forKey: .replyLimitSeconds) ?? 180
        conversionHours = try container.decodeIfPresent(Int.self, forKey: .conversionHours) ?? 24
        items = try container.decodeIfPresent([Item].self, forKey: .items) ?? []
        critical = try container.decodeIfPresent([Critical].self, forKey: .critical) ?? []
        campaigns = try container.decodeIfPresent([Campaign].self, forKey: .campaigns) ?? []
        guard let offset = TimestampFormat.parseUTCOffset(zone) else {
            throw DecodingError.dataCorruptedError(forKey: .zone, in: container,
                                                   debugDescription: "invalid zone \(zone)")
        }
        zoneOffsetSeconds = offset
    }

    static func parse(_ text: String) throws -> TestScorecard {
        try JSONDecoder().decode(TestScorecard.self, from: Data(text.utf8))
    }
}

import Foundation
import VigilContracts
import VigilJSON

/// Turns a parsed scorecard file into a ``Scorecard``, collecting every problem.
struct ScorecardReader {
    /// One problem at the position of the offending value.
    struct Problem {
        var position: SourcePosition
        var message: String
    }

    var problems: [Problem] = []
    /// The line where each id was first given, by the list whose ids must be unique.
    var idLines: [IdScope: [String: Int]] = [:]

    /// The lists within which ids must be unique.
    enum IdScope {
        /// Items and critical items together, because results list both.
        case items
        case campaigns
    }

    static let topFields = ["version", "zone", "responseCapSeconds", "replyLimitSeconds", "conversionHours",
                            "items", "critical", "campaigns"]
    static let itemFields = ["id", "name", "measure", "weight", "full", "zero"]
    static let criticalFields = ["id", "name", "measure", "maximum"]
    static let campaignFields = ["id", "name", "from", "to", "rewardTopN", "teamTargets"]
    /// A time zone offset must be within what ISO 8601 zones use.
    static let maximumZoneOffsetSeconds: Int32 = 14 * 3600
    /// The maximum item weight. Only the ratios of weights matter, and the
    /// bound keeps every sum of weights and points far from overflow.
    static let maximumWeight = 1000.0
    /// The maximum magnitude of an item's `full` and `zero`, which keeps the
    /// points formula finite and catches a misplaced exponent.
    /// NOTE: a sales item cannot ask for more than 1e9 CNY in one period.
    static let maximumFullOrZero = 1e9

    // MARK: - The scorecard

    mutating func scorecard(from document: PositionedJSON) -> Scorecard? {
        guard let fields = object(document, context: "the scorecard",
                                  example: "{\"version\": \"2026.12-1\", \"zone\": \"+08:00\", \"items\": [...]}",
                                  allowed: Self.topFields) else { return nil }

        let version = requiredString(fields, "version", in: "the scorecard")
        let zone = zoneOffset(fields)
        let cap = optionalInteger(fields, "responseCapSeconds", in: "the scorecard", range: 1...86_400, default: 600)
        let limit = optionalInteger(fields, "replyLimitSeconds", in: "the scorecard", range: 1...86_400, default: 180)
        let hours = optionalInteger(fields, "conversionHours", in: "the scorecard", range: 0...720, default: 24)

        var items: [ScorecardItem] = []
        if let list = requiredList(fields, "items", in: "the scorecard", allowEmpty: false) {
            items = list.compactMap { item($0) }
        }
        var critical: [CriticalItem] = []
        if let value = fields["critical"], let list = list(value, name: "critical", in: "the scorecard") {
            critical = list.compactMap { criticalItem($0) }
        }
        var campaigns: [Campaign] = []
        if let value = fields["campaigns"], let list = list(value, name: "campaigns", in: "the scorecard") {
            campaigns = list.compactMap { campaign($0) }
        }

        guard problems.isEmpty, let version, let zone, let cap, let limit, let hours else { return nil }
        return Scorecard(version: version, zoneOffsetSeconds: zone, responseCapSeconds: cap,
                         replyLimitSeconds: limit, conversionHours: hours, items: items,
                         criticalItems: critical, campaigns: campaigns)
    }

    private mutating func zoneOffset(_ fields: JSONObjectFields) -> Int32? {
        guard let value = required(fields, "zone", in: "the scorecard"),
              let text = string(value, name: "zone", in: "the scorecard") else { return nil }
        guard let offset = TimestampFormat.parseUTCOffset(text), abs(offset) <= Self.maximumZoneOffsetSeconds else {
            fail(value, "\"zone\" \"\(text)\" is not a UTC offset: write it as +08:00 (from -14:00 to +14:00)")
            return nil
        }
        return offset
    }

    // MARK: - Items

    private mutating func item(_ value: PositionedJSON) -> ScorecardItem? {
        guard let fields = object(value, context: "an item",
                                  example: "{\"id\": \"first-response\", \"name\": {...}, \"measure\": ..., "
                                      + "\"weight\": 20, \"full\": 30, \"zero\": 180}",
                                  allowed: Self.itemFields) else { return nil }
        let id = identifier(fields, in: "an item", among: .items)
        let context = id.map { "item \"\($0)\"" } ?? "an item"
        let name = localizedName(fields, in: context)
        let measure = measure(fields, in: context)
        let weight = requiredNumber(fields, "weight", in: context)
        let full = requiredNumber(fields, "full", in: context)
        let zero = requiredNumber(fields, "zero", in: context)

        if let weight, weight <= 0, let value = fields["weight"] {
            fail(value, "\"weight\" of \(context) must be greater than 0, found \(Self.format(weight))")
            return nil
        }
        if let weight, weight > Self.maximumWeight, let value = fields["weight"] {
            fail(value, "\"weight\" of \(context) must be at most 1000, found \(Self.format(weight)): "
                + "only the ratios of weights matter, so scale them all down")
            return nil
        }
        var boundsValid = true
        for (name, number) in [("full", full), ("zero", zero)] {
            if let number, abs(number) > Self.maximumFullOrZero, let value = fields[name] {
                fail(value, "\"\(name)\" of \(context) must be within -1e9 and 1e9, found \(Self.format(number))")
                boundsValid = false
            }
        }
        guard boundsValid else { return nil }
        if let full, let zero, full == zero, let value = fields["full"] {
            fail(value, "\"full\" and \"zero\" of \(context) are both \(Self.format(full)): "
                + "make \"full\" larger to reward higher values, or smaller to reward lower values")
            return nil
        }
        if let measure, measure.unit == .share, let full, let zero, !(0...1).contains(full) || !(0...1).contains(zero),
           let value = (0...1).contains(full) ? fields["zero"] : fields["full"] {
            fail(value, "\(measure.rawValue) of \(context) is a share from 0 to 1, so \"full\" and \"zero\" must be "
                + "within 0 and 1: write 0.95 for 95 %")
            return nil
        }
        guard let id, let name, let measure, let weight, let full, let zero else { return nil }
        return ScorecardItem(id: id, name: name, measure: measure, weight: weight, full: full, zero: zero)
    }

    private mutating func criticalItem(_ value: PositionedJSON) -> CriticalItem? {
        guard let fields = object(value, context: "a critical item",
                                  example: "{\"id\": \"regulator-human-cause\", \"name\": {...}, "
                                      + "\"measure\": \"regulatorHumanCauseCases\", \"maximum\": 0}",
                                  allowed: Self.criticalFields) else { return nil }
        let id = identifier(fields, in: "a critical item", among: .items)
        let context = id.map { "critical item \"\($0)\"" } ?? "a critical item"
        let name = localizedName(fields, in: context)
        let measure = measure(fields, in: context)
        let maximum = requiredNumber(fields, "maximum", in: context)

        if let maximum, maximum < 0, let value = fields["maximum"] {
            fail(value, "\"maximum\" of \(context) must not be negative, because every measure is 0 or more "
                + "and the item would zero every score")
            return nil
        }
        guard let id, let name, let measure, let maximum else { return nil }
        return CriticalItem(id: id, name: name, measure: measure, maximum: maximum)
    }

    private mutating func measure(_ fields: JSONObjectFields, in context: String) -> ScoreMeasure? {
        guard let value = required(fields, "measure", in: context),
              let text = string(value, name: "measure", in: context) else { return nil }
        guard let measure = ScoreMeasure(rawValue: text) else {
            let names = ScoreMeasure.allCases.map(\.rawValue)
            var message = "unknown measure \"\(text)\" in \(context)"
            if let suggestion = JSONObjectFields.closest(to: text, in: names) {
                message += "; did you mean \"\(suggestion)\"?"
            } else {
                message += "; expected one of " + names.map { "\"\($0)\"" }.joined(separator: ", ")
            }
            fail(value, message)
            return nil
        }
        return measure
    }

    // MARK: - Campaigns

    private mutating func campaign(_ value: PositionedJSON) -> Campaign? {
        guard let fields = object(value, context: "a campaign",
                                  example: "{\"id\": \"2026-double11\", \"name\": {...}, \"from\": ..., \"to\": ..., "
                                      + "\"rewardTopN\": 3, \"teamTargets\": {\"T-hz-a\": 30000}}",
                                  allowed: Self.campaignFields) else { return nil }
        let id = identifier(fields, in: "a campaign", among: .campaigns)
        let context = id.map { "campaign \"\($0)\"" } ?? "a campaign"
        let name = localizedName(fields, in: context)
        let from = time(fields, "from", in: context)
        let to = time(fields, "to", in: context)
        let rewardTopN = optionalInteger(fields, "rewardTopN", in: context, range: 0...10_000, default: 0)
        var targets: [String: Decimal]? = [:]
        if let value = fields["teamTargets"] {
            targets = teamTargets(value, in: context)
        }

        if let from, let to, from >= to, let value = fields["to"] {
            fail(value, "\"to\" of \(context) must be later than \"from\" (\(from.iso8601)), found \(to.iso8601)")
            return nil
        }
        guard let id, let name, let from, let to, let rewardTopN, let targets else { return nil }
        return Campaign(id: id, name: name, from: from, to: to, rewardTopN: rewardTopN, teamTargets: targets)
    }

    private mutating func time(_ fields: JSONObjectFields, _ name: String, in context: String) -> Timestamp? {
        guard let value = required(fields, name, in: context), let text = string(value, name: name, in: context) else {
            return nil
        }
        if let time = TimestampFormat.parse(text) {
            return time
        }
        if TimestampFormat.parse(text + "+08:00") != nil {
            fail(value, "\"\(name)\" of \(context) \"\(text)\" has no UTC offset: add one, such as \"\(text)+08:00\", "
                + "because a time without an offset could be in any zone")
        } else {
            fail(value, "\"\(name)\" of \(context) \"\(text)\" is not an ISO 8601 time: "
                + "write it as 2026-10-31T20:00:00+08:00")
        }
        return nil
    }

    private mutating func teamTargets(_ value: PositionedJSON, in context: String) -> [String: Decimal]? {
        guard case .object(let members) = value.kind else {
            fail(value, "\"teamTargets\" of \(context) must be an object of team ids and amounts, "
                + "such as {\"T-hz-a\": 30000}, found \(value.typeName)")
            return nil
        }

        var targets: [String: Decimal] = [:]
        var firstLines: [String: Int] = [:]
        var valid = true
        for member in members {
            if let firstLine = firstLines[member.key] {
                fail(at: member.keyPosition, "team \"\(member.key)\" is listed twice in the \"teamTargets\" of "
                    + "\(context) (first at line \(firstLine))")
                valid = false
                continue
            }
            firstLines[member.key] = member.keyPosition.line
            if member.key.trimmingCharacters(in: .whitespaces).isEmpty {
                fail(at: member.keyPosition, "a team id in the \"teamTargets\" of \(context) is empty")
                valid = false
            }
            guard case .number(let text) = member.value.kind, let amount = Decimal(string: text) else {
                fail(member.value, "the target of team \"\(member.key)\" in \(context) must be a number, "
                    + "found \(member.value.typeName)")
                valid = false
                continue
            }
            guard amount >= 0 else {
                fail(member.value, "the target of team \"\(member.key)\" in \(context) must not be negative, found \(text)")
                valid = false
                continue
            }
            targets[member.key] = amount
        }
        return valid ? targets : nil
    }
}

import Foundation
import Testing
import VigilContracts
@testable import VigilScoring

@Suite("Scorecard parser")
struct ScorecardParserTests {
    /// A valid scorecard; each error test changes one piece of it.
    static let valid = """
        {
          "version": "test-1",
          "zone": "+08:00",
          "items": [
            {"id": "first-response", "name": {"zh-CN": "首次响应", "en": "First response"},
             "measure": "firstResponseMedianSeconds", "weight": 20, "full": 30, "zero": 180},
            {"id": "conversion", "name": {"zh-CN": "转化率", "en": "Conversion"},
             "measure": "conversionRate", "weight": 10, "full": 0.3, "zero": 0}
          ],
          "critical": [
            {"id": "regulator", "name": {"zh-CN": "监管", "en": "Regulator"},
             "measure": "regulatorHumanCauseCases", "maximum": 0}
          ],
          "campaigns": [
            {"id": "d11", "name": {"zh-CN": "双11", "en": "Double 11"},
             "from": "2026-10-31T20:00:00+08:00", "to": "2026-11-12T00:00:00+08:00", "rewardTopN": 3,
             "teamTargets": {"T-a": 1000.5, "T-b": 0}}
          ]
        }
        """

    /// Returns the 1-based line and column where `needle` first occurs in `text`, counting Unicode scalars.
    static func position(of needle: String, in text: String,
                         sourceLocation: SourceLocation = #_sourceLocation) throws -> (line: Int, column: Int) {
        let range = try #require(text.range(of: needle), "\(needle) not in the text", sourceLocation: sourceLocation)
        let before = text[..<range.lowerBound]
        let line = before.filter { $0 == "\n" }.count + 1
        let lineStart = before.lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
        let column = text[lineStart..<range.lowerBound].unicodeScalars.count + 1
        return (line, column)
    }

    /// Parses `valid` with `original` replaced by `replacement` and returns the error.
    static func error(replacing original: String, with replacement: String,
                      sourceLocation: SourceLocation = #_sourceLocation) throws -> (ScorecardError, String) {
        #expect(valid.contains(original), "\(original) not in the valid text", sourceLocation: sourceLocation)
        let text = valid.replacingOccurrences(of: original, with: replacement)
        do {
            _ = try Scorecard.parse(text, fileName: "cards/test.json")
        } catch {
            return (error, text)
        }
        Issue.record("the scorecard was accepted", sourceLocation: sourceLocation)
        throw CancellationError()
    }

    // MARK: - Valid files

    @Test("valid file parses every field")
    func validFile() throws {
        let scorecard = try Scorecard.parse(Self.valid, fileName: "test.json")
        #expect(scorecard.version == "test-1")
        #expect(scorecard.zoneOffsetSeconds == 28_800)
        #expect(scorecard.responseCapSeconds == 600)
        #expect(scorecard.replyLimitSeconds == 180)
        #expect(scorecard.conversionHours == 24)
        #expect(scorecard.items.map(\.id) == ["first-response", "conversion"])
        #expect(scorecard.items.first?.measure == .firstResponseMedianSeconds)
        #expect(scorecard.items.first?.name == LocalizedText(chinese: "首次响应", english: "First response"))
        #expect(scorecard.items.last?.full == 0.3)
        #expect(scorecard.criticalItems.first?.measure == .regulatorHumanCauseCases)

        let campaign = try #require(scorecard.campaign(id: "d11"))
        #expect(campaign.from == (try ScoringFixtures.time("2026-10-31T12:00:00Z")))
        #expect(campaign.to == (try ScoringFixtures.time("2026-11-11T16:00:00Z")))
        #expect(campaign.rewardTopN == 3)
        #expect(campaign.teamTargets == ["T-a": Decimal(string: "1000.5"), "T-b": 0])
        #expect(scorecard.campaign(id: "d12") == nil)
    }

    @Test("optional limits override the defaults")
    func optionalLimits() throws {
        let text = Self.valid.replacingOccurrences(
            of: "\"zone\": \"+08:00\",",
            with: "\"zone\": \"-05:30\", \"responseCapSeconds\": 900, \"replyLimitSeconds\": 120, \"conversionHours\": 48,")
        let scorecard = try Scorecard.parse(text, fileName: "test.json")
        #expect(scorecard.zoneOffsetSeconds == -19_800)
        #expect(scorecard.responseCapSeconds == 900)
        #expect(scorecard.replyLimitSeconds == 120)
        #expect(scorecard.conversionHours == 48)
        #expect(scorecard.currency == "CNY", "the currency defaults to CNY")
        let dollars = try Scorecard.parse(
            Self.valid.replacingOccurrences(of: "\"zone\": \"+08:00\",", with: "\"zone\": \"+08:00\", \"currency\": \"USD\","),
            fileName: "test.json")
        #expect(dollars.currency == "USD")
    }

    @Test("currency must be an ISO 4217 code")
    func badCurrency() throws {
        let (error, text) = try Self.error(replacing: "\"zone\": \"+08:00\",",
                                           with: "\"zone\": \"+08:00\", \"currency\": \"rmb\",")
        let position = try Self.position(of: "\"rmb\"", in: text)
        #expect(error.line == position.line)
        #expect(error.column == position.column)
        #expect(error.message.contains("ISO 4217"))
    }

    // MARK: - Errors with positions

    @Test("syntax error names line and column")
    func syntaxError() throws {
        let (error, text) = try Self.error(replacing: "\"version\": \"test-1\",", with: "\"version\": \"test-1\"")
        let expected = try Self.position(of: "\"zone\"", in: text)
        #expect(error.file == "cards/test.json")
        #expect(error.line == expected.line)
        #expect(error.column == expected.column)
        #expect(error.message.hasPrefix("invalid JSON"))
        #expect(error.description.hasPrefix("cards/test.json:\(expected.line):\(expected.column): invalid JSON"))
    }

    @Test("unknown measure names its value")
    func unknownMeasure() throws {
        let (error, text) = try Self.error(replacing: "\"conversionRate\"", with: "\"conversionRatio\"")
        let expected = try Self.position(of: "\"conversionRatio\"", in: text)
        #expect(error.line == expected.line)
        #expect(error.column == expected.column)
        #expect(error.message.contains("unknown measure \"conversionRatio\""))
        #expect(error.message.contains("did you mean \"conversionRate\""))
    }

    @Test("unknown field names its key")
    func unknownField() throws {
        let (error, text) = try Self.error(replacing: "\"weight\": 10", with: "\"wieght\": 10")
        // The misspelt weight is also missing, reported first, at the item's opening brace.
        let item = try Self.position(of: "{\"id\": \"conversion\"", in: text)
        #expect(error.line == item.line)
        #expect(error.column == item.column)
        #expect(error.message == "missing field \"weight\" in item \"conversion\"")

        let unknown = try #require(error.otherProblems.first)
        let expected = try Self.position(of: "\"wieght\"", in: text)
        #expect(error.otherProblems.count == 1)
        #expect(unknown.line == expected.line)
        #expect(unknown.column == expected.column)
        #expect(unknown.message.contains("unknown field \"wieght\""))
        #expect(unknown.message.contains("did you mean \"weight\"?"))
    }

    @Test("missing field is reported at its object")
    func missingField() throws {
        let (error, text) = try Self.error(replacing: "\"version\": \"test-1\",\n", with: "")
        #expect(error.line == 1)
        #expect(error.column == 1)
        #expect(error.message == "missing field \"version\" in the scorecard")
        #expect(!text.contains("\"version\""))
    }

    @Test("weight 0 is rejected")
    func zeroWeight() throws {
        let (error, text) = try Self.error(replacing: "\"weight\": 20", with: "\"weight\": 0")
        let expected = try Self.position(of: "\"weight\": 0", in: text)
        #expect(error.line == expected.line)
        #expect(error.column == expected.column + "\"weight\": ".count)
        #expect(error.message.contains("greater than 0"))
    }

    @Test("weight above the maximum is rejected")
    func hugeWeight() throws {
        for weight in ["1001", "1e307"] {
            let (error, text) = try Self.error(replacing: "\"weight\": 20", with: "\"weight\": \(weight)")
            let expected = try Self.position(of: "\"weight\": \(weight)", in: text)
            #expect(error.line == expected.line, "\(weight)")
            #expect(error.column == expected.column + "\"weight\": ".count, "\(weight)")
            #expect(error.message.contains("\"weight\" of item \"first-response\" must be at most 1000"),
                    "\(weight): \(error.message)")
        }
    }

    @Test("weight at the maximum is accepted")
    func maximumWeight() throws {
        let text = Self.valid.replacingOccurrences(of: "\"weight\": 20", with: "\"weight\": 1000")

        let scorecard = try Scorecard.parse(text, fileName: "test.json")

        #expect(scorecard.items.first?.weight == 1000)
    }

    @Test("full or zero beyond the bound is rejected")
    func hugeFullOrZero() throws {
        let cases = [("\"full\": 30", "\"full\": 1e10", "full"), ("\"zero\": 180", "\"zero\": -2000000000", "zero")]
        for (original, replacement, field) in cases {
            let (error, text) = try Self.error(replacing: original, with: replacement)
            let expected = try Self.position(of: replacement, in: text)
            #expect(error.line == expected.line, "\(field)")
            #expect(error.column == expected.column + "\"\(field)\": ".count, "\(field)")
            #expect(error.message.contains("\"\(field)\" of item \"first-response\" must be within -1e9 and 1e9"),
                    "\(field): \(error.message)")
        }
    }

    @Test("full equal to zero is rejected")
    func fullEqualsZero() throws {
        let (error, text) = try Self.error(replacing: "\"full\": 30", with: "\"full\": 180")
        let expected = try Self.position(of: "\"full\": 180", in: text)
        #expect(error.line == expected.line)
        #expect(error.column == expected.column + "\"full\": ".count)
        #expect(error.message.contains("\"full\" and \"zero\" of item \"first-response\" are both 180"))
    }

    @Test("share written as a percentage is rejected")
    func shareAsPercentage() throws {
        let (error, text) = try Self.error(replacing: "\"full\": 0.3", with: "\"full\": 30")
        let expected = try Self.position(of: "\"full\": 30, \"zero\": 0}", in: text)
        #expect(error.line == expected.line)
        #expect(error.column == expected.column + "\"full\": ".count)
        #expect(error.message.contains("conversionRate of item \"conversion\" is a share from 0 to 1"))
    }

    @Test("negative critical maximum is rejected")
    func negativeMaximum() throws {
        let (error, text) = try Self.error(replacing: "\"maximum\": 0", with: "\"maximum\": -1")
        let expected = try Self.position(of: "\"maximum\": -1", in: text)
        #expect(error.line == expected.line)
        #expect(error.column == expected.column + "\"maximum\": ".count)
        #expect(error.message.contains("\"maximum\" of critical item \"regulator\" must not be negative"))
    }

    @Test("time without offset is rejected")
    func timeWithoutOffset() throws {
        let (error, text) = try Self.error(replacing: "\"2026-10-31T20:00:00+08:00\"", with: "\"2026-10-31T20:00:00\"")
        let expected = try Self.position(of: "\"2026-10-31T20:00:00\"", in: text)
        #expect(error.line == expected.line)
        #expect(error.column == expected.column)
        #expect(error.message.contains("no UTC offset"))
        #expect(error.message.contains("\"from\" of campaign \"d11\""))
    }

    @Test("malformed time is rejected")
    func malformedTime() throws {
        let (error, text) = try Self.error(replacing: "\"2026-11-12T00:00:00+08:00\"", with: "\"11/12/2026\"")
        let expected = try Self.position(of: "\"11/12/2026\"", in: text)
        #expect(error.line == expected.line)
        #expect(error.column == expected.column)
        #expect(error.message.contains("not an ISO 8601 time"))
    }

    @Test("from not before to is rejected")
    func fromNotBeforeTo() throws {
        let (error, text) = try Self.error(replacing: "\"2026-11-12T00:00:00+08:00\"",
                                           with: "\"2026-10-31T12:00:00Z\"")
        let expected = try Self.position(of: "\"2026-10-31T12:00:00Z\"", in: text)
        #expect(error.line == expected.line)
        #expect(error.column == expected.column)
        #expect(error.message.contains("must be later than \"from\""))
    }

    @Test("duplicate id names the first line")
    func duplicateId() throws {
        let (error, text) = try Self.error(replacing: "{\"id\": \"regulator\"", with: "{\"id\": \"conversion\"")
        let first = try Self.position(of: "\"conversion\"", in: text)
        let second = try Self.position(of: "\"conversion\", \"name\": {\"zh-CN\": \"监管\"", in: text)
        #expect(error.line == second.line)
        #expect(error.column == second.column)
        #expect(error.message.contains("duplicate id \"conversion\" (first used at line \(first.line))"))
    }

    @Test("negative rewardTopN is rejected")
    func negativeRewardTopN() throws {
        let (error, text) = try Self.error(replacing: "\"rewardTopN\": 3", with: "\"rewardTopN\": -1")
        let expected = try Self.position(of: "\"rewardTopN\": -1", in: text)
        #expect(error.line == expected.line)
        #expect(error.column == expected.column + "\"rewardTopN\": ".count)
        #expect(error.message.contains("\"rewardTopN\" of campaign \"d11\" is -1"))
    }

    @Test("negative target is rejected")
    func negativeTarget() throws {
        let (error, text) = try Self.error(replacing: "\"T-b\": 0", with: "\"T-b\": -5")
        let expected = try Self.position(of: "\"T-b\": -5", in: text)
        #expect(error.line == expected.line)
        #expect(error.column == expected.column + "\"T-b\": ".count)
        #expect(error.message.contains("must not be negative"))
    }

    @Test("invalid zone is rejected")
    func invalidZone() throws {
        let (error, text) = try Self.error(replacing: "\"+08:00\",", with: "\"Asia/Shanghai\",")
        let expected = try Self.position(of: "\"Asia/Shanghai\"", in: text)
        #expect(error.line == expected.line)
        #expect(error.column == expected.column)
        #expect(error.message.contains("not a UTC offset"))
    }

    @Test("empty version is rejected")
    func emptyVersion() throws {
        let (error, text) = try Self.error(replacing: "\"test-1\"", with: "\"  \"")
        let expected = try Self.position(of: "\"  \"", in: text)
        #expect(error.line == expected.line)
        #expect(error.column == expected.column)
        #expect(error.message == "\"version\" of the scorecard is empty")
    }

    @Test("missing English name is rejected")
    func missingEnglishName() throws {
        let (error, text) = try Self.error(replacing: "{\"zh-CN\": \"监管\", \"en\": \"Regulator\"}",
                                           with: "{\"zh-CN\": \"监管\"}")
        let expected = try Self.position(of: "{\"zh-CN\": \"监管\"}", in: text)
        #expect(error.line == expected.line)
        #expect(error.column == expected.column)
        #expect(error.message.contains("missing field \"en\""))
    }

    @Test("every problem is listed in file order")
    func everyProblemListed() throws {
        var text = Self.valid.replacingOccurrences(of: "\"weight\": 20", with: "\"weight\": -2")
        text = text.replacingOccurrences(of: "\"maximum\": 0", with: "\"maximum\": \"none\"")
        text = text.replacingOccurrences(of: "\"rewardTopN\": 3", with: "\"rewardTopN\": 2.5")
        #expect(throws: ScorecardError.self) { try Scorecard.parse(text, fileName: "x.json") }
        do {
            _ = try Scorecard.parse(text, fileName: "x.json")
        } catch {
            let lines = [error.line] + error.otherProblems.map(\.line)
            #expect(lines.count == 3)
            #expect(lines == lines.sorted { ($0 ?? 0) < ($1 ?? 0) })
            #expect(error.description.split(separator: "\n").count == 3)
            #expect(error.description.split(separator: "\n").allSatisfy { $0.hasPrefix("x.json:") })
        }
    }

    @Test("documented errors for the default file")
    func documentedErrors() {
        // The example output in docs/SCORING.md.
        let text = Scorecard.builtInText
            .replacingOccurrences(of: "\"measure\": \"conversionRate\", \"weight\": 10",
                                  with: "\"measure\": \"conversionRate\", \"weight\": 0")
            .replacingOccurrences(of: "\"from\": \"2026-10-31T20:00:00+08:00\"", with: "\"from\": \"2026-10-31T20:00:00\"")
        do {
            _ = try Scorecard.parse(text, fileName: "scorecards/mine.json")
            Issue.record("the changed default file was accepted")
        } catch {
            #expect(error.description == """
                scorecards/mine.json:17:45: "weight" of item "conversion" must be greater than 0, found 0
                scorecards/mine.json:27:14: "from" of campaign "2026-double11" "2026-10-31T20:00:00" has no UTC offset: \
                add one, such as "2026-10-31T20:00:00+08:00", because a time without an offset could be in any zone
                """)
        }
    }

    // MARK: - Files

    @Test("missing file has no line")
    func missingFile() {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-no-such-scorecard.json").path
        do {
            _ = try Scorecard.load(path: path)
            Issue.record("a missing file loaded")
        } catch {
            #expect(error.line == nil)
            #expect(error.description.hasPrefix("\(path): could not read the file"))
        }
    }

    @Test("directory or missing file named plainly")
    func unreadablePaths() {
        let folder = FileManager.default.temporaryDirectory.path
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-no-such-scorecard.json").path
        for (path, expected) in [(folder, "\(folder): the path is a directory, not a file: give the path of the JSON file itself"),
                                 (missing, "\(missing): could not read the file (No such file or directory): check the path")] {
            do {
                _ = try Scorecard.load(path: path)
                Issue.record("\(path) loaded")
            } catch {
                #expect(error.description == expected)
                #expect(!error.description.contains("NSCocoaErrorDomain"))
            }
        }
    }

    @Test("load reports the file's path")
    func loadReportsPath() throws {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("vigil-scorecard-\(UUID().uuidString).json").path
        try Self.valid.replacingOccurrences(of: "\"weight\": 20", with: "\"weight\": 0")
            .write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }

        do {
            _ = try Scorecard.load(path: path)
            Issue.record("an invalid file loaded")
        } catch {
            #expect(error.file == path)
            #expect(error.description.hasPrefix("\(path):6:"))
        }
    }
}

import Foundation
import Testing
import VigilContracts
import VigilJSON
@testable import Alerting

/// Returns the errors the parser reports for `text`; empty when it parses.
private func errors(_ text: String) -> [RuleFileError] {
    do {
        _ = try RuleSetParser.parse(text: text)
        return []
    } catch {
        return error.errors
    }
}

/// Builds a rules file whose second rule opens on line 5 and has the fields `rule` from line 6 on.
private func file(with rule: String) -> String {
    """
    {
      "version": "1",
      "rules": [
        {"id": "first", "category": "complaint", "severity": "medium", "title": {"zh-CN": "投诉", "en": "Complaint"}, "keywords": ["投诉"]},
        {
    \(rule)
        }
      ]
    }
    """
}

/// The fields every valid rule needs except its category and matcher, on lines 6 to 8.
private let ruleHead = """
      "id": "second",
      "severity": "high",
      "title": {"zh-CN": "工商", "en": "Regulator"},
"""

@Suite("RuleSetParser")
struct RuleSetParserTests {
    @Test("minimal file parses")
    func minimalFileParses() throws {
        let ruleSet = try RuleSetParser.parse(text: file(with: ruleHead + "\n      \"category\": \"regulator\", \"keywords\": [\"工商\"]"))
        #expect(ruleSet.version == "1")
        #expect(ruleSet.rules.map(\.id) == ["first", "second"])
        #expect(ruleSet.rules[1].speaker == .customer, "speaker defaults to customer")
        #expect(ruleSet.rules[1].matcher == RuleMatcher(keywords: ["工商"]))
    }

    @Test("every rule kind parses")
    func everyKindParses() throws {
        let text = file(with: ruleHead + """

              "category": "regulator",
              "speaker": "any",
              "pattern": "工\\\\s*商",
              "exclusion": ["个体工商户"],
              "allOf": [["找"], {"anyOf": [["经理"], {"pattern": "领导+"}]}],
              "noneOf": [["产品经理"]],
              "window": {"rule": "first", "messages": 3},
              "negation": {"cues": ["不会"], "scope": 2},
              "note": "n"
        """)

        let rule = try #require(try RuleSetParser.parse(text: text).rule(id: "second"))

        #expect(rule.speaker == .any)
        #expect(rule.matcher.pattern == "工\\s*商")
        #expect(rule.matcher.exclusion == .keywords(["个体工商户"]))
        #expect(rule.matcher.allOf == [RuleMatcher(keywords: ["找"]),
                                       RuleMatcher(anyOf: [RuleMatcher(keywords: ["经理"]), RuleMatcher(pattern: "领导+")])])
        #expect(rule.matcher.noneOf == [RuleMatcher(keywords: ["产品经理"])])
        #expect(rule.window == RuleWindow(rule: "first", messages: 3))
        #expect(rule.negation == RuleNegation(cues: ["不会"], scope: 2))
        #expect(rule.note == "n")
    }

    /// Each case is the text of line 9 of a rule, the text at which the error points (nil for the
    /// rule's opening brace), and the start of the expected message.
    @Test("validation errors name line and column", arguments: [
        (#""category": "regulater", "keywords": ["x"]"#, #""regulater""#, #"unknown category "regulater" in rule "second": expected regulator, legal, media, complaint or escalation"#),
        (#""category": "legal", "keywords": ["x"], "speaker": "buyer""#, #""buyer""#, #"unknown speaker "buyer" in rule "second": expected customer, agent or any"#),
        (#""category": "legal", "keywords": []"#, "[]", #""keywords" of rule "second" is empty: give at least one word"#),
        (#""category": "legal", "keywords": ["工商", ""]"#, #""""#, #"empty word in "keywords" of rule "second""#),
        (#""category": "legal", "keywords": ["x"], "exclusion": "(个体""#, #""(个体""#, #"invalid regular expression "(个体" in "exclusion" of rule "second": "#),
        (#""category": "legal", "pattern": "[12315""#, #""[12315""#, #"invalid regular expression "[12315" in "pattern" of rule "second": "#),
        (#""category": "legal", "pattern": "订单(\\d+)+$""#, #""订单(\\d+)+$""#, #"regular expression "订单(\d+)+$" in "pattern" of rule "second" repeats "(\d+)+", a group that already repeats without bound: "#),
        (#""category": "legal", "keywords": ["x"], "exclusion": "(个体\\s*)*户""#, #""(个体"#, #"regular expression "(个体\s*)*户" in "exclusion" of rule "second" repeats "(个体\s*)*", a group that already repeats without bound: "#),
        (#""category": "legal", "anyOf": [{"pattern": "(a+b)+"}]"#, #""(a+b)+""#, #"regular expression "(a+b)+" in "pattern" of a matcher in "anyOf" of rule "second" repeats "(a+b)+""#),
        (#""category": "legal", "keywords": ["x"], "window": {"rule": "frist", "messages": 2}"#, #""frist""#, #"window of rule "second" refers to unknown rule id "frist""#),
        (#""category": "legal", "keywords": ["x"], "window": {"rule": "second", "messages": 2}"#, #""second""#, #"window of rule "second" refers to the rule itself"#),
        (#""category": "legal", "keywords": ["x"], "window": {"rule": "first", "messages": 0}"#, "0}", #""messages" of the window of rule "second" is 0, out of range: use 1 to 100"#),
        (#""category": "legal", "keywords": ["x"], "negation": {"cues": ["不"], "scope": 11}"#, "11", #""scope" of the negation of rule "second" is 11, out of range: use 0 to 10"#),
        (#""category": "legal", "keywords": ["x"], "negation": {"cues": ["不"], "scope": 1.5}"#, "1.5", #""scope" of the negation of rule "second" must be a whole number from 0 to 10, found 1.5"#),
        (#""category": "legal", "keywords": ["x"], "negation": {"cues": [], "scope": 1}"#, "[]", #""cues" of the negation of rule "second" is empty: give at least one word"#),
        (#""category": "legal", "keywords": ["x"], "severity": "high""#, #""severity""#, #"duplicate field "severity" in a rule (first given at line 7)"#),
        (#""category": "legal", "keywords": ["x"], "keyword": ["y"]"#, #""keyword""#, #"unknown field "keyword" in a rule; did you mean "keywords"?"#),
        (#""category": "legal", "keywords": ["x"], "allOf": [["a"], {"keywords": ["b"], "exclude": "c"}]"#, #""exclude""#, #"unknown field "exclude" in a matcher in "allOf" of rule "second"; did you mean "exclusion"?"#),
        (#""category": "legal", "anyOf": []"#, "[]", #""anyOf" of rule "second" is empty: remove it or give at least one condition"#),
        (#""category": "legal", "allOf": ["x"]"#, #""x""#, #"each element of "allOf" of rule "second" must be a keyword list or a matcher object, found a string"#),
        (#""category": "legal", "noneOf": [["x"]]"#, nil, #"rule "second" has nothing to match: give "keywords", "pattern", "allOf" or "anyOf""#),
    ] as [(String, String?, String)])
    func validationErrors(field: String, at marker: String?, message: String) throws {
        let text = file(with: ruleHead + "\n      " + field)
        var expected = SourcePosition(line: 5, column: 5)
        if let marker {
            let range = try #require(field.range(of: marker))
            expected = SourcePosition(line: 9, column: 7 + field.unicodeScalars.distance(from: field.startIndex, to: range.lowerBound))
        }

        let found = errors(text)

        #expect(found.count == 1, "errors: \(found)")
        let error = try #require(found.first)
        #expect(error.position == expected)
        #expect(error.message.hasPrefix(message), "message: \(error.message)")
    }

    @Test("duplicate rule id names first line")
    func duplicateRuleId() throws {
        let text = file(with: ruleHead.replacingOccurrences(of: "\"second\"", with: "\"first\"")
            + "\n      \"category\": \"regulator\", \"keywords\": [\"工商\"]")

        let found = errors(text)

        #expect(found == [RuleFileError(position: SourcePosition(line: 6, column: 13),
                                        message: #"duplicate rule id "first" (first defined at line 4)"#)])
    }

    @Test("missing fields point at the rule")
    func missingFields() {
        let found = errors(file(with: "      \"id\": \"second\", \"keywords\": [\"x\"]"))

        #expect(found.map(\.line) == [5, 5, 5])
        #expect(found.map(\.message) == [#"missing field "category" in rule "second""#,
                                         #"missing field "severity" in rule "second""#,
                                         #"missing field "title" in rule "second""#])
    }

    @Test("errors are all reported in order")
    func severalErrors() {
        let text = file(with: """
              "id": "second",
              "category": "regulater",
              "severity": "urgent",
              "title": {"zh-CN": "工商", "en": ""},
              "keywords": []
        """)

        let found = errors(text)

        #expect(found.map(\.line) == [7, 8, 9, 10])
    }

    @Test("syntax error is reported with position")
    func syntaxError() {
        let found = errors("{\n  \"version\": \"1\",\n  \"rules\": [\n    {\"id\": \"a\",}\n  ]\n}")
        #expect(found == [RuleFileError(position: SourcePosition(line: 4, column: 16),
                                        message: "invalid JSON: trailing comma before \"}\"")])
    }

    @Test("invalid UTF-8 is rejected")
    func invalidUTF8() {
        #expect(throws: RuleFileErrors.self) {
            try RuleSetParser.parse(bytes: [0x7B, 0xFF, 0x7D])
        }
    }

    @Test("top level must be an object")
    func topLevelShape() {
        #expect(errors("[]").map(\.message) == [#"the file must be a JSON object with "version" and "rules", found a list"#])
        #expect(errors(#"{"version": "1", "rules": []}"#).map(\.message) == [#""rules" is empty: a rule set needs at least one rule"#])
    }
}

import Foundation
import Testing
import VigilContracts
import VigilKafka
import VigilRuntime
@testable import Operator

/// A small valid rules file with the given version and keyword.
private func rulesFile(version: String, keyword: String = "工商") -> String {
    """
    {
      "version": "\(version)",
      "rules": [
        {"id": "regulator", "category": "regulator", "severity": "high",
         "title": {"zh-CN": "监管", "en": "Regulator"}, "keywords": ["\(keyword)"]}
      ]
    }

    """
}

private let publishedAt = TimestampFormat.parse("2026-12-01T10:00:00+08:00")!

@Suite("vigil rules push and show", .serialized)
struct RulesPushCommandTests {
    @Test("commands are registered")
    func registered() {
        let names = OperatorCommand.subcommands.map { $0.name }
        #expect(names.contains("rules push"))
        #expect(names.contains("rules show"))
    }

    @Test("valid file is published whole")
    func pushValid() throws {
        let harness = try OperatorHarness()
        let text = rulesFile(version: "2026.12.1")
        let path = try harness.write("rules.json", text)
        let context = try harness.context(RulesPushCommand.self, language: .english)

        let (status, lines) = try RulesPushCommand.push(path: path, by: "bm-01", force: false, context: context,
                                                        now: publishedAt)

        let expected = RuleSetRelease(version: "2026.12.1", rules: text, ruleCount: 1, publishedAt: publishedAt,
                                      publishedBy: "bm-01")
        #expect(status == 0)
        #expect(lines == ["Published rules version 2026.12.1 (1 rule), event id \(expected.eventId)"])

        let records = try harness.reader.records(of: harness.catalogue.rules)
        #expect(records.count == 1)
        let record = try #require(records.first)
        #expect(record.keyString == "rule-set")
        #expect(record.header(EventHeaders.eventId) == expected.eventId)
        #expect(record.header(EventHeaders.schema) == "rule-set-release/1")
        #expect(record.timestampMilliseconds == publishedAt.epochMilliseconds)
        let release = try RecordDecoding.decode(RuleSetRelease.self, from: record.value)
        #expect(release.rules == text, "the record holds the file exactly as read")
        #expect(release.publishedAt.iso8601 == "2026-12-01T10:00:00+08:00")
        #expect(release.publishedBy == "bm-01")
        #expect(release.ruleCount == 1)
    }

    @Test("a rules file larger than a broker's default message limit is published")
    func pushLarge() throws {
        let harness = try OperatorHarness()
        let rules = (0..<6_000).map { index in
            #"    {"id": "shop-\#(index)", "category": "complaint", "severity": "medium", "#
                + #""title": {"zh-CN": "店铺词 \#(index)", "en": "Shop word \#(index)"}, "#
                + #""keywords": ["店铺专用词\#(index)号", "品牌专用词\#(index)号"]}"#
        }
        let text = "{\n  \"version\": \"big-1\",\n  \"rules\": [\n" + rules.joined(separator: ",\n") + "\n  ]\n}\n"
        #expect(text.utf8.count > 1_100_000)
        let path = try harness.write("big.json", text)
        let context = try harness.context(RulesPushCommand.self, language: .english)

        let (status, _) = try RulesPushCommand.push(path: path, by: "bm-01", force: false, context: context,
                                                    now: publishedAt)

        #expect(status == 0)
        let release = try #require(try context.latestRuleSetRelease())
        #expect(release.rules == text)
        #expect(release.ruleCount == 6_000)
    }

    @Test("publisher defaults to USER")
    func publisherFromEnvironment() throws {
        let harness = try OperatorHarness()
        let options = try harness.options(RulesPushCommand.self, ["rules.json"], environment: ["USER": "ops-li"])
        #expect(options.value("by") == "ops-li")
        let explicit = try harness.options(RulesPushCommand.self, ["--by", "bm-01", "rules.json"],
                                           environment: ["USER": "ops-li"])
        #expect(explicit.value("by") == "bm-01")
    }

    @Test("invalid file publishes nothing")
    func pushInvalid() throws {
        let harness = try OperatorHarness()
        let path = try harness.write("bad.json", """
        {
          "version": "2",
          "rules": [
            {"id": "a", "category": "regulater", "severity": "high",
             "title": {"zh-CN": "甲", "en": "A"}, "keywords": ["工商"]}
          ]
        }
        """)
        let context = try harness.context(RulesPushCommand.self, language: .english)

        let (status, lines) = try RulesPushCommand.push(path: path, by: nil, force: false, context: context)

        #expect(status == 1)
        #expect(lines == [
            "\(path):4:29: unknown category \"regulater\" in rule \"a\": expected regulator, legal, media, complaint or escalation",
            "Nothing published: fix the errors above first.",
        ])
        #expect(try harness.reader.records(of: harness.catalogue.rules).isEmpty)
    }

    @Test("same version, other text rejected")
    func sameVersionDifferentText() throws {
        let harness = try OperatorHarness()
        let context = try harness.context(RulesPushCommand.self, language: .english)
        let first = try harness.write("first.json", rulesFile(version: "7"))
        let edited = try harness.write("edited.json", rulesFile(version: "7", keyword: "市场监管"))
        #expect(try RulesPushCommand.push(path: first, by: nil, force: false, context: context).0 == 0)

        let (status, lines) = try RulesPushCommand.push(path: edited, by: nil, force: false, context: context)

        #expect(status == 1)
        #expect(lines.count == 1)
        #expect(lines[0].hasPrefix("Rejected: the rules topic already holds version 7 with a different text"))
        #expect(try harness.reader.records(of: harness.catalogue.rules).count == 1)

        let (forced, _) = try RulesPushCommand.push(path: edited, by: nil, force: true, context: context)
        #expect(forced == 0)
        let latest = try #require(try context.latestRuleSetRelease())
        #expect(latest.rules == rulesFile(version: "7", keyword: "市场监管"))
    }

    @Test("identical push is already in force")
    func identicalRepush() throws {
        let harness = try OperatorHarness()
        let context = try harness.context(RulesPushCommand.self, language: .chinese)
        let path = try harness.write("rules.json", rulesFile(version: "2026.12.2"))
        #expect(try RulesPushCommand.push(path: path, by: nil, force: false, context: context).0 == 0)

        let (status, lines) = try RulesPushCommand.push(path: path, by: nil, force: false, context: context)

        #expect(status == 0)
        #expect(lines == ["规则版本 2026.12.2 已在使用中（内容相同），无需重复发布。"])
        #expect(try harness.reader.records(of: harness.catalogue.rules).count == 1)
    }

    @Test("a new version replaces the one in force")
    func newVersion() throws {
        let harness = try OperatorHarness()
        let context = try harness.context(RulesPushCommand.self)
        #expect(try context.latestRuleSetRelease() == nil)
        for version in ["1", "2"] {
            let path = try harness.write("rules-\(version).json", rulesFile(version: version))
            #expect(try RulesPushCommand.push(path: path, by: nil, force: false, context: context).0 == 0)
        }
        #expect(try context.latestRuleSetRelease()?.version == "2")
    }

    @Test("show describes the release in force")
    func show() throws {
        let release = RuleSetRelease(version: "9", rules: rulesFile(version: "9"), ruleCount: 1,
                                     publishedAt: publishedAt, publishedBy: "bm-01")
        let lines = RulesShowCommand.describe(release, language: .english)
        #expect(Array(lines.prefix(4)) == [
            "Version: 9", "Rules: 1", "Published at: 2026-12-01T10:00:00+08:00", "Published by: bm-01",
        ])
        let table = lines.joined(separator: "\n")
        #expect(table.contains("regulator"))
        #expect(table.contains("Regulator"))

        let broken = RuleSetRelease(version: "9", rules: "{", ruleCount: 1, publishedAt: publishedAt)
        let brokenLines = RulesShowCommand.describe(broken, language: .chinese)
        #expect(brokenLines.contains("该版本的规则文件无法通过校验："))
        #expect(brokenLines.contains("发布人：（未记录）"))
    }
}

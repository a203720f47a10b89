import Foundation
import Testing
import VigilContracts

@Suite("TopicCatalogue")
struct TopicCatalogueTests {
    @Test("thread topics share partition count")
    func threadTopicsSharePartitions() {
        let catalogue = TopicCatalogue()
        let threadTopics = catalogue.all.filter { $0.key == .thread }
        #expect(Set(threadTopics.map(\.baseName)) == ["chat.messages", "complaints", "orders", "alerts", "case.events", "case.commands"])
        #expect(Set(threadTopics.map(\.partitions)).count == 1)
        #expect(threadTopics.allSatisfy { $0.partitions == TopicCatalogue.threadPartitions })
    }

    @Test("names carry the prefix")
    func namesCarryPrefix() {
        let catalogue = TopicCatalogue(prefix: "test-run-7.")
        #expect(catalogue.prefix == "test-run-7.")
        for topic in catalogue.all {
            #expect(topic.name == "test-run-7." + topic.baseName)
        }
    }

    @Test("default prefix is vigil")
    func defaultPrefix() {
        let catalogue = TopicCatalogue()
        #expect(catalogue.chatMessages.name == "vigil.chat.messages")
        #expect(catalogue.all.allSatisfy { $0.name.hasPrefix("vigil.") })
    }

    @Test("names are unique")
    func namesUnique() {
        let catalogue = TopicCatalogue()
        #expect(catalogue.all.count == 15)
        #expect(Set(catalogue.all.map(\.name)).count == catalogue.all.count)
    }

    @Test("roster, rules and scores are compacted")
    func compactedTopics() {
        let catalogue = TopicCatalogue()
        let compacted = catalogue.all.filter { $0.cleanupPolicy == .compact }
        #expect(Set(compacted.map(\.baseName)) == ["roster", "rules", "scores"])
        #expect(compacted.allSatisfy { $0.retentionMilliseconds == nil })
    }

    @Test("configs carry cleanup and retention")
    func configs() {
        let catalogue = TopicCatalogue()
        #expect(catalogue.roster.configs == ["cleanup.policy": "compact", "retention.ms": "-1"])
        // 30 weeks in milliseconds.
        #expect(catalogue.chatMessages.configs == ["cleanup.policy": "delete", "retention.ms": "18144000000"])
    }

    @Test("topics name their schemas")
    func schemaNames() {
        let catalogue = TopicCatalogue()
        #expect(catalogue.chatMessages.schemaName == "chat-message")
        #expect(catalogue.roster.schemaName == "roster-person")
        #expect(catalogue.complaints.schemaName == "complaint")
        #expect(catalogue.orders.schemaName == "order")
        #expect(catalogue.alerts.schemaName == "alert")
        #expect(catalogue.caseEvents.schemaName == "case-event")
        #expect(catalogue.scoringFacts.schemaName == "scoring-fact")
        #expect(catalogue.scores.schemaName == "score")
        #expect(catalogue.deadLetters.schemaName == "dead-letter")
    }

    @Test("lookup by full name")
    func lookupByName() {
        let catalogue = TopicCatalogue(prefix: "p.")
        #expect(catalogue.topic(named: "p.alerts") == catalogue.alerts)
        #expect(catalogue.topic(named: "alerts") == nil)
        #expect(catalogue.topic(named: "vigil.alerts") == nil)
    }
}

@Suite("Topic catalogue document")
struct TopicCatalogueDocumentTests {
    @Test("documents show catalogue", arguments: [
        ("docs/ARCHITECTURE.md", Language.english), ("docs/INTEGRATION.zh-CN.md", Language.chinese),
    ])
    func documentMatchesCatalogue(path: String, language: Language) throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let document = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
        let begin = try #require(document.range(of: "<!-- topic-catalogue:begin -->\n"))
        let end = try #require(document.range(of: "\n<!-- topic-catalogue:end -->"))
        let table = String(document[begin.upperBound..<end.lowerBound])
        #expect(table == TopicCatalogue().markdownTable(in: language),
                "regenerate the table with `vigil topics list --markdown --lang \(language.rawValue)`")
    }
}

import Foundation
import Testing
import VigilContracts

@Suite("Published schema files")
struct PublishedSchemaTests {
    /// Fails with "breaking change to published schema …" or "compatible change: run make schemas".
    @Test("file matches code", arguments: EventSchemas.all.map { $0.schemaName })
    func fileMatchesCode(schemaName: String) throws {
        let type = try #require(EventSchemas.type(named: schemaName))
        let status = publishedSchemaDirectory.status(of: type)
        #expect(status.problem == nil, Comment(rawValue: status.problem ?? ""))
    }

    @Test("file reads back as generated", arguments: EventSchemas.all.map { $0.schemaName })
    func fileReadsBack(schemaName: String) throws {
        let type = try #require(EventSchemas.type(named: schemaName))
        let path = publishedSchemaDirectory.filePath(EventSchemas.fileName(for: type))
        let data = try #require(FileManager.default.contents(atPath: path), "missing \(path): run make schemas")
        let published = try JSONSchema(jsonValue: JSONValue(parsing: data))
        #expect(SchemaCompatibility.changes(from: published, to: EventSchemas.document(for: type)).isEmpty)
    }

    @Test("no unknown files")
    func noUnknownFiles() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: publishedSchemaDirectory.path)
        for name in names {
            let known = EventSchemas.all.contains { type in
                (1...type.schemaVersion).contains { EventSchemas.fileName(schemaName: type.schemaName, version: $0) == name }
            }
            #expect(known, "\(name) in docs/schemas is not a version of any schema")
        }
    }
}

@Suite("Schema reference documents")
struct SchemaReferenceDocumentTests {
    @Test("documents show generated reference", arguments: [
        ("docs/SCHEMAS.md", Language.english), ("docs/SCHEMAS.zh-CN.md", Language.chinese),
    ])
    func documentsShowReference(path: String, language: Language) throws {
        let document = try String(contentsOf: repositoryRoot.appendingPathComponent(path), encoding: .utf8)
        let part = try #require(SchemaReference.generatedPart(of: document), "\(path) lacks the schema-reference markers")
        #expect(part == (try SchemaReference.markdown(in: language)), "regenerate \(path) with make schemas")
    }

    @Test("reference has every schema")
    func referenceHasEverySchema() throws {
        for language in Language.allCases {
            let reference = try SchemaReference.markdown(in: language)
            for type in EventSchemas.all {
                #expect(reference.contains("\n### \(type.schemaName) v\(type.schemaVersion)\n"))
                #expect(reference.contains("](schemas/\(EventSchemas.fileName(for: type)))"))
            }
        }
    }

    @Test("reference lists nested fields")
    func referenceListsNestedFields() throws {
        let english = try SchemaReference.markdown(in: .english)
        #expect(english.contains("| `recipient.personId` | string | yes | The recipient's roster id. |"))
        #expect(english.contains("| `reportsTo` | string or null | yes |"))
        #expect(english.contains("| `synthetic` | boolean | no |"))
        #expect(english.contains("| `figures.alertsByCategory` | object with integer values | yes |"))
        #expect(english.contains("| `scorecard.items[].points` | number | no |"))
        #expect(english.contains("| `role` | string, one of `customer`, `agent`, `system` | yes |"))
        let chinese = try SchemaReference.markdown(in: .chinese)
        #expect(chinese.contains("| `sentAt` | 时间戳 | 是 |"))
        #expect(chinese.contains("| `matchedTerms` | 数组，元素为字符串 | 是 |"))
        #expect(chinese.contains("| `figures.alertsByCategory` | 对象，各值为整数 | 是 |"))
    }

    @Test("replaces only generated part")
    func replacesGeneratedPart() throws {
        let document = "# Title\n\nintro\n\(SchemaReference.beginMarker)\nold\n\(SchemaReference.endMarker)\n\nend\n"
        let replaced = try #require(SchemaReference.replacingGeneratedPart(of: document, with: "new\nlines"))
        #expect(replaced == "# Title\n\nintro\n\(SchemaReference.beginMarker)\nnew\nlines\n\(SchemaReference.endMarker)\n\nend\n")
        #expect(SchemaReference.generatedPart(of: replaced) == "new\nlines")
        #expect(SchemaReference.replacingGeneratedPart(of: "# no markers\n", with: "x") == nil)
        #expect(SchemaReference.generatedPart(of: "\(SchemaReference.endMarker)\n\(SchemaReference.beginMarker)\n") == nil)
    }
}

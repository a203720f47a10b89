import Foundation
import Testing
import VigilContracts
@testable import Operator

/// Creates an empty directory for one test and returns its path.
private func temporaryDirectory() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-schemas-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// Rewrites one published file through `change`, as an older or edited publication would look.
private func rewrite(_ directory: SchemaDirectory, _ fileName: String, _ change: (inout JSONSchema) -> Void) throws {
    let path = directory.filePath(fileName)
    var schema = try JSONSchema(jsonValue: JSONValue(parsing: try #require(FileManager.default.contents(atPath: path))))
    change(&schema)
    try Data(schema.jsonValue.canonicalText().utf8).write(to: URL(fileURLWithPath: path))
}

@Suite("vigil schemas")
struct SchemasCommandTests {
    @Test("commands are registered")
    func registered() {
        let names = OperatorCommand.subcommands.map { $0.name }
        #expect(names.contains("schemas write"))
        #expect(names.contains("schemas check"))
        #expect(names.contains("schemas docs"))
    }

    @Test("write then check")
    func writeThenCheck() throws {
        let directory = SchemaDirectory(path: try temporaryDirectory())
        let (status, lines) = SchemasWriteCommand.write(directory, language: .english)
        #expect(status == 0)
        #expect(lines.count == EventSchemas.all.count)
        #expect(lines.allSatisfy { $0.hasSuffix(": written") })
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(Set(files) == Set(EventSchemas.all.map { EventSchemas.fileName(for: $0) }))

        let (checkStatus, checkLines) = SchemasCheckCommand.check(directory, language: .english)
        #expect(checkStatus == 0)
        #expect(checkLines == ["All 12 schema files in \(directory.path) are up to date."])

        let (again, againLines) = SchemasWriteCommand.write(directory, language: .english)
        #expect(again == 0)
        #expect(againLines.allSatisfy { $0.hasSuffix(": unchanged") })
    }

    @Test("check fails on missing file")
    func checkFailsOnMissingFile() throws {
        let directory = SchemaDirectory(path: try temporaryDirectory())
        let (status, lines) = SchemasCheckCommand.check(directory, language: .english)
        #expect(status == 1)
        #expect(lines.count == EventSchemas.all.count)
        #expect(lines.first == "published schema chat-message v1 is missing (chat-message.v1.schema.json): run make schemas")
    }

    @Test("compatible change is written")
    func compatibleChangeWritten() throws {
        let directory = SchemaDirectory(path: try temporaryDirectory())
        #expect(SchemasWriteCommand.write(directory, language: .english).0 == 0)
        // A file published before `synthetic` existed: the current schema only adds an optional property.
        try rewrite(directory, "complaint.v1.schema.json") { $0.properties.removeAll { $0.name == "synthetic" } }

        let (checkStatus, checkLines) = SchemasCheckCommand.check(directory, language: .english)
        #expect(checkStatus == 1)
        #expect(checkLines == [#"compatible change: run make schemas (complaint.v1.schema.json: optional property "synthetic" added)"#])

        let (status, lines) = SchemasWriteCommand.write(directory, language: .english)
        #expect(status == 0)
        #expect(lines.contains { $0.hasSuffix("complaint.v1.schema.json: updated (compatible change)") })
        #expect(SchemasCheckCommand.check(directory, language: .english).0 == 0)
    }

    @Test("breaking change is rejected")
    func breakingChangeRejected() throws {
        let directory = SchemaDirectory(path: try temporaryDirectory())
        #expect(SchemasWriteCommand.write(directory, language: .english).0 == 0)
        // A published file with a property the code no longer writes.
        try rewrite(directory, "alert.v1.schema.json") {
            $0.properties.append(.required("channel", JSONSchema(types: [.string])))
        }
        let before = FileManager.default.contents(atPath: directory.filePath("alert.v1.schema.json"))
        try FileManager.default.removeItem(atPath: directory.filePath("watermark.v1.schema.json"))

        let (status, lines) = SchemasWriteCommand.write(directory, language: .english)
        #expect(status == 1)
        #expect(lines.count == 2)
        #expect(lines.last == #"  breaking change to published schema alert v1 (alert.v1.schema.json): property "channel" "#
            + "removed or renamed (bump schemaVersion to publish a new version)")
        #expect(FileManager.default.contents(atPath: directory.filePath("alert.v1.schema.json")) == before)
        #expect(!FileManager.default.fileExists(atPath: directory.filePath("watermark.v1.schema.json")),
                "a rejected write writes no file")

        let (checkStatus, checkLines) = SchemasCheckCommand.check(directory, language: .english)
        #expect(checkStatus == 1)
        #expect(checkLines.contains { $0.hasPrefix("breaking change to published schema alert v1") })
    }

    @Test("unreadable file is rejected")
    func unreadableFileRejected() throws {
        let directory = SchemaDirectory(path: try temporaryDirectory())
        #expect(SchemasWriteCommand.write(directory, language: .english).0 == 0)
        try Data("{\"type\":\"object\",\"minProperties\":1}\n".utf8)
            .write(to: URL(fileURLWithPath: directory.filePath("score.v2.schema.json")))
        let (status, lines) = SchemasWriteCommand.write(directory, language: .english)
        #expect(status == 1)
        #expect(lines.last == #"  published schema score.v2.schema.json cannot be read: unsupported keyword "minProperties". "#
            + "Restore it from version control")
    }

    @Test("docs updates reference")
    func docsUpdatesReference() throws {
        let path = (try temporaryDirectory() as NSString).appendingPathComponent("SCHEMAS.zh-CN.md")
        let document = "# 事件\n\n\(SchemaReference.beginMarker)\n\(SchemaReference.endMarker)\n"
        try Data(document.utf8).write(to: URL(fileURLWithPath: path))

        #expect(try SchemasDocsCommand.update(documentAt: path))
        let updated = try String(contentsOfFile: path, encoding: .utf8)
        #expect(SchemaReference.generatedPart(of: updated) == (try SchemaReference.markdown(in: .chinese)))
        #expect(try !SchemasDocsCommand.update(documentAt: path))
    }

    @Test("docs rejects document without markers")
    func docsRejectsDocumentWithoutMarkers() throws {
        let path = (try temporaryDirectory() as NSString).appendingPathComponent("README.md")
        try Data("# Vigil\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: SchemasDocumentError.self) {
            try SchemasDocsCommand.update(documentAt: path)
        }
    }
}

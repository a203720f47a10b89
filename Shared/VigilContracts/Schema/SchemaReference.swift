import Foundation

/// The schema reference of docs/SCHEMAS.md and docs/SCHEMAS.zh-CN.md, generated
/// from the schemas, the example events and the topic catalogue, so the
/// documents cannot drift from the code.
public enum SchemaReference {
    /// The line before the generated part of a document.
    public static let beginMarker = "<!-- schema-reference:begin -->"
    /// The line after the generated part of a document.
    public static let endMarker = "<!-- schema-reference:end -->"

    /// Renders an index and one section per schema: its file, topic, fields and an example.
    public static func markdown(in language: Language, types: [any SchemaPublishing.Type] = EventSchemas.all,
                                catalogue: TopicCatalogue = TopicCatalogue()) throws -> String {
        var sections = [index(types, language, catalogue)]
        for type in types {
            sections.append(try section(type, language, catalogue))
        }
        return sections.joined(separator: "\n\n")
    }

    /// Returns the generated part of `document`, between the marker lines, or nil without them.
    public static func generatedPart(of document: String) -> String? {
        guard let range = generatedRange(in: document) else { return nil }
        let part = document[range]
        return String(part.hasSuffix("\n") ? part.dropLast() : part)
    }

    /// Returns `document` with its generated part replaced by `reference`, or
    /// nil when the document lacks the marker lines.
    public static func replacingGeneratedPart(of document: String, with reference: String) -> String? {
        guard let range = generatedRange(in: document) else { return nil }
        return String(document[..<range.lowerBound]) + reference + "\n" + String(document[range.upperBound...])
    }

    /// Returns the range from the line after the begin marker to the start of the end marker.
    private static func generatedRange(in document: String) -> Range<String.Index>? {
        guard let begin = document.range(of: beginMarker + "\n"),
              let end = document.range(of: endMarker, range: begin.upperBound..<document.endIndex)
        else { return nil }
        return begin.upperBound..<end.lowerBound
    }

    // MARK: - Sections

    private static func index(_ types: [any SchemaPublishing.Type], _ language: Language,
                              _ catalogue: TopicCatalogue) -> String {
        var lines = [language == .chinese ? "| schema | 版本 | 主题 | 文件 |" : "| schema | version | topics | file |",
                     "| --- | --- | --- | --- |"]
        for type in types {
            let fileName = EventSchemas.fileName(for: type)
            let topics = topicsOf(type, catalogue)
            let topicText = topics.isEmpty
                ? (language == .chinese ? "暂无" : "none yet")
                : topics.map { "`\($0.name)`" }.joined(separator: ", ")
            lines.append("| [`\(type.schemaName)`](#\(type.schemaName)-v\(type.schemaVersion)) | \(type.schemaVersion) "
                + "| \(topicText) | [`\(fileName)`](schemas/\(fileName)) |")
        }
        return lines.joined(separator: "\n")
    }

    private static func section(_ type: any SchemaPublishing.Type, _ language: Language,
                                _ catalogue: TopicCatalogue) throws -> String {
        let schema = type.jsonSchema
        let fileName = EventSchemas.fileName(for: type)
        var lines = ["### \(type.schemaName) v\(type.schemaVersion)", ""]
        lines.append(cell(text(schema, language)))
        lines.append("")
        lines.append((language == .chinese ? "- 文件：" : "- File: ") + "[`\(fileName)`](schemas/\(fileName))")
        lines.append(topicLine(type, language, catalogue))
        lines.append("")
        lines.append(language == .chinese ? "| 字段 | 类型 | 必填 | 含义 |" : "| field | type | required | meaning |")
        lines.append("| --- | --- | --- | --- |")
        lines += rows(schema, prefix: "", language)
        lines.append("")
        lines.append(language == .chinese ? "示例：" : "Example:")
        lines.append("")
        lines.append("```json")
        lines.append(try exampleText(type).trimmingSuffix("\n"))
        lines.append("```")
        return lines.joined(separator: "\n")
    }

    private static func topicLine(_ type: any SchemaPublishing.Type, _ language: Language,
                                  _ catalogue: TopicCatalogue) -> String {
        let topics = topicsOf(type, catalogue)
        let names = topics.map { "`\($0.name)`" }.joined(separator: ", ")
        if type.schemaName == Watermark.schemaName {
            return language == .chinese
                ? "- 主题：\(names) 的每个分区，不带键"
                : "- Topics: every partition of \(names), without a key"
        }
        guard let topic = topics.first else {
            return language == .chinese ? "- 主题：主题目录中暂无" : "- Topic: none in the catalogue yet"
        }
        let compacted = topic.cleanupPolicy == .compact
        if language == .chinese {
            return "- 主题：\(names)（键：\(keyText(topic.key, language))" + (compacted ? "；压缩）" : "）")
        }
        return "- Topic: \(names) (key: \(keyText(topic.key, language))" + (compacted ? "; compacted)" : ")")
    }

    private static func topicsOf(_ type: any SchemaPublishing.Type, _ catalogue: TopicCatalogue) -> [TopicSpec] {
        if type.schemaName == Watermark.schemaName {
            return catalogue.carryingWatermarks
        }
        return catalogue.all.filter { $0.schemaName == type.schemaName }
    }

    private static func keyText(_ key: TopicKey, _ language: Language) -> String {
        switch key {
        case .thread: "`shop/buyer`"
        case .person: language == .chinese ? "人员的 `id`" : "the person's `id`"
        case .subjectPeriod: "`<kind>/<id>/<period kind>/<period start or campaign id>`"
        case .subject: "`<kind>/<id>`"
        case .sourceKey: language == .chinese ? "被拒记录的键，或无键" : "the rejected record's key, or none"
        case .producerChosen: language == .chinese ? "由站点生产者决定（建议 `shop/buyer`）" : "the site producer's choice (`shop/buyer` advised)"
        case .ruleSet: language == .chinese ? "固定为 `rule-set`" : "always `rule-set`"
        }
    }

    // MARK: - Field tables

    private static func rows(_ schema: JSONSchema, prefix: String, _ language: Language) -> [String] {
        var lines: [String] = []
        for property in schema.properties {
            let name = prefix + property.name
            let required = property.isRequired
                ? (language == .chinese ? "是" : "yes")
                : (language == .chinese ? "否" : "no")
            lines.append("| `\(name)` | \(typeText(property.schema, language)) | \(required) "
                + "| \(cell(text(property.schema, language))) |")
            lines += rows(property.schema, prefix: name + ".", language)
            if let items = property.schema.items {
                lines += rows(items, prefix: name + "[].", language)
            }
            if let values = property.schema.additionalPropertiesSchema {
                lines += rows(values, prefix: name + ".*.", language)
            }
        }
        return lines
    }

    private static func typeText(_ schema: JSONSchema, _ language: Language) -> String {
        let chinese = language == .chinese
        let names = schema.types.sorted().filter { $0 != .null }.map { type -> String in
            switch type {
            case .string where schema.format == "date-time":
                return chinese ? "时间戳" : "timestamp"
            case .string where schema.enumValues != nil:
                let values = (schema.enumValues ?? []).map { "`\($0)`" }
                return chinese ? "字符串，取值 " + values.joined(separator: "、") : "string, one of " + values.joined(separator: ", ")
            case .string: return chinese ? "字符串" : "string"
            case .integer: return chinese ? "整数" : "integer"
            case .number: return chinese ? "数值" : "number"
            case .boolean: return chinese ? "布尔值" : "boolean"
            case .object:
                guard let values = schema.additionalPropertiesSchema else { return chinese ? "对象" : "object" }
                let value = typeText(values, language)
                return chinese ? "对象，各值为\(value)" : "object with \(value) values"
            case .array:
                let element = schema.items.map { typeText($0, language) } ?? (chinese ? "任意值" : "any")
                return chinese ? "数组，元素为\(element)" : "array of \(element)"
            case .null: return "null"
            }
        }
        var joined = names.joined(separator: chinese ? "或" : " or ")
        if schema.isNullable {
            joined += chinese ? "或 null" : " or null"
        }
        return joined
    }

    private static func text(_ schema: JSONSchema, _ language: Language) -> String {
        (language == .chinese ? schema.chineseDescription : schema.description) ?? ""
    }

    /// Escapes the characters that would end a Markdown table cell.
    private static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }

    private static func exampleText(_ type: any SchemaPublishing.Type) throws -> String {
        try JSONValue(parsing: encodedExample(type)).canonicalText()
    }

    private static func encodedExample<Event: SchemaPublishing>(_ type: Event.Type) throws -> [UInt8] {
        try EventCoding.encode(Event.example)
    }
}

extension String {
    fileprivate func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}

import Foundation
import VigilContracts
import VigilRuntime

/// `vigil schemas write [DIR]`: writes the JSON Schema file of every event's current version.
enum SchemasWriteCommand: Subcommand {
    static let name = "schemas write"
    static let summary = LocalizedText(
        chinese: "生成各事件当前版本的 JSON Schema 文件（默认写到 docs/schemas）；已发布文件若会被不兼容地改写则拒绝",
        english: "write the JSON Schema file of every event's current version (docs/schemas by default); "
            + "rejects incompatible changes to published files")
    static let positionalHelp = "[DIR]"
    static let options: [OptionSpec] = []
    static let connectsToCluster = false

    static func run(_ options: ParsedOptions, context: OperatorContext) throws -> Int32 {
        let directory = SchemaDirectory(path: try schemaDirectoryPath(options))
        let (status, lines) = write(directory, language: context.language)
        for line in lines {
            if status == 0 {
                print(line)
            } else {
                ServiceMain.printError(line)
            }
        }
        return status
    }

    /// Writes the files and returns the exit status and the lines to print:
    /// 0 with one line per file, or 1 with the files that block the write.
    static func write(_ directory: SchemaDirectory, language: Language) -> (Int32, [String]) {
        let chinese = language == .chinese
        do {
            let statuses = try directory.write()
            let lines = statuses.map { status -> String in
                let outcome: String
                switch status.state {
                case .missing: outcome = chinese ? "已写入" : "written"
                case .upToDate: outcome = chinese ? "未变" : "unchanged"
                case .compatible: outcome = chinese ? "已更新（兼容改动）" : "updated (compatible change)"
                case .breaking, .unreadable: outcome = chinese ? "未写入" : "not written"
                }
                return "\(directory.filePath(status.fileName)): \(outcome)"
            }
            return (0, lines)
        } catch let rejection as SchemaWriteRejection {
            let header = chinese
                ? "vigil schemas write：未写入任何文件，因为以下已发布的 schema 会被破坏或无法读取："
                : "vigil schemas write: wrote no file, because these published schemas would break or cannot be read:"
            return (1, [header] + rejection.statuses.compactMap(\.problem).map { "  \($0)" })
        } catch {
            return (1, ["vigil schemas write: \(error)"])
        }
    }
}

/// `vigil schemas check [DIR]`: fails when a published schema file is missing, out of date or broken.
enum SchemasCheckCommand: Subcommand {
    static let name = "schemas check"
    static let summary = LocalizedText(
        chinese: "检查 JSON Schema 文件与代码一致；有缺失、过期或不兼容时退出码为 1",
        english: "check the JSON Schema files against the code; exits 1 when one is missing, out of date or broken")
    static let positionalHelp = "[DIR]"
    static let options: [OptionSpec] = []
    static let connectsToCluster = false

    static func run(_ options: ParsedOptions, context: OperatorContext) throws -> Int32 {
        let directory = SchemaDirectory(path: try schemaDirectoryPath(options))
        let (status, lines) = check(directory, language: context.language)
        for line in lines {
            if status == 0 {
                print(line)
            } else {
                ServiceMain.printError(line)
            }
        }
        return status
    }

    /// Compares the files and returns the exit status and the lines to print.
    static func check(_ directory: SchemaDirectory, language: Language) -> (Int32, [String]) {
        let statuses = directory.statuses()
        let problems = statuses.compactMap(\.problem)
        if problems.isEmpty {
            return (0, [language == .chinese
                ? "\(directory.path) 中的 \(statuses.count) 个 schema 文件都是最新的。"
                : "All \(statuses.count) schema files in \(directory.path) are up to date."])
        }
        return (1, problems)
    }
}

/// `vigil schemas docs FILE…`: regenerates the schema reference inside the documents.
enum SchemasDocsCommand: Subcommand {
    static let name = "schemas docs"
    static let summary = LocalizedText(
        chinese: "重新生成文档中 schema-reference 标记之间的 schema 参考；文件名含 .zh-CN. 的用中文，其余用英文",
        english: "regenerate the schema reference between the schema-reference markers of each document; "
            + "files named *.zh-CN.* get Chinese, others English")
    static let positionalHelp = "FILE…"
    static let options: [OptionSpec] = []
    static let connectsToCluster = false

    static func run(_ options: ParsedOptions, context: OperatorContext) throws -> Int32 {
        guard !options.positionals.isEmpty else {
            throw UsageError("missing document: name at least one, such as docs/SCHEMAS.md")
        }
        for path in options.positionals {
            let changed = try update(documentAt: path)
            print("\(path): " + (changed ? context.text("已更新", "updated") : context.text("未变", "unchanged")))
        }
        return 0
    }

    /// Replaces the reference in the document at `path`; returns true when the file changed.
    static func update(documentAt path: String) throws -> Bool {
        let document = try String(contentsOfFile: path, encoding: .utf8)
        let language: Language = (path as NSString).lastPathComponent.contains(".zh-CN.") ? .chinese : .english
        let reference = try SchemaReference.markdown(in: language)
        guard let updated = SchemaReference.replacingGeneratedPart(of: document, with: reference) else {
            throw SchemasDocumentError(path: path)
        }
        guard updated != document else { return false }
        try Data(updated.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        return true
    }
}

/// A document without the markers that delimit the generated schema reference.
struct SchemasDocumentError: Error, CustomStringConvertible {
    var path: String

    var description: String {
        "\(path) has no generated schema reference: add a line \(SchemaReference.beginMarker) "
            + "and a line \(SchemaReference.endMarker) where it belongs"
    }
}

/// Returns the directory argument of `schemas write` and `schemas check`, docs/schemas by default.
private func schemaDirectoryPath(_ options: ParsedOptions) throws -> String {
    guard options.positionals.count <= 1 else {
        throw UsageError("expected at most one directory, found \(options.positionals.count) arguments")
    }
    return options.positionals.first ?? "docs/schemas"
}

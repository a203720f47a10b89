import Foundation

/// A directory of published schema files (`docs/schemas` in the repository),
/// compared with the schemas the code generates.
///
/// A file, once published, may change only compatibly while the schema keeps
/// its version. A breaking change needs a new `schemaVersion`, which publishes
/// a new file next to the old one.
public struct SchemaDirectory: Sendable {
    /// The directory's path.
    public var path: String

    public init(path: String) {
        self.path = path
    }

    /// Compares the file of every type's current version with its generated text.
    public func statuses(of types: [any SchemaPublishing.Type] = EventSchemas.all) -> [SchemaFileStatus] {
        types.map(status)
    }

    /// Compares the file of the type's current version with its generated text.
    public func status(of type: any SchemaPublishing.Type) -> SchemaFileStatus {
        let fileName = EventSchemas.fileName(for: type)
        let generated = EventSchemas.fileText(for: type)
        let state = Self.state(ofFileAt: filePath(fileName), generated: EventSchemas.document(for: type),
                               generatedText: generated)
        return SchemaFileStatus(schemaName: type.schemaName, version: type.schemaVersion, fileName: fileName,
                                generatedText: generated, state: state)
    }

    /// Writes every missing or compatibly changed file, after checking that no
    /// file breaks; with a breaking or unreadable file it writes nothing.
    ///
    /// - Returns: the statuses found before writing; the files of those not
    ///   ``SchemaFileStatus/State/upToDate`` were written.
    /// - Throws: ``SchemaWriteRejection`` listing the files that block the
    ///   write, or the file system's error.
    @discardableResult
    public func write(_ types: [any SchemaPublishing.Type] = EventSchemas.all) throws -> [SchemaFileStatus] {
        let statuses = statuses(of: types)
        let blocking = statuses.filter { !$0.state.isWritable }
        guard blocking.isEmpty else {
            throw SchemaWriteRejection(statuses: blocking)
        }

        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for status in statuses where status.state != .upToDate {
            let url = URL(fileURLWithPath: filePath(status.fileName))
            try Data(status.generatedText.utf8).write(to: url, options: .atomic)
        }
        return statuses
    }

    /// Returns the path of a file in the directory.
    public func filePath(_ fileName: String) -> String {
        (path as NSString).appendingPathComponent(fileName)
    }

    // MARK: - Comparison

    private static func state(ofFileAt path: String, generated: JSONSchema, generatedText: String) -> SchemaFileStatus.State {
        guard let data = FileManager.default.contents(atPath: path) else {
            return .missing
        }
        if Array(data) == Array(generatedText.utf8) {
            return .upToDate
        }

        let published: JSONSchema
        do {
            published = try JSONSchema(jsonValue: JSONValue(parsing: data))
        } catch let error as JSONSchemaReadError {
            return .unreadable(error.description)
        } catch {
            return .unreadable("invalid JSON: \(error)")
        }

        let changes = SchemaCompatibility.changes(from: published, to: generated)
        let breaking = changes.filter(\.isBreaking)
        return breaking.isEmpty ? .compatible(changes) : .breaking(breaking)
    }
}

/// The comparison of a published schema file with the schema the code generates.
public struct SchemaFileStatus: Sendable, Equatable {
    /// The comparison's outcome.
    public enum State: Sendable, Equatable {
        /// The file does not exist yet.
        case missing
        /// The file's bytes equal the generated text.
        case upToDate
        /// The file differs in compatible ways only: these changes, or none
        /// when only its layout differs.
        case compatible([SchemaChange])
        /// The generated schema breaks the published one in these ways.
        case breaking([SchemaChange])
        /// The file is not JSON, or not a schema this code can read, for this reason.
        case unreadable(String)

        /// True when ``SchemaDirectory/write(_:)`` may write the file.
        public var isWritable: Bool {
            switch self {
            case .missing, .upToDate, .compatible: true
            case .breaking, .unreadable: false
            }
        }
    }

    public var schemaName: String
    public var version: Int
    public var fileName: String
    /// The text the file should hold.
    public var generatedText: String
    public var state: State

    /// The file's problem and the step that fixes it, or nil when the file is up to date.
    public var problem: String? {
        switch state {
        case .upToDate:
            return nil
        case .missing:
            return "published schema \(schemaName) v\(version) is missing (\(fileName)): run make schemas"
        case .compatible(let changes):
            let detail = changes.isEmpty ? "layout only" : changes.map(\.description).joined(separator: "; ")
            return "compatible change: run make schemas (\(fileName): \(detail))"
        case .breaking(let changes):
            let detail = changes.map(\.description).joined(separator: "; ")
            return "breaking change to published schema \(schemaName) v\(version) (\(fileName)): \(detail) "
                + "(bump schemaVersion to publish a new version)"
        case .unreadable(let reason):
            return "published schema \(fileName) cannot be read: \(reason). Restore it from version control"
        }
    }
}

/// The refusal to write schema files because published ones would break or cannot be read.
public struct SchemaWriteRejection: Error, CustomStringConvertible {
    /// The files that block the write, each with a ``SchemaFileStatus/problem``.
    public var statuses: [SchemaFileStatus]

    public var description: String {
        "not writing any schema file:\n" + statuses.compactMap(\.problem).map { "  \($0)" }.joined(separator: "\n")
    }
}

import Foundation
import VigilJSON

// MARK: - Reading a limits file

extension ReplyLimits {
    /// Files larger than this are rejected unread, because a real one is a few kilobytes.
    static let maximumFileBytes = 1 << 20

    /// Reads and checks a reply-limits file.
    ///
    /// The file is one JSON object in UTF-8, with both fields optional:
    ///
    ///     {"defaultSeconds": 180, "shops": {"shop-waimai": 120, "shop-jd": 300}}
    ///
    /// Limits are whole seconds within ``allowedSeconds``. Shop ids are the
    /// `shop` of chat messages, so they cannot be empty or contain `/`.
    /// Unknown and repeated fields are errors, so a misspelt field cannot
    /// silently leave the default in force.
    ///
    /// - Throws: ``ReplyLimitsFileError`` listing every problem with its line and field.
    public static func load(path: String) throws(ReplyLimitsFileError) -> ReplyLimits {
        let text: String
        do {
            text = try SmallTextFile.read(path: path, maximumBytes: maximumFileBytes, kind: "a limits file")
        } catch {
            throw ReplyLimitsFileError(path: path, problems: [
                .init(line: error.position?.line, column: error.position?.column, field: nil, message: error.message),
            ])
        }
        return try parse(text: text, path: path)
    }

    /// Checks a limits file's bytes. `path` only names the file in errors.
    public static func parse(bytes: [UInt8], path: String) throws(ReplyLimitsFileError) -> ReplyLimits {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ReplyLimitsFileError(path: path, problems: [
                .init(line: 1, column: 1, field: nil, message: "the file is not valid UTF-8: save it as UTF-8"),
            ])
        }
        return try parse(text: text, path: path)
    }

    /// Checks a limits file's text. `path` only names the file in errors.
    public static func parse(text: String, path: String) throws(ReplyLimitsFileError) -> ReplyLimits {
        let document: PositionedJSON
        do {
            document = try PositionedJSONParser.parse(text)
        } catch {
            throw ReplyLimitsFileError(path: path, problems: [
                .init(line: error.position.line, column: error.position.column, field: nil,
                      message: "invalid JSON: \(error.message)"),
            ])
        }

        var reader = ReplyLimitsReader()
        let limits = reader.limits(from: document)
        guard reader.problems.isEmpty, let limits else {
            let ordered = reader.problems.sorted { ($0.line ?? 0, $0.column ?? 0) < ($1.line ?? 0, $1.column ?? 0) }
            throw ReplyLimitsFileError(path: path, problems: ordered)
        }
        return limits
    }
}

// MARK: - Validation

/// Turns a parsed limits file into ``ReplyLimits``, collecting every problem.
private struct ReplyLimitsReader {
    var problems: [ReplyLimitsFileError.Problem] = []

    mutating func limits(from document: PositionedJSON) -> ReplyLimits? {
        guard case .object(let members) = document.kind else {
            fail(document, field: nil, "the file must hold a JSON object such as "
                + "{\"defaultSeconds\": 180, \"shops\": {\"shop-x\": 120}}, found \(document.typeName)")
            return nil
        }

        var fieldErrors: [RuleFileError] = []
        let fields = JSONObjectFields(members, at: document.position, allowed: ["defaultSeconds", "shops"],
                                      context: "the reply limits", errors: &fieldErrors)
        for error in fieldErrors {
            problems.append(.init(line: error.line, column: error.column, field: nil, message: error.message))
        }

        var defaultSeconds: Int? = ReplyLimits.defaultSeconds
        if let value = fields["defaultSeconds"] {
            defaultSeconds = seconds(value, field: "defaultSeconds")
        }
        var shops: [String: Int]? = [:]
        if let value = fields["shops"] {
            shops = shopLimits(value)
        }

        guard let defaultSeconds, let shops, problems.isEmpty else { return nil }
        return ReplyLimits(defaultSeconds: defaultSeconds, shops: shops)
    }

    private mutating func shopLimits(_ value: PositionedJSON) -> [String: Int]? {
        guard case .object(let members) = value.kind else {
            fail(value, field: "shops", "must be an object of shop ids and seconds, such as {\"shop-x\": 120}, "
                + "found \(value.typeName)")
            return nil
        }

        var shops: [String: Int] = [:]
        var firstLines: [String: Int] = [:]
        var valid = true
        for member in members {
            let field = "shops[\"\(member.key)\"]"
            if let firstLine = firstLines[member.key] {
                fail(at: member.keyPosition, field: field, "the shop is listed twice (first at line \(firstLine))")
                valid = false
                continue
            }
            firstLines[member.key] = member.keyPosition.line

            if member.key.trimmingCharacters(in: .whitespaces).isEmpty {
                fail(at: member.keyPosition, field: field, "the shop id is empty")
                valid = false
            } else if member.key.contains("/") {
                fail(at: member.keyPosition, field: field,
                     "shop ids cannot contain \"/\", so no chat message would match this one")
                valid = false
            }
            if let limit = seconds(member.value, field: field) {
                shops[member.key] = limit
            } else {
                valid = false
            }
        }
        return valid ? shops : nil
    }

    /// Reads a whole number of seconds within ``ReplyLimits/allowedSeconds``.
    private mutating func seconds(_ value: PositionedJSON, field: String) -> Int? {
        let range = ReplyLimits.allowedSeconds
        guard case .number(let text) = value.kind else {
            fail(value, field: field, "must be a whole number of seconds, found \(value.typeName)")
            return nil
        }
        guard let number = Int(text) else {
            fail(value, field: field, "must be a whole number of seconds, found \(text)")
            return nil
        }
        guard range.contains(number) else {
            fail(value, field: field, "\(number) s is out of range: use \(range.lowerBound) to \(range.upperBound) seconds")
            return nil
        }
        return number
    }

    private mutating func fail(_ value: PositionedJSON, field: String?, _ message: String) {
        fail(at: value.position, field: field, message)
    }

    private mutating func fail(at position: SourcePosition, field: String?, _ message: String) {
        problems.append(.init(line: position.line, column: position.column, field: field, message: message))
    }
}

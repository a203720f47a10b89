import Foundation
import VigilContracts
import VigilJSON
import VigilRuntime

/// Reads a routes file: JSON of the form `{"routes": [ … ]}`, one object per robot.
///
/// Every problem is reported with its line and column, all at once. Signing
/// secrets never appear in the file: a route names the environment variable
/// that contains its secret (`secretEnv`), and that variable must be set.
public enum RoutesFile {
    static let routeFields: Set<String> = ["id", "team", "site", "default", "kind", "url", "secretEnv", "minSeverity",
                                           "language", "note"]

    /// Reads and checks the file at `path`.
    ///
    /// - Throws: ``RoutesFileErrors`` for problems in the file, or a
    ///   ``RoutesFileError`` at line 0 when the file cannot be read.
    public static func load(path: String, environment: [String: String]) throws -> RouteTable {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RoutesFileErrors([RoutesFileError(line: 0, column: 0, message: "failed to read the routes file \(path)")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw RoutesFileErrors([RoutesFileError(line: 0, column: 0, message: "the routes file \(path) is not UTF-8")])
        }
        return try parse(text, environment: environment)
    }

    /// Checks routes-file text; `environment` supplies the secrets that `secretEnv` names.
    public static func parse(_ text: String, environment: [String: String]) throws(RoutesFileErrors) -> RouteTable {
        let root: PositionedJSON
        do {
            root = try PositionedJSONParser.parse(text)
        } catch {
            throw RoutesFileErrors([RoutesFileError(line: error.position.line, column: error.position.column,
                                                    message: error.message)])
        }

        var reader = RouteReader(environment: environment)
        let routes = reader.readFile(root)
        guard reader.errors.isEmpty else {
            throw RoutesFileErrors(reader.errors)
        }
        return RouteTable(routes: routes)
    }
}

/// Turns the parsed JSON into routes, collecting every error on the way.
struct RouteReader {
    let environment: [String: String]
    var errors: [RoutesFileError] = []

    init(environment: [String: String]) {
        self.environment = environment
    }

    mutating func readFile(_ root: PositionedJSON) -> [NotificationRoute] {
        guard case .object(let members) = root.kind else {
            report(root, "the routes file must be a JSON object with a \"routes\" array, not \(root.routesTypeName)")
            return []
        }
        for member in members where member.key != "routes" {
            report(member, "unknown field \"\(member.key)\": the file has only \"routes\"")
        }
        let routesMembers = members.filter { $0.key == "routes" }
        guard let routesMember = routesMembers.first else {
            report(root, "missing field \"routes\": list the robots in a \"routes\" array")
            return []
        }
        for duplicate in routesMembers.dropFirst() {
            report(duplicate, "field \"routes\" appears more than once")
        }
        guard case .array(let elements) = routesMember.value.kind else {
            report(routesMember.value, "\"routes\" must be an array, not \(routesMember.value.routesTypeName)")
            return []
        }
        if elements.isEmpty {
            report(routesMember.value, "\"routes\" is empty: add at least one robot")
        }

        var routes: [NotificationRoute] = []
        var seenIds: [String: Int] = [:]
        for element in elements {
            guard let route = readRoute(element) else { continue }
            if let firstLine = seenIds[route.id] {
                report(element, "route \"\(route.id)\" is the same robot and scope as the route on line \(firstLine); "
                    + "remove one or give each a different \"id\"")
                continue
            }
            seenIds[route.id] = element.position.line
            routes.append(route)
        }
        return routes
    }

    // MARK: - One route

    private mutating func readRoute(_ element: PositionedJSON) -> NotificationRoute? {
        guard case .object(let members) = element.kind else {
            report(element, "a route must be an object, not \(element.routesTypeName)")
            return nil
        }
        var fields: [String: PositionedJSON.Member] = [:]
        for member in members {
            if member.key == "secret" {
                report(member, "do not put the signing secret in the file: store it in an environment variable "
                    + "and name that variable in \"secretEnv\"")
            } else if !RoutesFile.routeFields.contains(member.key) {
                report(member, "unknown field \"\(member.key)\"; known fields: "
                    + RoutesFile.routeFields.sorted().joined(separator: ", "))
            } else if fields[member.key] != nil {
                report(member, "field \"\(member.key)\" appears more than once")
            } else {
                fields[member.key] = member
            }
        }
        let errorCount = errors.count

        let scope = readScope(fields, route: element)
        let kind = readKind(fields, route: element)
        let url = readURL(fields, route: element)
        let secret = readSecret(fields, kind: kind)
        let minSeverity = readEnum(fields["minSeverity"], default: Severity.low, allowed: Severity.allCases.map(\.rawValue)) {
            Severity(rawValue: $0)
        }
        let language = readEnum(fields["language"], default: Language.chinese, allowed: ["zh-CN", "en"]) {
            switch $0 {
            case "zh-CN": .chinese
            case "en": .english
            default: nil
            }
        }
        let explicitId = readString(fields["id"])
        if let note = fields["note"] {
            _ = readString(note)
        }

        guard errors.count == errorCount, let scope, let kind, let url else { return nil }
        let id = explicitId ?? "\(scope)/\(kind.rawValue)/\(SHA256.hex(url.text).prefix(12))"
        return NotificationRoute(id: id, scope: scope, kind: kind, url: url, secret: secret, minSeverity: minSeverity,
                                 language: language)
    }

    private mutating func readScope(_ fields: [String: PositionedJSON.Member], route: PositionedJSON) -> RouteScope? {
        let given = ["team", "site", "default"].compactMap { fields[$0] }
        guard given.count == 1, let member = given.first else {
            report(given.dropFirst().first, or: route,
                   "a route needs exactly one of \"team\", \"site\" or \"default\": true")
            return nil
        }
        switch member.key {
        case "default":
            guard case .bool(true) = member.value.kind else {
                report(member.value, "\"default\" must be true; leave it out for team and site routes")
                return nil
            }
            return .fallback
        case "team":
            return readString(member).map(RouteScope.team)
        default:
            return readString(member).map(RouteScope.site)
        }
    }

    private mutating func readKind(_ fields: [String: PositionedJSON.Member], route: PositionedJSON) -> RobotKind? {
        guard let member = fields["kind"] else {
            report(route, "missing field \"kind\": \"dingtalk\" or \"wecom\"")
            return nil
        }
        guard let text = readString(member) else { return nil }
        guard let kind = RobotKind(rawValue: text) else {
            report(member.value, "invalid \"kind\" \"\(text)\": expected \"dingtalk\" or \"wecom\"")
            return nil
        }
        return kind
    }

    private mutating func readURL(_ fields: [String: PositionedJSON.Member], route: PositionedJSON) -> WebhookURL? {
        guard let member = fields["url"] else {
            report(route, "missing field \"url\": the robot's webhook address")
            return nil
        }
        guard let text = readString(member) else { return nil }
        do {
            return try WebhookURL(validating: text)
        } catch {
            // The message never repeats the address, because it carries the robot's token.
            report(member.value, "\"url\" \(error.reason)")
            return nil
        }
    }

    private mutating func readSecret(_ fields: [String: PositionedJSON.Member], kind: RobotKind?) -> String? {
        guard let member = fields["secretEnv"] else { return nil }
        guard let name = readString(member) else { return nil }
        guard kind != .wecom else {
            report(member, "\"secretEnv\" applies only to DingTalk robots; WeCom robots do not sign requests")
            return nil
        }
        guard let secret = environment[name], !secret.isEmpty else {
            report(member.value, "the environment variable \(name) named in \"secretEnv\" is not set or is empty")
            return nil
        }
        return secret
    }

    // MARK: - Values

    private mutating func readString(_ member: PositionedJSON.Member?) -> String? {
        guard let member else { return nil }
        guard case .string(let text) = member.value.kind else {
            report(member.value, "\"\(member.key)\" must be a string, not \(member.value.routesTypeName)")
            return nil
        }
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            report(member.value, "\"\(member.key)\" must not be empty")
            return nil
        }
        return text
    }

    private mutating func readEnum<Value>(_ member: PositionedJSON.Member?, default defaultValue: Value,
                                          allowed: [String], make: (String) -> Value?) -> Value {
        guard let member, let text = readString(member) else { return defaultValue }
        guard let value = make(text) else {
            report(member.value, "invalid \"\(member.key)\" \"\(text)\": expected "
                + allowed.map { "\"\($0)\"" }.joined(separator: ", "))
            return defaultValue
        }
        return value
    }

    // MARK: - Errors

    private mutating func report(_ value: PositionedJSON, _ message: String) {
        errors.append(RoutesFileError(line: value.position.line, column: value.position.column, message: message))
    }

    private mutating func report(_ member: PositionedJSON.Member, _ message: String) {
        errors.append(RoutesFileError(line: member.keyPosition.line, column: member.keyPosition.column,
                                      message: message))
    }

    private mutating func report(_ member: PositionedJSON.Member?, or value: PositionedJSON, _ message: String) {
        if let member {
            report(member, message)
        } else {
            report(value, message)
        }
    }
}

// MARK: - Type names

extension PositionedJSON {
    /// A short name of the value's type in the routes file's own words ("an array", "true or false").
    ///
    /// Routes-file messages use JSON's terms, where the shared ``typeName`` returns "a list" and "a boolean".
    var routesTypeName: String {
        switch kind {
        case .array: "an array"
        case .bool: "true or false"
        default: typeName
        }
    }
}

import Testing
import VigilContracts
@testable import Notifier

@Suite("Routes file")
struct RoutesFileTests {
    static let sample = """
        {
          "routes": [
            {"team": "T-hf-b", "kind": "dingtalk", "url": "https://oapi.dingtalk.com/robot/send?access_token=aaa",
             "secretEnv": "HF_B_SECRET", "minSeverity": "high"},
            {"team": "T-hf-b", "kind": "wecom", "url": "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=bbb",
             "language": "en"},
            {"site": "hf", "kind": "wecom", "url": "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=ccc",
             "minSeverity": "critical"},
            {"default": true, "id": "brand-room", "kind": "dingtalk",
             "url": "https://oapi.dingtalk.com/robot/send?access_token=ddd", "note": "品牌方值班群"}
          ]
        }
        """

    private func errors(_ text: String, environment: [String: String] = [:]) -> [RoutesFileError] {
        do {
            _ = try RoutesFile.parse(text, environment: environment)
            return []
        } catch {
            return error.errors
        }
    }

    @Test("reads every field")
    func readsFields() throws {
        let table = try routeTable(Self.sample, environment: ["HF_B_SECRET": "SECabc"])
        #expect(table.routes.count == 4)

        let first = table.routes[0]
        #expect(first.scope == .team("T-hf-b"))
        #expect(first.kind == .dingtalk)
        #expect(first.secret == "SECabc")
        #expect(first.minSeverity == .high)
        #expect(first.language == .chinese)
        #expect(first.id.hasPrefix("team:T-hf-b/dingtalk/"))
        #expect(first.url.masked == "https://oapi.dingtalk.com/robot/send?access_token=***")

        #expect(table.routes[1].language == .english)
        #expect(table.routes[1].minSeverity == .low)
        #expect(table.routes[2].scope == .site("hf"))
        #expect(table.routes[3].scope == .fallback)
        #expect(table.routes[3].id == "brand-room")
    }

    @Test("credentials list every query value and signing secret, for the log redaction")
    func credentials() throws {
        let table = try routeTable(Self.sample, environment: ["HF_B_SECRET": "SECabc"])
        #expect(Set(table.credentials) == ["aaa", "bbb", "ccc", "ddd", "SECabc"])
    }

    @Test("derived ids do not depend on order")
    func stableIds() throws {
        let environment = ["HF_B_SECRET": "SECabc"]
        let table = try routeTable(Self.sample, environment: environment)
        let lines = Self.sample.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // Swap the two team routes: lines 3–4 and 5–6 of the file, both ending in "},".
        let swapped = (lines[0..<2] + lines[4..<6] + lines[2..<4] + lines[6...]).joined(separator: "\n")
        let reordered = try routeTable(swapped, environment: environment)
        #expect(Set(reordered.routes.map(\.id)) == Set(table.routes.map(\.id)))
        #expect(reordered.routes[0].kind == .wecom)
    }

    @Test("syntax error names line and column")
    func syntaxError() {
        let found = errors("{\n  \"routes\": [\n    {\"team\": \"T1\" \"kind\": \"wecom\"}\n  ]\n}")
        #expect(found.count == 1)
        #expect(found.first?.line == 3)
        #expect(found.first?.column == 19)
    }

    @Test("every semantic error is reported with its line")
    func semanticErrors() {
        let text = """
            {
              "routes": [
                {"team": "T1", "kind": "slack", "url": "https://example.invalid/hook"},
                {"site": "hf", "kind": "wecom", "url": "ftp://example.invalid/hook"},
                {"team": "T2", "site": "hf", "kind": "wecom", "url": "https://example.invalid/a"},
                {"default": true, "kind": "dingtalk", "url": "https://example.invalid/b", "secretEnv": "UNSET"},
                {"default": true, "kind": "dingtalk", "url": "https://example.invalid/c", "secret": "SEC123"},
                {"team": "T3", "kind": "wecom", "url": "https://example.invalid/d", "minSeverity": "urgent"},
                {"team": "T3", "kind": "wecom", "url": "https://example.invalid/e", "secretEnv": "X"},
                {"team": "T4", "kind": "wecom", "url": "https://example.invalid/f", "colour": "red"}
              ]
            }
            """
        let found = errors(text, environment: ["X": "value"])
        #expect(found.map(\.line) == [3, 4, 5, 6, 7, 8, 9, 10])
        #expect(found[0].message.contains("\"slack\""))
        #expect(found[1].message.contains("http:// or https://"))
        #expect(found[2].message.contains("exactly one of"))
        #expect(found[3].message.contains("UNSET"))
        #expect(found[4].message.contains("environment variable"))
        #expect(!found[4].message.contains("SEC123"), "the message must not repeat the secret")
        #expect(found[5].message.contains("urgent"))
        #expect(found[6].message.contains("only to DingTalk"))
        #expect(found[7].message.contains("colour"))
    }

    @Test("duplicate robot in one scope rejected")
    func duplicateRoute() {
        let text = """
            {"routes": [
              {"team": "T1", "kind": "wecom", "url": "https://example.invalid/hook?key=1"},
              {"team": "T1", "kind": "wecom", "url": "https://example.invalid/hook?key=1"}
            ]}
            """
        let found = errors(text)
        #expect(found.count == 1)
        #expect(found.first?.line == 3)
        #expect(found.first?.message.contains("line 2") == true)
    }

    @Test("invalid URL message hides the token")
    func urlErrorHidesToken() {
        let found = errors(#"{"routes": [{"team": "T1", "kind": "wecom", "url": "gopher://host/x?key=tok-42"}]}"#)
        #expect(found.count == 1)
        #expect(!found[0].description.contains("tok-42"))
    }

    @Test("missing routes array and empty file rejected")
    func structureErrors() {
        #expect(errors("{}").first?.message.contains("missing field \"routes\"") == true)
        #expect(errors(#"{"routes": []}"#).first?.message.contains("empty") == true)
        #expect(errors("[]").first?.message.contains("JSON object") == true)
        #expect(errors("").first?.message.contains("end of file") == true)
    }
}

@Suite("Webhook URL")
struct WebhookURLTests {
    @Test("masks every query value")
    func masksQuery() throws {
        let url = try WebhookURL(validating: "https://qyapi.weixin.qq.com:8443/cgi-bin/webhook/send?key=abc-123&debug")
        #expect(url.masked == "https://qyapi.weixin.qq.com:8443/cgi-bin/webhook/send?key=***&debug")
        #expect(url.redact("could not post to .../send?key=abc-123") == "could not post to .../send?key=***")
    }

    @Test("rejects other schemes, user info and fragments", arguments: [
        "file:///etc/passwd", "ftp://host/x", "https://user:pw@host/x", "https://host/x#frag", "not a url", "https://",
        "",
    ])
    func rejects(_ text: String) {
        #expect(throws: WebhookURLError.self) { try WebhookURL(validating: text) }
    }
}

@Suite("Route table")
struct RouteTableTests {
    static let text = """
        {"routes": [
          {"team": "T-hf-b", "kind": "dingtalk", "url": "https://example.invalid/team-ding", "minSeverity": "high"},
          {"team": "T-hf-b", "kind": "wecom", "url": "https://example.invalid/team-wecom", "minSeverity": "critical"},
          {"team": "T-only-critical", "kind": "wecom", "url": "https://example.invalid/oc", "minSeverity": "critical"},
          {"site": "hf", "kind": "wecom", "url": "https://example.invalid/site-hf", "minSeverity": "medium"},
          {"default": true, "kind": "wecom", "url": "https://example.invalid/default"}
        ]}
        """

    private func targets(_ alert: Alert) throws -> [String] {
        try routeTable(Self.text).routes(for: alert).map { String($0.url.text.split(separator: "/").last ?? "") }
    }

    @Test("team routes come first")
    func teamRoutes() throws {
        #expect(try targets(makeAlert(severity: .critical, team: "T-hf-b")) == ["team-ding", "team-wecom"])
        #expect(try targets(makeAlert(severity: .high, team: "T-hf-b")) == ["team-ding"])
        #expect(try targets(makeAlert(severity: .medium, team: "T-hf-b")) == [])
    }

    @Test("site route when the team has none")
    func siteRoutes() throws {
        #expect(try targets(makeAlert(severity: .medium, team: "T-hf-c", site: "hf")) == ["site-hf"])
        #expect(try targets(makeAlert(severity: .low, team: "T-hf-c", site: "hf")) == [])
        #expect(try targets(makeAlert(severity: .high, team: nil, site: "hf")) == ["site-hf"])
    }

    @Test("default route when neither has one")
    func defaultRoute() throws {
        #expect(try targets(makeAlert(severity: .low, team: "T-sh-a", site: "sh")) == ["default"])
        #expect(try targets(makeAlert(severity: .low, team: nil, site: "cd")) == ["default"])
    }

    @Test("severity filter does not fall through to the site")
    func noFallThrough() throws {
        #expect(try targets(makeAlert(severity: .high, team: "T-only-critical", site: "hf")) == [])
    }
}

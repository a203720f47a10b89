import Foundation
import Testing
import VigilContracts
import VigilRuntime
import VigilTestSupport

/// Runs the HTTP intake, the stream services, the notifier and `vigil` at
/// debug level with librdkafka's own debug output. They get tokens, Kafka
/// passwords and robot credentials in every way they take them, and no log
/// may contain any of these values.
@Suite("Secrets in logs", .serialized)
struct SecretsInLogsTests {
    static let siteToken = "tok-sh-Q7v2mX9kW4"
    static let brandToken = "tok-brand-L4p8nR2wJ6"
    static let wrongToken = "tok-wrong-Z3c6bT1yH8"
    static let flagPassword = "Flag-Pw-5Kd9s2Lq"
    static let environmentPassword = "Env-Pw-8Hs2x7Vt"
    static let filePassword = "File-Pw-3Jq7m4Rz"
    static let robotToken = "robot-token-6Ne1p9Cu"
    static let robotSecret = "SECrobot2Wm8k5Ta"

    static var secrets: [String] {
        [siteToken, brandToken, wrongToken, flagPassword, environmentPassword, filePassword, robotToken, robotSecret]
    }

    @Test("logs contain no secret")
    func noSecretsLogged() throws {
        let harness = try PipelineHarness()
        defer { harness.stop() }
        let inputs = harness.work.appendingPathComponent("inputs")
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
        try harness.ingest([SharedData.packageRoot.appendingPathComponent("samples/roster.ndjson")])

        // Every service logs at debug level, with librdkafka's configuration
        // and security debugging on, and a password from flag, environment or file.
        let debug = ["--log-level", "debug", "--kafka", "debug=conf,security,broker"]
        let config = inputs.appendingPathComponent("scoring.conf")
        try "kafka = ssl.key.password=\(Self.filePassword)\n".write(to: config, atomically: true, encoding: .utf8)
        let store = { (name: String) in ["--store", harness.work.appendingPathComponent("\(name).sqlite").path] }
        _ = try harness.startProcess("vigil-alerting", store("alerting") + debug + [
            "--rules", SharedData.packageRoot.appendingPathComponent("rules/default.json").path,
            "--kafka", "sasl.password=\(Self.flagPassword)",
        ], log: "vigil-alerting")
        _ = try harness.startProcess("vigil-escalation", store("escalation") + debug, log: "vigil-escalation",
                                     environment: ["VIGIL_KAFKA": "sasl.password=\(Self.environmentPassword)"])
        _ = try harness.startProcess("vigil-scoring", store("scoring") + debug + [
            "--config", config.path, "--scorecard", PipelineScorecard.defaultFile.path,
        ], log: "vigil-scoring")

        // The robot's address is a closed port, so every delivery fails and is logged with its error.
        let routes = inputs.appendingPathComponent("routes.json")
        try """
            {"routes": [{"default": true, "kind": "dingtalk", "secretEnv": "ROBOT_SECRET",
                         "url": "http://127.0.0.1:1/robot/send?access_token=\(Self.robotToken)"}]}
            """.write(to: routes, atomically: true, encoding: .utf8)
        _ = try harness.startProcess("vigil-notify", store("notify") + debug + [
            "--routes", routes.path, "--max-age", "100000000", "--retry-delay", "100",
            "--kafka", "sasl.password=\(Self.flagPassword)",
        ], log: "vigil-notify", environment: ["ROBOT_SECRET": Self.robotSecret])

        let port = try startIntake(harness: harness, inputs: inputs, debug: debug)
        let answers = try postWithTokens(port: port)
        #expect(answers == [401, 401, 200, 200],
                "wrong token, token in the query, the site's token, the brand's token: \(answers)")

        try harness.waitUntilIdle()
        let lag = try harness.runVigil(["lag", "--log-level", "debug", "--kafka", "sasl.password=\(Self.flagPassword)",
                                        "--kafka", "debug=conf,security"])
        #expect(lag.status == 0)
        Thread.sleep(forTimeInterval: 2)
        harness.stop()

        let logs = try FileManager.default.contentsOfDirectory(atPath: harness.work.path).filter { $0.hasSuffix(".log") }
        let texts = try logs.map { ($0, try String(contentsOf: harness.work.appendingPathComponent($0), encoding: .utf8)) }
        // The logs must be there to prove anything: the intake logged requests, librdkafka its configuration.
        #expect(harness.log("vigil-ingest-http").contains("vigil.http"), "the intake logged at debug level")
        #expect(harness.log("vigil-alerting").contains("sasl.password"), "librdkafka dumped its configuration")
        #expect(harness.log("vigil-notify").contains("delivery attempt failed"), "the notifier logged failed deliveries")
        for (name, text) in texts {
            for secret in Self.secrets {
                let leaked = text.contains(secret)
                #expect(!leaked, "\(name) contains \(secret)")
            }
        }
    }

    /// Starts `vigil-ingest serve` with a tokens file of SHA-256 digests and a Kafka password, and returns its port.
    private func startIntake(harness: PipelineHarness, inputs: URL, debug: [String]) throws -> Int {
        let tokens = inputs.appendingPathComponent("tokens.json")
        try """
            {"tokens": [
              {"site": "sh", "name": "上海站点", "sha256": "\(SHA256.hex(Self.siteToken))"},
              {"site": "*", "name": "品牌方", "sha256": "\(SHA256.hex(Self.brandToken))"}
            ]}
            """.write(to: tokens, atomically: true, encoding: .utf8)
        let portFile = inputs.appendingPathComponent("port")
        _ = try harness.startProcess("vigil-ingest", [
            "serve", "--listen", "127.0.0.1:0", "--port-file", portFile.path, "--tokens", tokens.path,
            "--store", harness.work.appendingPathComponent("ingest-http.sqlite").path,
            "--kafka", "sasl.password=\(Self.flagPassword)",
        ] + debug, log: "vigil-ingest-http")
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            if let text = try? String(contentsOf: portFile, encoding: .utf8),
               let port = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                return port
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw HarnessError("vigil-ingest serve did not listen:\n\(harness.logTail("vigil-ingest-http"))")
    }

    /// Posts the sample chats three times: with a wrong token, with the
    /// site's token in the query string only, and with the site's token.
    /// Then posts the sample complaints with the brand's token, and returns the statuses.
    private func postWithTokens(port: Int) throws -> [Int] {
        let samples = SharedData.packageRoot.appendingPathComponent("samples")
        let chats = try Array(Data(contentsOf: samples.appendingPathComponent("chats-sample.ndjson")))
        let complaints = try Array(Data(contentsOf: samples.appendingPathComponent("complaints-sample.ndjson")))
        let requests: [(String, String?, [UInt8])] = [
            ("/v1/messages", Self.wrongToken, chats), ("/v1/messages?access_token=\(Self.siteToken)", nil, chats),
            ("/v1/messages", Self.siteToken, chats), ("/v1/complaints", Self.brandToken, complaints),
        ]
        var statuses: [Int] = []
        for (target, token, body) in requests {
            var headers = [("Content-Type", "application/x-ndjson")]
            if let token {
                headers.append(("Authorization", "Bearer \(token)"))
            }
            let connection = try TestConnection(port: port, timeoutSeconds: 30)
            statuses.append(try connection.exchange("POST", target, headers: headers, body: body).status)
        }
        return statuses
    }
}

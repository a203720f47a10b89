import Foundation
import Testing
import VigilContracts
import VigilRuntime

@Suite("Config file")
struct ConfigFileTests {
    let options = CommandLineOptions(ServiceConfiguration.options(serviceName: "vigil-test"))

    /// Writes `text` to a new temporary file and returns its path.
    private func file(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-\(UUID().uuidString).conf").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("flag beats environment beats file beats default")
    func precedence() throws {
        let path = try file("""
            # Vigil settings
            bootstrap-servers = file:9092
            store = file.sqlite
            group-id = file-group

            kafka = security.protocol=SASL_SSL
            kafka = sasl.mechanisms=SCRAM-SHA-512
            """)
        let parsed = try options.parse(["--config", path, "--bootstrap-servers", "flag:9092"],
                                       environment: ["VIGIL_STORE": "env.sqlite"])

        #expect(parsed.value("bootstrap-servers") == "flag:9092")
        #expect(parsed.value("store") == "env.sqlite")
        #expect(parsed.value("group-id") == "file-group")
        #expect(parsed.values("kafka") == ["security.protocol=SASL_SSL", "sasl.mechanisms=SCRAM-SHA-512"])
        #expect(parsed.value("log-level") == "info")
    }

    @Test("the file can come from the environment")
    func pathFromEnvironment() throws {
        let path = try file("group-id = from-file\n")
        let parsed = try options.parse([], environment: ["VIGIL_CONFIG": path])
        #expect(parsed.value("group-id") == "from-file")
    }

    @Test("errors name the file and line", arguments: [
        ("store = a.sqlite\nnot a setting\n", ":2: expected name = value"),
        ("colour = blue\n", ":1: unknown setting \"colour\""),
        ("store = a.sqlite\nstore = b.sqlite\n", ":2: store is set twice"),
    ])
    func errors(text: String, message: String) throws {
        let path = try file(text)
        let error = #expect(throws: UsageError.self) { _ = try options.parse(["--config", path], environment: [:]) }
        #expect(error?.message.contains(path + message) == true, "\(error?.message ?? "")")
    }

    @Test("a missing file is a usage error")
    func missingFile() {
        #expect(throws: UsageError.self) {
            _ = try options.parse(["--config", "/nonexistent/vigil.conf"], environment: [:])
        }
    }
}

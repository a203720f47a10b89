import Foundation
import Testing
import VigilContracts
import VigilRuntime

@Suite("Log redaction from the settings")
struct LogRedactionSettingsTests {
    let options = CommandLineOptions(ServiceConfiguration.options(serviceName: "vigil-test"))

    private func configuration(_ arguments: [String], environment: [String: String] = [:]) throws -> ServiceConfiguration {
        try ServiceConfiguration(serviceName: "vigil-test", options: options.parse(arguments, environment: environment))
    }

    @Test("sensitive Kafka properties are hidden, and the others shown")
    func kafkaSecrets() throws {
        let settings = try configuration(["--kafka", "sasl.password=FlagPass-42", "--kafka", "sasl.username=vigil",
                                          "--kafka", "ssl.key.password=KeyPass-43"])
        let text = "auth failed for vigil with FlagPass-42 and KeyPass-43"
        #expect(settings.logRedaction.apply(text) == "auth failed for vigil with *** and ***")
    }

    @Test("sensitive Kafka properties from the environment and the config file are hidden")
    func kafkaSecretsFromEnvironmentAndFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-\(UUID().uuidString).conf").path
        try "kafka = ssl.key.password=FilePass-77\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let fromFile = try configuration(["--config", path])
        let fromEnvironment = try configuration(
            [], environment: ["VIGIL_KAFKA": "ssl.keystore.password=EnvSecret-9;sasl.password=EnvPass-8"])

        #expect(fromFile.logRedaction.apply("key FilePass-77") == "key ***")
        #expect(fromEnvironment.logRedaction.apply("EnvSecret-9, EnvPass-8") == "***, ***")
    }

    @Test("further secrets join the Kafka ones")
    func logSecrets() throws {
        var settings = try configuration([])
        settings.logSecrets = ["robot-token-1"]
        #expect(settings.logRedaction.apply("posting to ?access_token=robot-token-1") == "posting to ?access_token=***")
    }

    @Test("personal numbers are masked")
    func personalNumbers() throws {
        let settings = try configuration([])
        #expect(settings.logRedaction.apply("invalid time \"13812345678\"") == "invalid time \"138****5678\"")
    }

    @Test("the logger of the settings redacts")
    func loggerRedacts() throws {
        let settings = try configuration(["--kafka", "sasl.password=FlagPass-42"])
        #expect(settings.logger.redaction?.apply("FlagPass-42") == "***")
    }

    @Test("a Kafka property without = is refused without quoting it")
    func malformedPropertyNotQuoted() throws {
        let error = #expect(throws: UsageError.self) {
            _ = try configuration(["--kafka", "security.protocol=SASL_SSL", "--kafka", "sasl.password:Typo-Pass-5"])
        }
        #expect(error?.message.contains("number 2") == true, "\(error?.message ?? "")")
        #expect(error?.message.contains("Typo-Pass-5") == false)
    }

    @Test("a config line without = is refused without quoting it")
    func malformedLineNotQuoted() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-\(UUID().uuidString).conf").path
        try "kafka sasl.password Typo-Pass-6\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let error = #expect(throws: UsageError.self) { _ = try configuration(["--config", path]) }
        #expect(error?.message.contains(":1: expected name = value") == true, "\(error?.message ?? "")")
        #expect(error?.message.contains("Typo-Pass-6") == false)
    }
}

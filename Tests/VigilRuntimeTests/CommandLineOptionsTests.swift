import Testing
import VigilContracts
import VigilLog
import VigilRuntime

@Suite("Command-line options")
struct CommandLineOptionsTests {
    let options = CommandLineOptions(ServiceConfiguration.options(serviceName: "vigil-test") + [
        .flag("dry-run", help: LocalizedText(chinese: "试运行", english: "dry run")),
    ])

    @Test("flag beats environment beats default")
    func precedence() throws {
        let environment = ["VIGIL_BOOTSTRAP_SERVERS": "env:9092", "VIGIL_STORE": "env.sqlite"]
        let parsed = try options.parse(["--bootstrap-servers", "flag:9092"], environment: environment)
        #expect(parsed.value("bootstrap-servers") == "flag:9092")
        #expect(parsed.value("store") == "env.sqlite")
        #expect(parsed.value("group-id") == "vigil-test")
    }

    @Test("inline values and positionals")
    func inlineValues() throws {
        let parsed = try options.parse(["a.ndjson", "--store=x.sqlite", "--dry-run", "--", "--not-an-option"],
                                       environment: [:])
        #expect(parsed.value("store") == "x.sqlite")
        #expect(parsed.flag("dry-run"))
        #expect(parsed.positionals == ["a.ndjson", "--not-an-option"])
    }

    @Test("unknown option rejected")
    func unknownOption() {
        #expect(throws: UsageError.self) {
            _ = try options.parse(["--no-such-option"], environment: [:])
        }
    }

    @Test("missing value rejected")
    func missingValue() {
        #expect(throws: UsageError.self) {
            _ = try options.parse(["--store"], environment: [:])
        }
    }

    @Test("repeated single option rejected")
    func repeatedOption() {
        #expect(throws: UsageError.self) {
            _ = try options.parse(["--store", "a", "--store", "b"], environment: [:])
        }
    }

    @Test("Kafka properties from flags and environment")
    func kafkaProperties() throws {
        let fromFlags = try options.parse(["--kafka", "security.protocol=SASL_SSL", "--kafka", "sasl.mechanism=SCRAM-SHA-512"],
                                          environment: [:])
        let configuration = try ServiceConfiguration(serviceName: "vigil-test", options: fromFlags)
        #expect(configuration.kafkaProperties == ["security.protocol": "SASL_SSL", "sasl.mechanism": "SCRAM-SHA-512"])
        #expect(configuration.clientProperties["bootstrap.servers"] == "127.0.0.1:9092")

        let fromEnvironment = try options.parse([], environment: ["VIGIL_KAFKA": "client.rack=r1;sasl.username=x=y"])
        let second = try ServiceConfiguration(serviceName: "vigil-test", options: fromEnvironment)
        #expect(second.kafkaProperties == ["client.rack": "r1", "sasl.username": "x=y"])
    }

    @Test("unknown Kafka property is a usage error")
    func unknownKafkaProperty() throws {
        let parsed = try options.parse(["--kafka", "no.such.property=1"], environment: [:])
        let error = #expect(throws: UsageError.self) {
            _ = try ServiceConfiguration(serviceName: "vigil-test", options: parsed)
        }
        #expect(error?.message.contains("no.such.property") == true)
    }

    @Test("invalid log level rejected")
    func invalidLogLevel() throws {
        let parsed = try options.parse(["--log-level", "loud"], environment: [:])
        #expect(throws: UsageError.self) {
            _ = try ServiceConfiguration(serviceName: "vigil-test", options: parsed)
        }
    }

    @Test("language defaults to Chinese")
    func languageDefault() {
        #expect(ProcessEnvironment.language([:]) == .chinese)
        #expect(ProcessEnvironment.language(["LANG": "en_US.UTF-8"]) == .chinese)
        #expect(ProcessEnvironment.language(["VIGIL_LANG": "en"]) == .english)
    }
}

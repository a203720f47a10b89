import Testing
import VigilRuntime

@Suite("Stage configurations")
struct StageConfigurationTests {
    private func configuration(store: String) throws -> ServiceConfiguration {
        let options = CommandLineOptions(ServiceConfiguration.options(serviceName: "vigil-scoring"))
        return try ServiceConfiguration(serviceName: "vigil-scoring",
                                        options: options.parse(["--store", store], environment: [:]))
    }

    @Test("later stage gets own group and store")
    func laterStage() throws {
        let configuration = try configuration(store: "/var/lib/vigil/vigil-scoring.sqlite")

        let totals = configuration.stage("totals")

        #expect(totals.groupId == "vigil-scoring-totals")
        #expect(totals.storePath == "/var/lib/vigil/vigil-scoring-totals.sqlite")
        #expect(totals.stage == "totals")
        #expect(totals.logger.metadata["vigil.stage"] == "totals")
    }

    @Test("first stage keeps group and store")
    func firstStage() throws {
        let configuration = try configuration(store: "/var/lib/vigil/vigil-scoring.sqlite")

        let facts = configuration.stage("facts", keepsGroupAndStore: true)

        #expect(facts.groupId == "vigil-scoring")
        #expect(facts.storePath == "/var/lib/vigil/vigil-scoring.sqlite")
        #expect(facts.logger.metadata["vigil.stage"] == "facts")
        #expect(configuration.logger.metadata["vigil.stage"] == nil)
    }

    @Test("store stem loses any extension")
    func storeStem() throws {
        #expect(try configuration(store: "/srv/v1.2/state").stage("totals").storePath == "/srv/v1.2/state-totals.sqlite")
        #expect(try configuration(store: "scores.db").stage("totals").storePath == "scores-totals.sqlite")
    }
}

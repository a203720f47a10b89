import VigilContracts
import VigilKafka

/// The raw records of every topic the pipeline writes, read at one moment,
/// for comparing two runs record by record.
struct PipelineRecords {
    /// The records of each topic by catalogue base name ("alerts"), in offset
    /// order per partition, partitions in order.
    var topics: [String: [KafkaRecord]] = [:]

    /// Returns the topics the comparison covers: every service output, the
    /// case commands that `vigil case` writes, and ingestion's outputs.
    static func topics(of catalogue: TopicCatalogue) -> [TopicSpec] {
        [catalogue.alerts, catalogue.caseEvents, catalogue.caseCommands, catalogue.deadLetters,
         catalogue.scoringFacts, catalogue.scores, catalogue.chatMessages, catalogue.complaints, catalogue.orders,
         catalogue.roster]
    }

    /// Returns the records of the topic with base name `baseName`, none when it was not read.
    func records(_ baseName: String) -> [KafkaRecord] {
        topics[baseName] ?? []
    }
}

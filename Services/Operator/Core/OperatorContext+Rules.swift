import VigilContracts
import VigilKafka
import VigilRuntime

extension OperatorContext {
    /// Returns the release in force: the last record on the rules topic, or
    /// nil when the topic is empty or its last record is a tombstone.
    /// A last record that does not decode is an error, since a push must not
    /// guess which version it replaces.
    func latestRuleSetRelease() throws -> RuleSetRelease? {
        let records = try scanner.records(of: catalogue.rules).filter { !WatermarkRecords.isWatermark($0) }
        guard let last = records.max(by: { ($0.partition, $0.offset) < ($1.partition, $1.offset) }),
              !last.value.isEmpty
        else { return nil }
        do {
            return try RecordDecoding.decode(RuleSetRelease.self, from: last.value)
        } catch {
            throw UnreadableRuleSetRelease(topic: catalogue.rules.name, offset: last.offset,
                                           reason: String(describing: error))
        }
    }
}

/// The last record on the rules topic is not a release this version of Vigil can read.
struct UnreadableRuleSetRelease: Error, CustomStringConvertible {
    var topic: String
    var offset: Int64
    var reason: String

    var description: String {
        "the latest record on \(topic) (offset \(offset)) is not a rule-set release this vigil can read: \(reason)"
    }
}

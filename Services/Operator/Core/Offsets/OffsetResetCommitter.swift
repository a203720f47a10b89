import VigilKafka
import VigilLog

/// Commits an offset reset plan for its group from outside the group, and
/// only while the group has no members.
struct OffsetResetCommitter {
    /// The Kafka client properties, without a group id.
    var properties: [String: String]
    var logger: Logger

    /// The result of a commit attempt.
    enum Outcome: Equatable {
        /// The group now has the plan's offsets (read back from the broker).
        case committed
        /// The group has live members, so nothing was committed. `members` is
        /// nil when the broker cannot count them and rejected the commit
        /// instead. `reason` is the group state, or else the broker's error.
        case refused(members: Int?, reason: String)
    }

    /// Checks the group's members, commits the plan's offsets and reads them back.
    func commit(_ plan: OffsetResetPlan) throws -> Outcome {
        // First ask how many members the group has. Brokers without
        // ListGroups and DescribeGroups (librdkafka 2.0.2's mock cluster)
        // cannot say, and the broker's own check below is then the only guard.
        // NOTE: only Apache Kafka counts members; the tests' embedded broker
        // covers the path where the broker rejects the commit instead.
        let admin = try KafkaAdmin(properties: properties, logger: logger)
        do {
            let description = try admin.describeConsumerGroup(plan.group)
            if description.memberCount > 0 {
                return .refused(members: description.memberCount, reason: description.state)
            }
        } catch let error as KafkaError where error.isUnsupportedFeature {
            logger.info("broker cannot describe consumer groups, relying on its commit check", metadata: [
                "vigil.group": plan.group, "vigil.kafka.error": error.message,
            ])
        }

        var groupProperties = properties
        groupProperties["group.id"] = plan.group
        let consumer = try KafkaConsumer(properties: groupProperties, logger: logger)
        defer { consumer.close() }
        do {
            // The consumer never subscribes, so the broker accepts this commit
            // only while the group has no members.
            try consumer.commit(plan.targets, synchronously: true)
        } catch let error as KafkaError where error.rejectsCommitFromOutsideGroup {
            return .refused(members: nil, reason: error.message)
        }

        let stored = try consumer.committed(plan.rows.map(\.partition))
        let missing = plan.rows.filter { stored[$0.partition] != $0.target }
        guard missing.isEmpty else {
            let details = missing.prefix(5).map { "\($0.partition) is at \(stored[$0.partition].map(String.init) ?? "none")" }
            throw KafkaError(message: "the broker accepted the commit for group \(plan.group), but reading it back "
                + "shows other offsets: \(details.joined(separator: ", ")); run the command again to see the state")
        }
        logger.info("offsets reset", metadata: [
            "vigil.group": plan.group, "vigil.partitions": String(plan.rows.count), "vigil.time": plan.time.iso8601,
        ])
        return .committed
    }
}

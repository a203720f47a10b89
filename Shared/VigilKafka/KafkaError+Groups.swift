import CRdKafka

// MARK: - Consumer group errors

extension KafkaError {
    /// True when the broker does not implement the request, such as
    /// ListGroups and DescribeGroups on librdkafka 2.0.2's mock cluster.
    public var isUnsupportedFeature: Bool {
        code == RD_KAFKA_RESP_ERR__UNSUPPORTED_FEATURE.rawValue
            || code == RD_KAFKA_RESP_ERR_UNSUPPORTED_VERSION.rawValue
    }

    /// True when the broker rejects an offset commit because it does not come
    /// from a current member of the group: the group has members, or is
    /// rebalancing, so only its members may commit.
    public var rejectsCommitFromOutsideGroup: Bool {
        let codes: [rd_kafka_resp_err_t] = [
            RD_KAFKA_RESP_ERR_UNKNOWN_MEMBER_ID, RD_KAFKA_RESP_ERR_ILLEGAL_GENERATION,
            RD_KAFKA_RESP_ERR_REBALANCE_IN_PROGRESS, RD_KAFKA_RESP_ERR_FENCED_INSTANCE_ID,
        ]
        return codes.contains { $0.rawValue == code }
    }
}

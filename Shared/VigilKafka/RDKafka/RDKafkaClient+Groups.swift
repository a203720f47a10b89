import CRdKafka

// MARK: - Consumer groups

extension RDKafkaClient {
    /// Lists one consumer group through ListGroups and DescribeGroups
    /// (`rd_kafka_list_groups`) and returns its state and member count, or
    /// nil when no broker lists it.
    ///
    /// It uses `rd_kafka_list_groups`, which librdkafka deprecates in favour
    /// of `rd_kafka_DescribeConsumerGroups`, because in librdkafka 2.0.2
    /// destroying a handle whose DescribeConsumerGroups request failed as
    /// unsupported blocks forever, and the mock cluster makes it fail so.
    func describeGroup(_ group: String, timeoutMilliseconds: Int32) throws -> ConsumerGroupDescription? {
        // Connect first: rd_kafka_list_groups asks every broker it knows of,
        // and before the first metadata response it knows none.
        var metadata: UnsafePointer<rd_kafka_metadata>?
        let metadataResult = rd_kafka_metadata(handle, 0, nil, &metadata, timeoutMilliseconds)
        guard metadataResult == RD_KAFKA_RESP_ERR_NO_ERROR else {
            throw KafkaError(metadataResult, context: "could not reach the cluster to describe group \(group)")
        }
        rd_kafka_metadata_destroy(metadata)

        var list: UnsafePointer<rd_kafka_group_list>?
        let result = rd_kafka_list_groups(handle, group, &list, timeoutMilliseconds)
        guard result == RD_KAFKA_RESP_ERR_NO_ERROR, let list else {
            throw KafkaError(result, context: "could not describe consumer group \(group)")
        }
        defer { rd_kafka_group_list_destroy(list) }

        // Every broker answers for the groups it coordinates, so the group
        // appears at most once without an error.
        for index in 0..<Int(list.pointee.group_cnt) {
            let info = list.pointee.groups[index]
            guard let name = info.group, String(cString: name) == group else { continue }
            guard info.err == RD_KAFKA_RESP_ERR_NO_ERROR else {
                throw KafkaError(info.err, context: "could not describe consumer group \(group)")
            }
            return ConsumerGroupDescription(groupId: group, state: info.state.map { String(cString: $0) } ?? "",
                                            memberCount: Int(info.member_cnt))
        }
        return nil
    }
}

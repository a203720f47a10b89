import CRdKafka

// MARK: - Consumer groups

extension KafkaAdmin {
    /// Describes one consumer group with the DescribeGroups request.
    ///
    /// A group the broker has never seen comes back as "Dead" with no
    /// members. Throws a ``KafkaError`` whose ``KafkaError/isUnsupportedFeature``
    /// is true when the broker does not implement DescribeGroups, as
    /// librdkafka 2.0.2's mock cluster (``EmbeddedBroker``) does not.
    public func describeConsumerGroup(_ group: String,
                                      timeoutMilliseconds: Int32 = 10_000) throws -> ConsumerGroupDescription {
        var errorText = [CChar](repeating: 0, count: 512)
        let queue = rd_kafka_queue_new(client.handle)
        defer { rd_kafka_queue_destroy(queue) }
        let options = rd_kafka_AdminOptions_new(client.handle, RD_KAFKA_ADMIN_OP_DESCRIBECONSUMERGROUPS)
        defer { rd_kafka_AdminOptions_destroy(options) }
        rd_kafka_AdminOptions_set_request_timeout(options, timeoutMilliseconds, &errorText, errorText.count)

        group.withCString { name in
            var names: [UnsafePointer<CChar>?] = [name]
            names.withUnsafeMutableBufferPointer { buffer in
                rd_kafka_DescribeConsumerGroups(client.handle, buffer.baseAddress, buffer.count, options, queue)
            }
        }
        guard let event = rd_kafka_queue_poll(queue, timeoutMilliseconds + 5_000) else {
            throw KafkaError(code: RD_KAFKA_RESP_ERR__TIMED_OUT.rawValue,
                             message: "DescribeConsumerGroups for \(group) timed out")
        }
        defer { rd_kafka_event_destroy(event) }
        let eventError = rd_kafka_event_error(event)
        guard eventError == RD_KAFKA_RESP_ERR_NO_ERROR else {
            let text = rd_kafka_event_error_string(event).map { String(cString: $0) } ?? ""
            throw KafkaError(code: eventError.rawValue, message: "DescribeConsumerGroups for \(group) failed: \(text)")
        }

        var count = 0
        let result = rd_kafka_event_DescribeConsumerGroups_result(event)
        guard let descriptions = rd_kafka_DescribeConsumerGroups_result_groups(result, &count), count > 0,
              let description = descriptions[0]
        else {
            throw KafkaError(message: "DescribeConsumerGroups for \(group) returned no group")
        }
        // The error belongs to the description and is freed with the event.
        if let groupError = rd_kafka_ConsumerGroupDescription_error(description) {
            let text = String(cString: rd_kafka_error_string(groupError))
            throw KafkaError(code: rd_kafka_error_code(groupError).rawValue,
                             message: "could not describe consumer group \(group): \(text)")
        }
        let state = rd_kafka_ConsumerGroupDescription_state(description)
        return ConsumerGroupDescription(
            groupId: String(cString: rd_kafka_ConsumerGroupDescription_group_id(description)),
            state: String(cString: rd_kafka_consumer_group_state_name(state)),
            memberCount: rd_kafka_ConsumerGroupDescription_member_count(description))
    }
}

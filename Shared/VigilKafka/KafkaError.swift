import CRdKafka

/// A failure reported by librdkafka or by the bridge around it.
public struct KafkaError: Error, CustomStringConvertible, Sendable {
    /// librdkafka's error code (`rd_kafka_resp_err_t`), or -1 for bridge errors.
    public let code: Int32
    /// The description of the failure, with librdkafka's own text when it gave one.
    public let message: String
    /// True when librdkafka reports that the handle can no longer be used.
    public let isFatal: Bool

    public init(code: Int32 = -1, message: String, isFatal: Bool = false) {
        self.code = code
        self.message = message
        self.isFatal = isFatal
    }

    init(_ error: rd_kafka_resp_err_t, context: String) {
        let name = String(cString: rd_kafka_err2name(error))
        let text = String(cString: rd_kafka_err2str(error))
        self.init(code: error.rawValue, message: "\(context): \(name): \(text)")
    }

    init(consuming error: OpaquePointer, context: String) {
        defer { rd_kafka_error_destroy(error) }
        self.init(code: rd_kafka_error_code(error).rawValue,
                  message: "\(context): \(String(cString: rd_kafka_error_string(error)))",
                  isFatal: rd_kafka_error_is_fatal(error) != 0)
    }

    /// True when the broker or librdkafka rejects this one record for good
    /// (too large, invalid, bad timestamp), so retrying it can never succeed
    /// while other records still can.
    public var rejectsRecord: Bool {
        let permanent: [rd_kafka_resp_err_t] = [
            RD_KAFKA_RESP_ERR_MSG_SIZE_TOO_LARGE, RD_KAFKA_RESP_ERR_INVALID_RECORD,
            RD_KAFKA_RESP_ERR_INVALID_TIMESTAMP, RD_KAFKA_RESP_ERR_INVALID_MSG,
            RD_KAFKA_RESP_ERR_RECORD_LIST_TOO_LARGE,
        ]
        return permanent.contains { $0.rawValue == code }
    }

    /// True for failures that a later attempt can get past once the cluster
    /// is reachable: lost connections, timeouts, and a group coordinator
    /// that is moving or loading.
    public var isTransient: Bool {
        let transient: [rd_kafka_resp_err_t] = [
            RD_KAFKA_RESP_ERR__TRANSPORT, RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN, RD_KAFKA_RESP_ERR__TIMED_OUT,
            RD_KAFKA_RESP_ERR__RESOLVE, RD_KAFKA_RESP_ERR__WAIT_COORD, RD_KAFKA_RESP_ERR_REQUEST_TIMED_OUT,
            RD_KAFKA_RESP_ERR_COORDINATOR_NOT_AVAILABLE, RD_KAFKA_RESP_ERR_NOT_COORDINATOR,
            RD_KAFKA_RESP_ERR_COORDINATOR_LOAD_IN_PROGRESS, RD_KAFKA_RESP_ERR_LEADER_NOT_AVAILABLE,
            RD_KAFKA_RESP_ERR_NOT_LEADER_FOR_PARTITION,
        ]
        return !isFatal && transient.contains { $0.rawValue == code }
    }

    public var description: String { message }
}

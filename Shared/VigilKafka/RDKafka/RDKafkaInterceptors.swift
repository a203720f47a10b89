import CRdKafka

// librdkafka's interceptors: the broker state changes that
// ClusterConnectivity turns into reachability. Like the callbacks, they find
// their context through the opaque pointer given when they were added.

// MARK: - Broker state

/// Adds the broker state interceptor to each new handle; librdkafka allows
/// adding handle interceptors only from `on_new`.
func rdKafkaOnNewInterceptor(handle: OpaquePointer?, configuration: OpaquePointer?, opaque: UnsafeMutableRawPointer?,
                             errorText: UnsafeMutablePointer<CChar>?, errorTextSize: Int) -> rd_kafka_resp_err_t {
    rd_kafka_interceptor_add_on_broker_state_change(handle, "vigil-connectivity", rdKafkaBrokerStateInterceptor,
                                                    opaque)
}

/// Runs on a broker thread right after a broker's state changes.
func rdKafkaBrokerStateInterceptor(handle: OpaquePointer?, brokerId: Int32, securityProtocol: UnsafePointer<CChar>?,
                                   name: UnsafePointer<CChar>?, port: Int32, state: UnsafePointer<CChar>?,
                                   opaque: UnsafeMutableRawPointer?) -> rd_kafka_resp_err_t {
    guard let context = RDKafkaClientContext.from(opaque), let name, let state else {
        return RD_KAFKA_RESP_ERR_NO_ERROR
    }
    // The handle is being destroyed: its connections close, and attempts it
    // abandons are not failures.
    guard !context.isClosing.load(ordering: .relaxed) else { return RD_KAFKA_RESP_ERR_NO_ERROR }
    let host = String(cString: name)
    // librdkafka's internal broker has no name and never connects.
    guard !host.isEmpty else { return RD_KAFKA_RESP_ERR_NO_ERROR }
    // A bootstrap broker starts with id -1 and takes the real id once
    // metadata names it, so the address, not the id, identifies a broker's
    // connection. A logical broker ("GroupCoordinator", port 0) keeps its
    // name while its address follows the coordinator.
    let broker = port > 0 ? "\(host):\(port)" : host
    context.connectivity.brokerStateChanged(client: context.clientNumber, broker: broker,
                                            state: String(cString: state), logger: context.logger)
    return RD_KAFKA_RESP_ERR_NO_ERROR
}

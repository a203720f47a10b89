import CRdKafka
import VigilLog

// The C callbacks of every handle. None captures anything: each finds its
// context through the handle's opaque pointer.

// MARK: - Logs and errors

func rdKafkaLogCallback(handle: OpaquePointer?, level: Int32,
                        facility: UnsafePointer<CChar>?, text: UnsafePointer<CChar>?) {
    guard let context = RDKafkaClientContext.from(handle: handle) else { return }
    let facilityName = facility.map { String(cString: $0) } ?? ""
    // librdkafka uses syslog levels: 0 emergency … 7 debug. AUTOCREATE warns
    // that a broker too old to honour allow.auto.create.topics=false (the
    // mock cluster) might auto-create topics; Vigil checks that its topics
    // exist before it subscribes, so that warning is only debug detail.
    let severity = facilityName == "AUTOCREATE" ? 7 : level

    var metadata = [
        "vigil.kafka.facility": facilityName,
        "vigil.kafka.client": handle.map { String(cString: rd_kafka_name($0)) } ?? "",
        "vigil.kafka.message": text.map { String(cString: $0) } ?? "",
    ]
    if severity <= 4 {
        // While the cluster is unreachable every client warns on every
        // reconnect attempt; ClusterConnectivity counts those lines and logs
        // the outage once.
        if context.connectivity.suppressLine() {
            return
        }
        // A single lost broker makes librdkafka warn on every reconnect
        // attempt too; one line per facility every few seconds, with the
        // count dropped, is enough.
        let now = ContinuousClock.now
        let suppressed: Int? = context.logWindows.withLock { windows in
            if let window = windows[facilityName], now - window.loggedAt < context.logInterval {
                windows[facilityName] = (window.loggedAt, window.suppressed + 1)
                return nil
            }
            let dropped = windows[facilityName]?.suppressed ?? 0
            windows[facilityName] = (now, 0)
            return dropped
        }
        guard let suppressed else { return }
        if suppressed > 0 {
            metadata["vigil.kafka.suppressed"] = String(suppressed)
        }
    }

    // A lost or refused connection (facility FAIL) is a notice: librdkafka
    // reconnects by itself, and ClusterConnectivity warns once when no broker
    // is reachable. Its first lines of an outage come before the brokers'
    // state changes, so at error level they would page people for an outage
    // that the single warning reports anyway.
    let printed = facilityName == "FAIL" ? max(severity, 5) : severity
    switch printed {
    case ...2: context.logger.critical("librdkafka log", metadata: metadata)
    case 3: context.logger.error("librdkafka log", metadata: metadata)
    case 4: context.logger.warning("librdkafka log", metadata: metadata)
    case 5: context.logger.notice("librdkafka log", metadata: metadata)
    case 6: context.logger.info("librdkafka log", metadata: metadata)
    default: context.logger.debug("librdkafka log", metadata: metadata)
    }
}

func rdKafkaErrorCallback(handle: OpaquePointer?, error: Int32,
                          reason: UnsafePointer<CChar>?, opaque: UnsafeMutableRawPointer?) {
    guard let context = RDKafkaClientContext.from(opaque) else { return }
    let code = rd_kafka_resp_err_t(rawValue: error)

    if code == RD_KAFKA_RESP_ERR__FATAL, let handle {
        var text = [CChar](repeating: 0, count: 512)
        let fatal = rd_kafka_fatal_error(handle, &text, text.count)
        context.pendingError = KafkaError(code: fatal.rawValue, message: rdKafkaErrorText(text), isFatal: true)
        return
    }

    let text = reason.map { String(cString: $0) } ?? String(cString: rd_kafka_err2str(code))

    // A failed connection also reaches the log callback (facility FAIL) when
    // it happens, and ClusterConnectivity reports a whole outage. This copy
    // is served at the next poll, which may be long after the cluster came
    // back, so it is only debug detail.
    let connectionErrors = [RD_KAFKA_RESP_ERR__TRANSPORT, RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN,
                            RD_KAFKA_RESP_ERR__RESOLVE]
    if connectionErrors.contains(code) {
        context.logger.debug("Kafka client error, retrying", metadata: [
            "vigil.kafka.error": String(cString: rd_kafka_err2name(code)),
            "vigil.kafka.reason": text,
        ])
        return
    }

    // librdkafka retries other transient errors itself; log the first of a
    // code and then every tenfold repeat, with the count.
    let count = (context.errorCounts[error] ?? 0) + 1
    context.errorCounts[error] = count
    if isPowerOfTen(count) {
        context.logger.warning("Kafka client error, retrying", metadata: [
            "vigil.kafka.error": String(cString: rd_kafka_err2name(code)),
            "vigil.kafka.reason": text,
            "vigil.kafka.repeats": String(count),
        ])
    }
}

private func isPowerOfTen(_ value: Int) -> Bool {
    var remaining = value
    while remaining >= 10, remaining % 10 == 0 {
        remaining /= 10
    }
    return remaining == 1
}

// MARK: - Delivery reports

func rdKafkaDeliveryCallback(handle: OpaquePointer?, message: UnsafePointer<rd_kafka_message_t>?,
                             opaque: UnsafeMutableRawPointer?) {
    guard let context = RDKafkaClientContext.from(opaque), let message else { return }
    let tag = Int64(Int(bitPattern: message.pointee._private)) - 1
    let error = message.pointee.err
    if error == RD_KAFKA_RESP_ERR_NO_ERROR {
        context.deliveryReports.append(DeliveryReport(
            tag: tag, partition: message.pointee.partition, offset: message.pointee.offset, error: nil))
    } else {
        context.deliveryReports.append(DeliveryReport(
            tag: tag, partition: message.pointee.partition, offset: -1,
            error: KafkaError(error, context: "delivery failed")))
    }
}

// MARK: - Rebalance

func rdKafkaRebalanceCallback(handle: OpaquePointer?, error: rd_kafka_resp_err_t,
                              partitions: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>?,
                              opaque: UnsafeMutableRawPointer?) {
    guard let context = RDKafkaClientContext.from(opaque), let handle, let partitions else { return }
    let cooperative = String(cString: rd_kafka_rebalance_protocol(handle)) == "COOPERATIVE"
    let changed = RDKafkaTopicPartitionList.read(partitions).map(\.0)

    switch error {
    case RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS:
        let starts = context.rebalanceHandler?.partitionsAssigned(changed) ?? [:]
        RDKafkaTopicPartitionList.setOffsets(partitions) { starts[$0]?.rawValue ?? StartOffset.committed.rawValue }
        if cooperative {
            if let failure = rd_kafka_incremental_assign(handle, partitions) {
                context.pendingError = KafkaError(consuming: failure, context: "incremental assign failed")
            }
        } else {
            let result = rd_kafka_assign(handle, partitions)
            if result != RD_KAFKA_RESP_ERR_NO_ERROR {
                context.pendingError = KafkaError(result, context: "assign failed")
            }
        }

    case RD_KAFKA_RESP_ERR__REVOKE_PARTITIONS:
        let lost = rd_kafka_assignment_lost(handle) != 0
        context.rebalanceHandler?.partitionsRevoked(changed, lost: lost)
        if cooperative {
            if let failure = rd_kafka_incremental_unassign(handle, partitions) {
                context.pendingError = KafkaError(consuming: failure, context: "incremental unassign failed")
            }
        } else {
            rd_kafka_assign(handle, nil)
        }

    default:
        context.logger.error("rebalance failed", metadata: [
            "vigil.kafka.error": String(cString: rd_kafka_err2name(error)),
        ])
        rd_kafka_assign(handle, nil)
    }
}

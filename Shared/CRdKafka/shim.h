#ifndef VIGIL_CRDKAFKA_SHIM_H
#define VIGIL_CRDKAFKA_SHIM_H

#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>

/// Produces one record. rd_kafka_producev is variadic, which Swift cannot
/// call, so this wrapper fixes the argument list Vigil uses. `partition` is
/// RD_KAFKA_PARTITION_UA to let the partitioner pick one. librdkafka copies
/// key and value (RD_KAFKA_MSG_F_COPY) and takes ownership of `headers` only
/// when it returns RD_KAFKA_RESP_ERR_NO_ERROR.
static inline rd_kafka_resp_err_t vigil_rd_kafka_produce(rd_kafka_t *rk,
                                                         const char *topic,
                                                         int32_t partition,
                                                         const void *key,
                                                         size_t key_len,
                                                         const void *value,
                                                         size_t value_len,
                                                         int64_t timestamp_ms,
                                                         rd_kafka_headers_t *headers,
                                                         void *opaque) {
    return rd_kafka_producev(rk,
                             RD_KAFKA_V_TOPIC(topic),
                             RD_KAFKA_V_PARTITION(partition),
                             RD_KAFKA_V_KEY(key, key_len),
                             RD_KAFKA_V_VALUE((void *)value, value_len),
                             RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
                             RD_KAFKA_V_TIMESTAMP(timestamp_ms),
                             RD_KAFKA_V_HEADERS(headers),
                             RD_KAFKA_V_OPAQUE(opaque),
                             RD_KAFKA_V_END);
}

#endif

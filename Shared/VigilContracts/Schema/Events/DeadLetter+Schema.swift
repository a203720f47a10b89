extension DeadLetter: SchemaPublishing {
    public static var jsonSchema: JSONSchema {
        .object([
            .eventId(LocalizedText(
                chinese: "`dead-letter/<service>/<来源位置>/<原始字节的哈希>`：同一坏记录被拒两次只有一个 ID，"
                    + "同一位置上的另一条记录（如第二次从标准输入导入）则有自己的 ID。",
                english: "`dead-letter/<service>/<source position>/<hash of the payload>`: the same bad record "
                    + "rejected twice has one id, while another record at a reused position (a second run on "
                    + "standard input) gets its own.")),
            .schemaVersion(schemaVersion),
            .required("service", .string(LocalizedText(
                chinese: "拒收该记录的服务（\"vigil-ingest\"）。",
                english: "The service that rejected the record (\"vigil-ingest\")."))),
            .required("source", .object([
                .optional("topic", .string(LocalizedText(
                    chinese: "记录所在主题，服务自己未能发布的事件的目标主题，或暂存的输入事件所在主题。",
                    english: "The topic of the record, the topic an unpublished event of the service was bound for, "
                        + "or the topic of a held input event."))),
                .optional("partition", .integer(LocalizedText(
                    chinese: "记录所在分区，或暂存的输入事件所在分区。",
                    english: "The partition of the record, or of a held input event."))),
                .optional("offset", .integer(LocalizedText(
                    chinese: "记录的偏移量。",
                    english: "The offset of the record."))),
                .optional("file", .string(LocalizedText(
                    chinese: "记录所在文件；标准输入为 \"-\"。",
                    english: "The file of the record; \"-\" for standard input."))),
                .optional("line", .integer(LocalizedText(
                    chinese: "记录在文件中的行号，从 1 开始。",
                    english: "The 1-based line number of the record in the file."))),
                .optional("eventId", .string(LocalizedText(
                    chinese: "服务自己产生、但 broker 不接受的事件的 ID；或服务先接收并暂存到分区事件时间、"
                        + "之后却无法应用的输入事件的 ID。",
                    english: "The id of an event the service produced but the broker would not accept, or of an "
                        + "input event the service accepted and held until its partition's event time but then "
                        + "could not apply."))),
            ], LocalizedText(
                chinese: "被拒记录的来源：主题位置（topic、partition、offset）、文件行（file、line）、"
                    + "未能发布的事件（eventId、topic），或暂存后无法应用的输入事件（eventId、topic、partition）。",
                english: "Where the rejected record came from: a topic position (topic, partition, offset), a file "
                    + "line (file, line), an unpublished event (eventId, topic), or a held input event that could "
                    + "not be applied (eventId, topic, partition)."))),
            .optional("key", .string(LocalizedText(
                chinese: "被拒记录的键（最多 200 个字符）；没有键时不带此字段。",
                english: "The rejected record's key, cut to 200 characters; left out when it had none."))),
            .required("reasonCode", .enumeration(DeadLetterReason.self, LocalizedText(
                chinese: "机器可读的简短原因。",
                english: "A short machine-readable reason."))),
            .required("reason", .string(LocalizedText(
                chinese: "给工程师看的英文原因，最多 1000 个字符，其中的手机号、身份证号和银行卡号已打码。",
                english: "The reason in English, for the engineer who reads it, at most 1,000 characters, "
                    + "with phone, ID card and bank card numbers masked."))),
            .required("payload", .string(LocalizedText(
                chinese: "被拒的字节，按 UTF-8 文本保存（非法字节序列替换为 U+FFFD），手机号、身份证号和银行卡号已打码，"
                    + "最多保留 16384 字节；原件在 source 指明的地方。",
                english: "The rejected bytes as UTF-8 text, invalid sequences replaced with U+FFFD and phone, ID card "
                    + "and bank card numbers masked, cut to 16,384 bytes; the original is where source points."))),
            .required("payloadBytes", .integer(LocalizedText(
                chinese: "被拒记录截断前的字节数。",
                english: "The size of the rejected record in bytes, before any cut."))),
            .required("payloadTruncated", .boolean(LocalizedText(
                chinese: "payload 只保存了记录开头时为 true。",
                english: "True when payload holds only the start of the record."))),
            .required("recordedAt", .timestamp(LocalizedText(
                chinese: "来自主题的被拒记录取其时间戳；文件输入取导入已到达的事件时间；HTTP 输入取请求时间。",
                english: "The rejected record's timestamp when it came from a topic; for file input, the event "
                    + "time the import had reached; for HTTP input, the time of the request."))),
        ], LocalizedText(
            chinese: "Vigil 无法接受的记录及原因。发布死信是为了不让任何记录无声消失。",
            english: "A record Vigil could not accept, with the reason, published so that no record disappears "
                + "without a trace."))
    }

    public static var example: DeadLetter {
        DeadLetter(service: "vigil-alerting",
                   source: DeadLetterSource(topic: "vigil.chat.messages", partition: 3, offset: 42),
                   key: "shop-demo-tmall/buyer-d002", reasonCode: .unsupportedSchema,
                   reason: "chat-message schema version 2 is newer than the supported version 1",
                   payload: Array(#"{"schemaVersion":2}"#.utf8), recordedAt: .example("2026-11-11T09:10:06+08:00"))
    }
}

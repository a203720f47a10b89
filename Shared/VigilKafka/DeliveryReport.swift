/// The broker's acknowledgement or error for one produced record.
public struct DeliveryReport: Sendable {
    /// The tag the record was sent with.
    public var tag: Int64
    public var partition: Int32
    /// The record's offset, or -1 when delivery failed.
    public var offset: Int64
    /// The delivery error, or nil on success.
    public var error: KafkaError?
}

import Foundation
import VigilContracts
import VigilKafka

/// Formats one record as a line of `vigil export` output: a JSON object with
/// the fields topic, partition, offset, timestamp (epoch milliseconds), time
/// (ISO 8601 at +08:00), key (string or null) and value.
///
/// A value that parses as JSON is embedded as that JSON with the whitespace
/// between tokens removed, so its key order and numbers stay as produced.
/// Any other value becomes the base64 of its bytes, and the line then has
/// `"valueEncoding":"base64"`.
enum ExportLine {
    /// The zone of the `time` field, the one Vigil's reports use.
    static let zone: Int32 = 8 * 3600

    static func format(_ record: KafkaRecord, timestampMilliseconds: Int64) -> String {
        let time = Timestamp(epochMilliseconds: timestampMilliseconds, utcOffsetSeconds: zone)
        var fields = [
            "\"topic\":" + JSONStringLiteral.quoted(record.topic),
            "\"partition\":\(record.partition)",
            "\"offset\":\(record.offset)",
            "\"timestamp\":\(timestampMilliseconds)",
            "\"time\":" + JSONStringLiteral.quoted(time.iso8601),
            // NOTE: a key that is not valid UTF-8 is written with U+FFFD in place of the invalid bytes.
            "\"key\":" + (record.keyString.map(JSONStringLiteral.quoted) ?? "null"),
        ]
        if let json = compactJSON(record.value) {
            fields.append("\"value\":" + json)
        } else {
            fields.append("\"value\":" + JSONStringLiteral.quoted(Data(record.value).base64EncodedString()))
            fields.append("\"valueEncoding\":\"base64\"")
        }
        return "{" + fields.joined(separator: ",") + "}"
    }

    // MARK: - JSON text

    /// Returns the value as one line of JSON, or nil when it is not valid JSON.
    static func compactJSON(_ bytes: [UInt8]) -> String? {
        guard !bytes.isEmpty,
              (try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])) != nil
        else {
            return nil
        }

        // Valid JSON has whitespace only between tokens or inside strings,
        // and a raw line break cannot occur inside a string.
        var compact: [UInt8] = []
        compact.reserveCapacity(bytes.count)
        var inString = false
        var escaped = false
        for byte in bytes {
            if inString {
                compact.append(byte)
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                continue
            case UInt8(ascii: "\""):
                inString = true
                compact.append(byte)
            default:
                compact.append(byte)
            }
        }
        return String(decoding: compact, as: UTF8.self)
    }
}

import Foundation

/// Settings read from `--config FILE`: one `name = value` per line, named as
/// the command-line options are without their dashes, with `#` comments.
///
///     bootstrap-servers = kafka-1:9092,kafka-2:9092
///     kafka = security.protocol=SASL_SSL
///     kafka = sasl.mechanisms=SCRAM-SHA-512
///
/// A repeatable option may appear on several lines. Flags and environment
/// variables take precedence over the file, and the file over the defaults.
struct ConfigFile {
    /// The values by option name, in file order.
    var values: [String: [String]] = [:]

    /// Reads the file, checking each name against `options`.
    /// - Throws: ``UsageError`` naming the file and line of the first problem.
    init(path: String, options: [OptionSpec]) throws {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw UsageError("cannot read the config file \(path): \(error.localizedDescription)")
        }

        // Split on the byte, so a file with CRLF line ends reads line by line too.
        for (index, rawLine) in text.components(separatedBy: "\n").enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            let place = "\(path):\(index + 1)"
            // The line is not quoted: it may hold a password written without its "=".
            guard let equals = line.firstIndex(of: "=") else {
                throw UsageError("\(place): expected name = value")
            }
            let name = line[..<equals].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            guard let option = options.first(where: { $0.name == name }), name != "config" else {
                throw UsageError("\(place): unknown setting \"\(name)\"; use the name of a command-line option without --")
            }
            if !option.repeatable, values[name] != nil {
                throw UsageError("\(place): \(name) is set twice")
            }
            values[name, default: []].append(option.isFlag && value.isEmpty ? "true" : value)
        }
    }
}

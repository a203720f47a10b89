import Foundation

/// Reads a file of one JSON object per line.
enum NDJSONFile {
    /// A line that does not decode, with its position.
    struct LineError: Error, CustomStringConvertible {
        var path: String
        var line: Int
        var reason: String

        var description: String { "\(path):\(line): \(reason)" }
    }

    /// Decodes every non-empty line of the file at `url` as `T`.
    static func read<T: Decodable>(_ type: T.Type, from url: URL) throws -> [T] {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw LineError(path: url.path, line: 0, reason: "cannot read the file: check that it exists and is readable")
        }
        let decoder = JSONDecoder()
        var values: [T] = []
        for (index, line) in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated()
        where !line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") }) {
            do {
                values.append(try decoder.decode(T.self, from: Data(line)))
            } catch {
                throw LineError(path: url.path, line: index + 1, reason: "not a valid \(T.self): \(error)")
            }
        }
        return values
    }
}

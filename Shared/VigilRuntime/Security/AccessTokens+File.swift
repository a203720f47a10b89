import Foundation

extension AccessTokens {
    /// Reads and decodes a tokens file as `File`. `expected` describes the
    /// JSON shape for the error message.
    /// - Throws: ``UsageError`` when the file cannot be read or does not decode.
    public static func readFile<File: Decodable>(_ path: String, as type: File.Type, expected: String) throws -> File {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw UsageError("cannot read the tokens file \(path): \(error.localizedDescription)")
        }
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch {
            throw UsageError("the tokens file \(path) is not valid: expected \(expected)")
        }
    }
}

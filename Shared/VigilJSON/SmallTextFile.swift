import Foundation

/// Reads a small UTF-8 configuration file (rules, limits, policies) with a
/// size cap, so a wrong path to a large file fails fast instead of filling memory.
public enum SmallTextFile {
    /// A file that could not be read as text; `position` is set for invalid UTF-8.
    public struct ReadError: Error, Sendable {
        public var message: String
        public var position: SourcePosition?
    }

    /// Returns the file's text, or throws when it is unreadable, larger than
    /// `maximumBytes` or not UTF-8. `kind` names the file in the message ("a case policy").
    public static func read(path: String, maximumBytes: Int, kind: String) throws(ReadError) -> String {
        let bytes: [UInt8]
        do {
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            bytes = Array(try handle.read(upToCount: maximumBytes + 1) ?? Data())
        } catch {
            throw ReadError(message: "could not read the file (\(error.localizedDescription)): check the path")
        }

        guard bytes.count <= maximumBytes else {
            throw ReadError(message: "the file is larger than \(maximumBytes) bytes: check the path, because \(kind) is a small JSON object")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ReadError(message: "the file is not valid UTF-8: save it as UTF-8",
                            position: SourcePosition(line: 1, column: 1))
        }
        return text
    }
}

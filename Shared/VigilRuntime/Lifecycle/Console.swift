#if canImport(Glibc)
import Glibc
#endif

/// Unbuffered output for commands whose lines must appear at once, even
/// when standard output is a pipe (where `print` buffers).
public enum Console {
    /// Writes `text` and a newline to standard output with write(2).
    public static func printLine(_ text: String) {
        var line = text + "\n"
        line.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = write(STDOUT_FILENO, bytes.baseAddress! + offset, bytes.count - offset)
                guard written > 0 else { return }
                offset += written
            }
        }
    }
}

import Foundation

/// The commit checked out in a folder, for the reports.
public enum GitCommit {
    /// Runs `git rev-parse --short HEAD` in `folder` and returns the
    /// abbreviated hash, or nil where git is not installed, the folder is no
    /// checkout, or git does not exit within 10 s.
    public static func current(folder: String = ".") -> String? {
        guard let git = executable("git") else { return nil }
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-bench-git-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: output) }

        // A ChildProcess, as every child of vigil-bench, so that the interrupt cleanup stops it too.
        guard let process = try? ChildProcess(name: "git", executable: git,
                                              arguments: ["-C", folder, "rev-parse", "--short", "HEAD"],
                                              environment: ProcessInfo.processInfo.environment, logPath: output),
              process.wait(timeoutSeconds: 10).status == 0,
              let text = try? String(contentsOfFile: output, encoding: .utf8) else { return nil }
        let hash = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return !hash.isEmpty && hash.allSatisfy(\.isHexDigit) ? hash : nil
    }

    /// Returns the first executable file `name` in the folders of PATH, because posix_spawn does not search PATH.
    static func executable(_ name: String) -> String? {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return folders.map { (String($0) as NSString).appendingPathComponent(name) as String }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}

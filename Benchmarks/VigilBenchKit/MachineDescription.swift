import Foundation

/// The machine a benchmark ran on, for the report: figures from different
/// processors are not comparable.
public struct MachineDescription: Sendable, Codable {
    /// The processors this process may use, as `nproc` counts them.
    public var processorCount: Int
    /// The first `model name` in /proc/cpuinfo, or "unknown" where there is none.
    public var processorModel: String

    /// The machine this process runs on.
    public static var current: MachineDescription {
        MachineDescription(processorCount: ProcessInfo.processInfo.activeProcessorCount,
                           processorModel: cpuModel() ?? "unknown")
    }

    private static func cpuModel() -> String? {
        guard let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return nil }
        for line in info.split(separator: "\n") where line.hasPrefix("model name") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return nil
    }
}

import Foundation

/// The resident memory of a process as Linux reports it in /proc/PID/status.
public struct ProcessMemory: Sendable, Equatable {
    /// VmRSS: resident now, in KiB.
    public var residentKilobytes: Int
    /// VmHWM: the most ever resident (the high-water mark), in KiB.
    public var peakResidentKilobytes: Int

    /// Reads the figures of a running process; nil once it has exited
    /// (a zombie's status has no Vm lines) or where /proc is missing.
    public static func read(pid: Int32) -> ProcessMemory? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        return parse(status: text)
    }

    /// Parses the text of /proc/PID/status; nil when VmRSS or VmHWM is missing.
    public static func parse(status text: String) -> ProcessMemory? {
        var resident: Int?
        var peak: Int?
        for line in text.split(separator: "\n") {
            if line.hasPrefix("VmRSS:") {
                resident = kilobytes(line)
            } else if line.hasPrefix("VmHWM:") {
                peak = kilobytes(line)
            }
        }
        guard let resident, let peak else { return nil }
        return ProcessMemory(residentKilobytes: resident, peakResidentKilobytes: peak)
    }

    /// Reads the number of a line such as `VmHWM:    123456 kB`.
    private static func kilobytes(_ line: Substring) -> Int? {
        let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard fields.count >= 3, fields[2] == "kB" else { return nil }
        return Int(fields[1])
    }
}

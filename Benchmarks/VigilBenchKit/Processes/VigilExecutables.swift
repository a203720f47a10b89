import Foundation

/// The built Vigil executables the benchmark starts, and the folder for their stores and logs.
public struct VigilExecutables: Sendable {
    /// The folder with vigil, vigil-ingest, vigil-alerting, vigil-escalation and vigil-scoring.
    public var binaryFolder: String
    /// The folder for stores, logs and generated input of one benchmark run.
    public var workFolder: String
    /// Settings every process gets on top of the benchmark's own environment.
    public var environment: [String: String]

    public static let required = ["vigil", "vigil-ingest", "vigil-alerting", "vigil-escalation", "vigil-scoring"]

    /// Checks that every required executable exists in `binaryFolder`.
    public init(binaryFolder: String, workFolder: String) throws {
        for name in Self.required {
            let path = (binaryFolder as NSString).appendingPathComponent(name)
            guard FileManager.default.isExecutableFile(atPath: path) else {
                throw BenchmarkProcessError.notBuilt(path: path)
            }
        }
        self.binaryFolder = binaryFolder
        self.workFolder = workFolder
        environment = ProcessInfo.processInfo.environment
        // Info lines cost little and are what a deployment logs.
        environment["VIGIL_LOG_LEVEL"] = environment["VIGIL_LOG_LEVEL"] ?? "info"
    }

    /// Returns the path of a file in the work folder.
    public func path(_ name: String) -> String {
        (workFolder as NSString).appendingPathComponent(name)
    }

    /// Starts an executable against the broker at `bootstrap`, logging to `<log>.log` in the work folder.
    public func start(_ executable: String, _ arguments: [String], bootstrap: String?, log: String,
                      inputPath: String = "/dev/null") throws -> ChildProcess {
        var environment = self.environment
        if let bootstrap {
            environment["VIGIL_BOOTSTRAP_SERVERS"] = bootstrap
        }
        return try ChildProcess(name: log, executable: (binaryFolder as NSString).appendingPathComponent(executable),
                                arguments: arguments, environment: environment, logPath: path("\(log).log"),
                                inputPath: inputPath)
    }
}

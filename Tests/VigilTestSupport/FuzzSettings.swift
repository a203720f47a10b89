import Foundation

/// The settings of a fuzz run, read from the environment.
public struct FuzzSettings {
    /// The cases per target.
    public var iterations: Int
    public var seed: UInt64
    /// When set, only this case runs, to reproduce a failure.
    public var onlyCase: Int?

    public static let defaultSeed: UInt64 = 20_261_111

    /// Reads `VIGIL_FUZZ_ITERATIONS`, `VIGIL_FUZZ_SEED` and `VIGIL_FUZZ_CASE`.
    public static func fromEnvironment(defaultIterations: Int) -> FuzzSettings {
        let environment = ProcessInfo.processInfo.environment
        return FuzzSettings(
            iterations: environment["VIGIL_FUZZ_ITERATIONS"].flatMap { Int($0) } ?? defaultIterations,
            seed: environment["VIGIL_FUZZ_SEED"].flatMap { UInt64($0) } ?? defaultSeed,
            onlyCase: environment["VIGIL_FUZZ_CASE"].flatMap { Int($0) })
    }

    public var caseIndices: [Int] {
        onlyCase.map { [$0] } ?? Array(0..<iterations)
    }

    /// Returns the environment variables that replay one case.
    public func reproduction(_ index: Int) -> String {
        "VIGIL_FUZZ_SEED=\(seed) VIGIL_FUZZ_CASE=\(index)"
    }

    /// Saves a failing input to a temporary file and returns its path.
    public static func save(_ input: [UInt8], target: String, seed: UInt64, index: Int) -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-fuzz-\(target)-\(seed)-\(index).bin")
        try? Data(input).write(to: url)
        return url.path
    }
}

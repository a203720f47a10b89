import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// SplitMix64: a small, fast generator whose output depends only on its
/// seed, so a fuzz case can be replayed from its seed and number.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }

    /// The generator of case `index` of a fuzz target, independent of every other case.
    init(seed: UInt64, target: String, index: Int) {
        var mixer = SplitMix64(seed: seed ^ UInt64(truncatingIfNeeded: index) &* 0xD1B5_4A32_D192_ED03)
        var value = mixer.next()
        for byte in target.utf8 {
            value = (value ^ UInt64(byte)) &* 0x100_0000_01B3
        }
        self.init(seed: value)
    }
}

/// Mutates byte strings the way coverage-blind fuzzers do: bit flips, byte
/// inserts and deletes, splices from other inputs, and bytes that parsers
/// treat specially, alone or in long runs.
struct FuzzMutator {
    /// The maximum length of a mutated input in bytes, so that no case runs long.
    var maxLength = 1 << 18

    /// Bytes that delimiters, quoting, escapes, nesting or UTF-8 decoding treat specially.
    static let interestingBytes: [UInt8] = [
        0x22, 0x5C, 0x5B, 0x5D, 0x7B, 0x7D, 0x2C, 0x3A, 0x09, 0x0A, 0x0D, 0x00, 0xFF, 0xC0, 0x80, 0xEF, 0xBB, 0xBF,
        0xE4, 0x27, 0x20, 0x2B, 0x2D, 0x2E, 0x30, 0x39, 0x65, 0x7F,
    ]

    /// Short byte strings with meaning in JSON, CSV or UTF-8.
    static let interestingTokens: [[UInt8]] = [
        "\"\"", "\\\"", "\\u0000", "\\ud800", "\r\n", "\n\n", "\u{FEFF}", "null", "true", "[]", "{}", "[{", "}]",
        "\"a\":", ",,", "1e999", "-0.0", "99999999999999999999", "12.50", "+08:00", "Z", "2026-02-29 25:61:61",
        "\u{2028}", "顾客", "客服", "𝄞", "\"\r\n\"", "\t\t", "\\\\", "\"]\"", "\"{\\\"\"",
    ].map { Array($0.utf8) } + [[0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE4, 0xBD]]

    /// Returns `input` after one to eight random mutations, with splices taken from `corpus`.
    func mutate(_ input: [UInt8], corpus: [[UInt8]], using generator: inout SplitMix64) -> [UInt8] {
        var bytes = input
        let count = Int.random(in: 1...8, using: &generator)
        for _ in 0..<count {
            mutateOnce(&bytes, corpus: corpus, using: &generator)
            if bytes.count > maxLength {
                bytes.removeLast(bytes.count - maxLength)
            }
        }
        return bytes
    }

    private func mutateOnce(_ bytes: inout [UInt8], corpus: [[UInt8]], using generator: inout SplitMix64) {
        let position = bytes.isEmpty ? 0 : Int.random(in: 0...bytes.count, using: &generator)
        switch Int.random(in: 0..<11, using: &generator) {
        case 0 where !bytes.isEmpty:
            let index = min(position, bytes.count - 1)
            bytes[index] ^= 1 << UInt8.random(in: 0..<8, using: &generator)
        case 1 where !bytes.isEmpty:
            bytes[min(position, bytes.count - 1)] = UInt8.random(in: 0...255, using: &generator)
        case 2 where !bytes.isEmpty:
            bytes[min(position, bytes.count - 1)] = Self.interestingBytes.randomElement(using: &generator)!
        case 3:
            bytes.insert(Self.interestingBytes.randomElement(using: &generator)!, at: position)
        case 4:
            bytes.insert(contentsOf: Self.interestingTokens.randomElement(using: &generator)!, at: position)
        case 5 where !bytes.isEmpty:
            let start = min(position, bytes.count - 1)
            let length = Int.random(in: 1...min(64, bytes.count - start), using: &generator)
            bytes.removeSubrange(start..<start + length)
        case 6 where !bytes.isEmpty:
            // Copy a range of the input to another place in it.
            let start = Int.random(in: 0..<bytes.count, using: &generator)
            let length = Int.random(in: 1...min(256, bytes.count - start), using: &generator)
            let copy = Array(bytes[start..<start + length])
            bytes.insert(contentsOf: copy, at: Int.random(in: 0...bytes.count, using: &generator))
        case 7:
            // Splice: insert or overwrite with a range of another corpus entry.
            guard let other = corpus.randomElement(using: &generator), !other.isEmpty else { return }
            let start = Int.random(in: 0..<other.count, using: &generator)
            let length = Int.random(in: 1...min(512, other.count - start), using: &generator)
            let piece = other[start..<start + length]
            if Bool.random(using: &generator) || bytes.isEmpty {
                bytes.insert(contentsOf: piece, at: position)
            } else {
                let end = min(bytes.count, position + length)
                bytes.replaceSubrange(position..<end, with: piece)
            }
        case 8:
            // A long run of one special byte or token: deep nesting, endless quotes, huge fields.
            let runLength = Int.random(in: 16...4096, using: &generator)
            if Bool.random(using: &generator) {
                let byte = Self.interestingBytes.randomElement(using: &generator)!
                bytes.insert(contentsOf: repeatElement(byte, count: runLength), at: position)
            } else {
                let token = Self.interestingTokens.randomElement(using: &generator)!
                for _ in 0..<runLength / max(1, token.count) {
                    bytes.insert(contentsOf: token, at: position)
                }
            }
        case 9 where !bytes.isEmpty:
            bytes.removeLast(bytes.count - min(position, bytes.count))
        default:
            bytes.insert(UInt8.random(in: 0...255, using: &generator), at: position)
        }
    }
}

/// The settings of a fuzz run, read from the environment.
struct FuzzSettings {
    /// The cases per target.
    var iterations: Int
    var seed: UInt64
    /// When set, only this case runs, to reproduce a failure.
    var onlyCase: Int?

    static let defaultSeed: UInt64 = 20_261_111

    /// Reads `VIGIL_FUZZ_ITERATIONS`, `VIGIL_FUZZ_SEED` and `VIGIL_FUZZ_CASE`.
    static func fromEnvironment(defaultIterations: Int) -> FuzzSettings {
        let environment = ProcessInfo.processInfo.environment
        return FuzzSettings(
            iterations: environment["VIGIL_FUZZ_ITERATIONS"].flatMap { Int($0) } ?? defaultIterations,
            seed: environment["VIGIL_FUZZ_SEED"].flatMap { UInt64($0) } ?? defaultSeed,
            onlyCase: environment["VIGIL_FUZZ_CASE"].flatMap { Int($0) })
    }

    var caseIndices: [Int] {
        onlyCase.map { [$0] } ?? Array(0..<iterations)
    }

    /// Returns the environment variables that replay one case.
    func reproduction(_ index: Int) -> String {
        "VIGIL_FUZZ_SEED=\(seed) VIGIL_FUZZ_CASE=\(index)"
    }

    /// Saves a failing input to a temporary file and returns its path.
    static func save(_ input: [UInt8], target: String, seed: UInt64, index: Int) -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-fuzz-\(target)-\(seed)-\(index).bin")
        try? Data(input).write(to: url)
        return url.path
    }
}

/// Prints which fuzz case was running when the process dies of a signal
/// (a Swift trap is SIGILL or SIGTRAP) or a case hangs, since either ends
/// the test run before any issue can be recorded.
///
/// A hung case cannot be cancelled, because the parsers never check for
/// cancellation, so a watchdog thread ends the process instead.
enum FuzzCrashReporter {
    /// The maximum time one case may run, in seconds. A case normally takes milliseconds.
    static let maxCaseSeconds: UInt64 = 30
    private static let capacity = 512
    // Written before each case and read only by the signal handler, on the thread that crashed.
    nonisolated(unsafe) private static var message = UnsafeMutablePointer<CChar>.allocate(capacity: capacity)
    nonisolated(unsafe) private static var length = 0
    /// The handlers replaced, indexed by signal number (all of `signals` are below 32).
    nonisolated(unsafe) private static var previous = UnsafeMutablePointer<sigaction>.allocate(capacity: 32)
    private static let signals = [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE, SIGABRT]
    private static let installation: Void = install()
    /// The start of the running case in nanoseconds of the monotonic clock, or 0 between cases.
    private static let caseStart = Atomic<UInt64>(0)

    /// Records the case about to run. Call it before each case.
    static func running(_ description: String) {
        _ = installation
        let bytes = Array("\nvigil fuzz: the case in progress was \(description)\n".utf8.prefix(capacity))
        bytes.withUnsafeBufferPointer { buffer in
            UnsafeMutableRawPointer(message).copyMemory(from: buffer.baseAddress!, byteCount: buffer.count)
        }
        length = bytes.count
        caseStart.store(DispatchTime.now().uptimeNanoseconds, ordering: .sequentiallyConsistent)
    }

    /// Clears the record after a case finished.
    static func finished() {
        caseStart.store(0, ordering: .sequentiallyConsistent)
        length = 0
    }

    private static func install() {
        for signal in signals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { signal in
                if FuzzCrashReporter.length > 0 {
                    _ = write(STDERR_FILENO, FuzzCrashReporter.message, FuzzCrashReporter.length)
                }
                // Restore the previous handler. The fault repeats (or abort re-raises the signal) and reaches it.
                sigaction(signal, FuzzCrashReporter.previous + Int(signal), nil)
            }
            sigemptyset(&action.sa_mask)
            sigaction(signal, &action, previous + Int(signal))
        }

        let watchdog = Thread {
            while true {
                sleep(1)
                let start = caseStart.load(ordering: .sequentiallyConsistent)
                guard start != 0, DispatchTime.now().uptimeNanoseconds - start > maxCaseSeconds * 1_000_000_000 else {
                    continue
                }
                let notice = "\nvigil fuzz: stopping the tests because a case ran for more than \(maxCaseSeconds) s"
                _ = notice.withCString { write(STDERR_FILENO, $0, strlen($0)) }
                _ = write(STDERR_FILENO, message, length)
                _exit(70)
            }
        }
        watchdog.start()
    }
}

import Foundation
import VigilTestSupport

/// The SIGKILLs of one crash run, drawn from a seed so that a failing run can
/// be replayed with `VIGIL_CRASH_SEED`.
///
/// Each victim (the three stream services and the import) is killed three
/// times and restarted after each kill. Its first kill and one of the other
/// two come when it has consumed a drawn share of what it consumed in the
/// uninterrupted run, each in its own band, so the kills spread over the run.
/// The remaining kill comes right after a restart, while the service is still
/// starting: publishing the outbox it left, reading the roster, waiting for
/// its partitions. For one stream service that restart is on empty partition
/// stores, as on a new disk, and the kill comes while it rebuilds them.
struct CrashSchedule: CustomStringConvertible {
    /// What makes a kill happen.
    enum Trigger: Equatable {
        /// The victim has consumed this share of what it consumed in the uninterrupted run.
        case progress(Double)
        /// This many milliseconds have passed since the victim's last restart.
        case afterRestart(milliseconds: Int)
        /// Since its last restart, the victim has rebuilt this many partition
        /// stores, or all of them, and the first rebuild has started.
        case rebuilding(afterPartitions: Int)
    }

    struct Kill: Equatable {
        var victim: String
        var trigger: Trigger
        /// The victim restarts after this kill without its partition stores.
        var restartsOnEmptyStores = false
    }

    static let victims = PipelineHarness.streamServices + ["vigil-ingest"]
    static let killsPerVictim = 3
    /// The seed when `VIGIL_CRASH_SEED` is not set.
    static let defaultSeed: UInt64 = 9
    /// The share of the run each progress kill falls in, by the kill's place among the victim's kills.
    static let bands = [0.08..<0.33, 0.36..<0.60, 0.62..<0.85]

    let seed: UInt64
    /// Every kill, grouped by victim in the order of ``victims``, each victim's kills in the order they happen.
    let kills: [Kill]

    init(seed: UInt64) {
        self.seed = seed
        var generator = SplitMix64(seed: seed)
        let rebuilder = PipelineHarness.streamServices[generator.next(in: 0..<PipelineHarness.streamServices.count)]
        var kills: [Kill] = []
        for victim in Self.victims {
            let quick = generator.next(in: 1..<Self.killsPerVictim)
            for place in 0..<Self.killsPerVictim {
                guard place == quick else {
                    let band = Self.bands[place]
                    let share = band.lowerBound + Double(generator.next(in: 0..<1_000)) / 1_000
                        * (band.upperBound - band.lowerBound)
                    kills.append(Kill(victim: victim, trigger: .progress((share * 1_000).rounded() / 1_000)))
                    continue
                }
                if victim == rebuilder {
                    kills[kills.count - 1].restartsOnEmptyStores = true
                    kills.append(Kill(victim: victim, trigger: .rebuilding(afterPartitions: generator.next(in: 0..<3))))
                } else {
                    kills.append(Kill(victim: victim, trigger: .afterRestart(milliseconds: generator.next(in: 100..<1_500))))
                }
            }
        }
        self.kills = kills
    }

    /// Returns the schedule of `VIGIL_CRASH_SEED`, or of the default seed.
    static func fromEnvironment() throws -> CrashSchedule {
        guard let text = ProcessInfo.processInfo.environment["VIGIL_CRASH_SEED"] else {
            return CrashSchedule(seed: defaultSeed)
        }
        guard let seed = UInt64(text) else {
            throw HarnessError("VIGIL_CRASH_SEED must be an unsigned integer, not \"\(text)\"")
        }
        return CrashSchedule(seed: seed)
    }

    /// Returns the kills of one victim in their order.
    func kills(of victim: String) -> [Kill] {
        kills.filter { $0.victim == victim }
    }

    var description: String {
        let lines = kills.map { kill in
            "  \(kill.victim): \(Self.describe(kill.trigger))"
                + (kill.restartsOnEmptyStores ? ", then restart on empty partition stores" : "")
        }
        return "crash schedule of seed \(seed) (replay with VIGIL_CRASH_SEED=\(seed)):\n" + lines.joined(separator: "\n")
    }

    static func describe(_ trigger: Trigger) -> String {
        switch trigger {
        case .progress(let share): "at \((share * 1_000).rounded() / 10)% of its input"
        case .afterRestart(let milliseconds): "\(milliseconds) ms after its restart"
        case .rebuilding(let partitions): "while rebuilding its partition stores, \(partitions) of them done"
        }
    }
}

import Testing

@Suite("Crash schedule")
struct CrashScheduleTests {
    static let seeds: [UInt64] = [CrashSchedule.defaultSeed, 1, 2, 3, 42, 2_026, .max]

    @Test("one seed draws one schedule, and seeds differ")
    func replayable() {
        #expect(CrashSchedule(seed: 7).kills == CrashSchedule(seed: 7).kills)
        let distinct = Set(Self.seeds.map { seed in
            CrashSchedule(seed: seed).kills.map { "\($0.victim) \($0.trigger) \($0.restartsOnEmptyStores)" }
        })
        #expect(distinct.count == Self.seeds.count)
    }

    @Test("every victim is killed three times, at least ten kills in all", arguments: seeds)
    func everyVictim(seed: UInt64) {
        let schedule = CrashSchedule(seed: seed)
        #expect(schedule.kills.count >= 10)
        for victim in CrashSchedule.victims {
            #expect(schedule.kills(of: victim).count == 3, "\(victim)")
        }
        #expect(Set(schedule.kills.map(\.victim)) == Set(CrashSchedule.victims))
    }

    @Test("progress kills spread over the run in rising bands", arguments: seeds)
    func spread(seed: UInt64) {
        let schedule = CrashSchedule(seed: seed)
        for victim in CrashSchedule.victims {
            let kills = schedule.kills(of: victim)
            guard case .progress = kills.first?.trigger else {
                Issue.record("the first kill of \(victim) must wait for progress")
                continue
            }
            for (place, kill) in kills.enumerated() {
                guard case .progress(let share) = kill.trigger else { continue }
                #expect(CrashSchedule.bands[place].contains(share), "\(victim) kill \(place + 1) at \(share)")
            }
        }
    }

    @Test("one restart kill per victim", arguments: seeds)
    func restartKills(seed: UInt64) {
        let schedule = CrashSchedule(seed: seed)
        var rebuilders: [String] = []
        for victim in CrashSchedule.victims {
            let kills = schedule.kills(of: victim)
            let quick = kills.indices.filter { kills[$0].trigger.isProgress == false }
            #expect(quick.count == 1, "\(victim)")
            for index in quick where kills[index].trigger.isRebuilding {
                rebuilders.append(victim)
                #expect(kills[index - 1].restartsOnEmptyStores, "the restart before \(victim)'s rebuild kill")
            }
            #expect(kills.filter(\.restartsOnEmptyStores).count == (rebuilders.last == victim ? 1 : 0), "\(victim)")
        }
        #expect(rebuilders.count == 1)
        #expect(rebuilders.allSatisfy { PipelineHarness.streamServices.contains($0) })
    }
}

extension CrashSchedule.Trigger {
    var isProgress: Bool {
        if case .progress = self { true } else { false }
    }

    var isRebuilding: Bool {
        if case .rebuilding = self { true } else { false }
    }
}

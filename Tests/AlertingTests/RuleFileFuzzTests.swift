import Foundation
import Testing
import VigilContracts
import VigilTestSupport
@testable import Alerting

/// A bounded, seeded fuzz run over the rules loader: ``RuleSetParser``, then
/// ``CompiledRuleSet``, then matching, on mutations of the default rules and
/// of small rule files that use every field. The same environment variables
/// as the parser fuzzing set the cases, the seed and a single case to replay
/// (docs/FUZZING.md).
///
/// A file either parses or fails with positioned messages. A parsed rule set
/// either compiles or fails with a ``RuleCompileError``. A compiled one
/// matches every probe text without crashing or hanging, and its hits quote
/// the text where they point.
@Suite("Rules loader fuzzing", .serialized)
struct RuleFileFuzzTests {
    private let mutator = FuzzMutator()
    private let files: [[UInt8]]
    private let probes: [String]
    private let normalizer: TextNormalizer

    init() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let defaultRules = try Data(contentsOf: root.appendingPathComponent("rules/default.json"))
        files = [Array(defaultRules)] + Self.smallFiles.map { Array($0.utf8) }
        probes = Self.probeTexts + (try Self.sampleTexts(root: root))
        normalizer = try TextNormalizer()
    }

    @Test("rules loader survives mutated rule files")
    func fuzzRuleFiles() {
        let settings = FuzzSettings.fromEnvironment(defaultIterations: 400)
        var failures = 0
        var compiledCount = 0
        for index in settings.caseIndices {
            var generator = SplitMix64(seed: settings.seed, target: "rules", index: index)
            let base = files.randomElement(using: &generator)!
            // Half the cases change values inside valid JSON, so that they reach the compiler and the matcher.
            let input = Bool.random(using: &generator)
                ? mutator.mutate(base, corpus: files, using: &generator)
                : RuleValueMutator.mutate(base, using: &generator)

            FuzzCrashReporter.running("rules case \(index): \(settings.reproduction(index))")
            let (compiled, problems) = check(input)
            FuzzCrashReporter.finished()

            compiledCount += compiled ? 1 : 0
            guard !problems.isEmpty else { continue }
            failures += 1
            let path = FuzzSettings.save(input, target: "rules", seed: settings.seed, index: index)
            Issue.record("""
                fuzz target rules, case \(index): \(problems.prefix(3).joined(separator: "; "))
                replay: \(settings.reproduction(index)) swift test --disable-xctest --filter RuleFileFuzzTests
                input (\(input.count) bytes) saved to \(path)
                """)
            if failures == 5 {
                return
            }
        }

        // Mutants that never compile would test the parser's errors only.
        print("rules fuzzing: \(compiledCount) of \(settings.caseIndices.count) cases compiled and reached matching")
        if settings.onlyCase == nil, settings.iterations >= 100 {
            #expect(compiledCount * 20 >= settings.iterations,
                    "only \(compiledCount) of \(settings.iterations) mutated files compiled and reached matching")
        }
    }

    // MARK: - Properties

    /// Loads `input` as the alerting service and `vigil rules check` do.
    /// Returns whether the rules compiled, and what went wrong.
    private func check(_ input: [UInt8]) -> (compiled: Bool, problems: [String]) {
        let ruleSet: RuleSet
        do {
            ruleSet = try RuleSetParser.parse(bytes: input)
        } catch {
            let silent = error.errors.isEmpty || error.errors.contains { $0.message.isEmpty }
            return (false, silent ? ["the parser failed without a message"] : [])
        }

        let compiled: CompiledRuleSet
        do {
            compiled = try CompiledRuleSet(ruleSet, normalizer: normalizer)
        } catch {
            return (false, "\(error)".isEmpty ? ["compiling failed without a message"] : [])
        }

        var problems: [String] = []
        for probe in probes {
            let scalars = Array(probe.unicodeScalars)
            for speaker in [RuleSpeaker.customer, .agent] {
                for hit in compiled.match(text: probe, speaker: speaker) {
                    if ruleSet.rule(id: hit.ruleId) == nil {
                        problems.append("hit of unknown rule \(hit.ruleId)")
                    }
                    for evidence in hit.evidence {
                        let range = evidence.originalRange
                        guard range.lowerBound >= 0, range.upperBound <= scalars.count else {
                            problems.append("evidence \(range) beyond a text of \(scalars.count) scalars")
                            continue
                        }
                        var quoted = String.UnicodeScalarView()
                        quoted.append(contentsOf: scalars[range])
                        if String(quoted) != evidence.originalText {
                            problems.append("evidence \(range) quotes other text than the message has there")
                        }
                    }
                }
            }
        }
        return (true, problems)
    }

    // MARK: - Corpus

    /// Small rule files that between them use every field of the format.
    private static let smallFiles = [
        #"""
        {"version": "f.1", "rules": [
          {"id": "a", "category": "complaint", "severity": "medium", "title": {"zh-CN": "投诉", "en": "Complaint"},
           "keywords": ["投诉", "举报"], "exclusion": ["投诉电话"], "negation": {"cues": ["不会", "没有"], "scope": 2}},
          {"id": "b", "category": "regulator", "severity": "critical", "title": {"zh-CN": "热线", "en": "Hotline"},
           "pattern": "1\\s*2\\s*3\\s*1\\s*5", "speaker": "any"}
        ]}
        """#,
        #"""
        {"version": "f.2", "rules": [
          {"id": "c", "category": "escalation", "severity": "high", "title": {"zh-CN": "找领导", "en": "Manager"},
           "allOf": [["找", "叫"], ["经理", "领导"]], "noneOf": [["直播间"]],
           "anyOf": [{"pattern": "马上|立刻"}, ["现在"]], "note": "n"},
          {"id": "d", "category": "media", "severity": "low", "title": {"zh-CN": "曝光", "en": "Exposure"},
           "keywords": ["曝光"], "window": {"rule": "c", "messages": 3}, "speaker": "agent",
           "exclusion": "曝光度"}
        ]}
        """#,
    ]

    /// Texts that stress matching: long runs, digits in every width, mixed scripts, regulator words.
    private static let probeTexts = [
        "", "我要去工商投诉你们", "打１２３１５", "找你们经理来，马上", "我不会投诉的", String(repeating: "投", count: 5_000),
        String(repeating: "a", count: 4_096) + "!", String(repeating: "1 2 3 ", count: 700), "𝄞\u{FEFF}\u{2028}消協",
    ]

    /// Returns the texts of the sample chats, for realistic input.
    private static func sampleTexts(root: URL) throws -> [String] {
        let data = try Data(contentsOf: root.appendingPathComponent("samples/chats-sample.ndjson"))
        return data.split(separator: 0x0A).prefix(60).compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])?["text"] as? String
        }
    }
}

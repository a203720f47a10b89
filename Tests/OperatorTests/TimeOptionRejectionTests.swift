import Testing
import VigilContracts
import VigilRuntime
@testable import Operator

/// A time without a UTC offset: read in the host's zone, the same command
/// would mean different instants at different sites.
private let timeWithoutOffset = "2026-11-11T09:00"
private let validTime = "2026-11-11T09:00+08:00"

/// One `vigil` option that takes a time, given a time without an offset.
struct TimeOptionCase: Sendable, CustomTestStringConvertible {
    var command: String
    var option: String
    var arguments: [String]

    var testDescription: String { "vigil \(command) --\(option)" }
}

/// Every option whose value name is TIME, in every `vigil` command, with the
/// other arguments the command needs so that the time is what it rejects.
private let timeOptionCases: [TimeOptionCase] = OperatorCommand.subcommands.flatMap { command in
    let timeOptions = command.options.filter { $0.valueName == "TIME" }.map(\.name)
    let required: [String]
    switch command.name {
    case let name where name.hasPrefix("case ") && name != "case show" && name != "case list":
        required = ["case-3f2a9c01", "--actor", "agent-1"]
    case "report escalations", "report scores":
        required = ["--period", "day"]
    case "export":
        required = ["alerts"]
    case "offsets reset":
        required = ["vigil-alerting"]
    case "replay":
        required = ["alerting"]
    default:
        required = []
    }
    return timeOptions.map { option in
        // The other time options get valid times, so only `option` is wrong.
        let others = timeOptions.filter { $0 != option }.flatMap { ["--\($0)", validTime] }
        return TimeOptionCase(command: command.name, option: option,
                              arguments: required + others + ["--\(option)", timeWithoutOffset])
    }
}

@Suite("time options need a UTC offset")
struct TimeOptionRejectionTests {
    @Test("rejected with the TimeOption message", arguments: timeOptionCases)
    func rejectsTimeWithoutOffset(_ testCase: TimeOptionCase) throws {
        let command = try #require(OperatorCommand.subcommands.first { $0.name == testCase.command })
        // Nothing listens on this address: a command must reject the time
        // before it connects to a broker.
        let specs = command.options + OperatorCommand.sharedOptions(for: command)
        let options = try CommandLineOptions(specs).parse(
            testCase.arguments + ["--bootstrap-servers", "127.0.0.1:9"], environment: [:])
        let context = OperatorContext(configuration: try ServiceConfiguration(serviceName: "vigil", options: options),
                                      language: .english, shutdown: ShutdownSignal(signals: []))

        let expected = #expect(throws: UsageError.self) {
            _ = try TimeOption.parse(timeWithoutOffset, option: testCase.option)
        }
        let error = #expect(throws: UsageError.self) { _ = try command.run(options, context: context) }
        #expect(error?.message == expected?.message, "\(testCase.testDescription)")
        #expect(error?.message.hasPrefix("--\(testCase.option) \"\(timeWithoutOffset)\" has no UTC offset") == true)
    }

    @Test("cases cover the known time options")
    func coversKnownOptions() {
        let covered = Set(timeOptionCases.map(\.testDescription))
        let known = [
            "vigil case ack --at", "vigil case rectify --at", "vigil case rectify --due",
            "vigil report escalations --at", "vigil report scores --at", "vigil tail alerts --from",
            "vigil alerts watch --from", "vigil export --from", "vigil export --to",
            "vigil offsets reset --to-datetime", "vigil replay --from", "vigil replay --to",
        ]
        for name in known {
            #expect(covered.contains(name), "\(name) has a case")
        }
        #expect(timeOptionCases.count >= known.count + 8, "every case action takes --at: \(covered.sorted())")
    }
}

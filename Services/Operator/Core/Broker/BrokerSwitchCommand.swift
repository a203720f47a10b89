import VigilContracts
import VigilRuntime

/// `vigil broker down` and `vigil broker up`: the control lines they send.
enum BrokerSwitchCommand {
    /// The option both commands and `vigil broker` take.
    static let controlOption = OptionSpec(
        "control", environment: "VIGIL_BROKER_CONTROL", valueName: "PATH",
        help: LocalizedText(chinese: "内嵌 broker 的控制套接字（Unix 套接字文件路径）",
                            english: "the embedded broker's control socket (a Unix socket file path)"))

    static let positionalHelp = "all|ID…"

    /// Sends the request to the broker at `--control` and prints every broker's state.
    static func run(up: Bool, _ options: ParsedOptions, context: OperatorContext) throws -> Int32 {
        let request = try BrokerSwitch(up: up, words: options.positionals)
        guard let path = options.value("control") else {
            throw UsageError("missing --control: give the path that `vigil broker --control PATH` listens on")
        }

        let line: String
        do {
            line = try BrokerControlClient.send(request.line, to: path)
        } catch let failure as ControlSocket.Failure {
            ServiceMain.printError("vigil broker \(up ? "up" : "down"): \(failure)\n"
                + "Is `vigil broker --control \(path)` running?")
            return 1
        }

        switch BrokerControlReply(line: line) {
        case .failure(let message):
            throw UsageError(message)
        case .states(let upIds, let downIds):
            let upText = upIds.isEmpty ? context.text("无", "none") : upIds.map(String.init).joined(separator: ",")
            let downText = downIds.isEmpty ? context.text("无", "none") : downIds.map(String.init).joined(separator: ",")
            Console.printLine(context.text("运行中的 broker：\(upText)；已停止的 broker：\(downText)",
                                           "brokers up: \(upText); down: \(downText)"))
            return 0
        }
    }
}

/// `vigil broker down all|ID…`: takes brokers of a running embedded cluster down.
enum BrokerDownCommand: Subcommand {
    static let name = "broker down"
    static let connectsToCluster = false
    static let summary = LocalizedText(
        chinese: "停止内嵌集群（`vigil broker`）中的 broker（all 或编号），演练故障；集群须以 `--control` 启动",
        english: "take brokers of the embedded cluster (`vigil broker`) down (all or ids) to rehearse an outage; "
            + "the cluster must run with `--control`")
    static let positionalHelp = BrokerSwitchCommand.positionalHelp
    static let options = [BrokerSwitchCommand.controlOption]

    static func run(_ options: ParsedOptions, context: OperatorContext) throws -> Int32 {
        try BrokerSwitchCommand.run(up: false, options, context: context)
    }
}

/// `vigil broker up all|ID…`: brings brokers of a running embedded cluster back.
enum BrokerUpCommand: Subcommand {
    static let name = "broker up"
    static let connectsToCluster = false
    static let summary = LocalizedText(
        chinese: "恢复内嵌集群（`vigil broker`）中已停止的 broker（all 或编号）；集群须以 `--control` 启动",
        english: "bring brokers of the embedded cluster (`vigil broker`) back up (all or ids); "
            + "the cluster must run with `--control`")
    static let positionalHelp = BrokerSwitchCommand.positionalHelp
    static let options = [BrokerSwitchCommand.controlOption]

    static func run(_ options: ParsedOptions, context: OperatorContext) throws -> Int32 {
        try BrokerSwitchCommand.run(up: true, options, context: context)
    }
}

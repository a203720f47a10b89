import VigilContracts
import VigilRuntime

/// The command line of `vigil-escalation` and the processor it builds, shared
/// by the service's executable and `vigil replay escalation`, so that a
/// replay runs the processor exactly as the service does.
public enum EscalationSetup {
    /// The one-line description in `--help`.
    public static let summary = LocalizedText(
        chinese: "升级追踪：每个出现预警或投诉的顾客会话立一个案件，跟踪确认、跟进、升级和整改期限，逾期沿主管、经理、品牌经理逐级上报",
        english: "escalation tracking: one case per alerted or complained-about customer thread, "
            + "with acknowledge, follow-up and rectification deadlines that climb from supervisor "
            + "to manager to brand manager")

    /// `--case-policy`.
    public static let options: [OptionSpec] = [CasePolicy.option]

    /// Builds the processor from the service's parsed options.
    ///
    /// - Throws: ``UsageError`` when the case policy file cannot be read or is invalid.
    public static func makeProcessor(configuration: ServiceConfiguration,
                                     options: ParsedOptions) throws -> EscalationProcessor {
        var policy = CasePolicy()
        if let path = options.value(CasePolicy.option.name) {
            do {
                policy = try CasePolicy.load(path: path)
            } catch {
                throw UsageError(error.description)
            }
        }
        return EscalationProcessor(catalogue: configuration.catalogue, policy: policy)
    }
}

import Scoring
import VigilContracts
import VigilRuntime

let zoneOption = OptionSpec(
    "zone", environment: "VIGIL_SCORING_ZONE", valueName: "±HH:MM", defaultValue: "+08:00",
    help: LocalizedText(chinese: "按此时区（UTC 偏移）划分自然日", english: "UTC offset whose calendar days the scores use"))

ServiceMain.run(
    serviceName: "vigil-scoring",
    summary: LocalizedText(chinese: "考核：按客服、按天统计会话数、首次响应时长、预警、案件和投诉",
                           english: "scoring: per agent and day, conversations, first response time, alerts, cases, complaints"),
    extraOptions: [zoneOption]
) { configuration, options in
    let zone = options.value("zone") ?? "+08:00"
    guard let offset = TimestampFormat.parseUTCOffset(zone) else {
        throw UsageError("invalid value \"\(zone)\" for --zone: expected an offset such as +08:00")
    }
    return ScoringProcessor(catalogue: configuration.catalogue, utcOffsetSeconds: offset)
}

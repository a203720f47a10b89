import Scoring
import VigilContracts
import VigilRuntime

ServiceMain.run(
    serviceName: "vigil-scoring",
    summary: LocalizedText(chinese: "考核：把会话、预警、案件、投诉和订单按客服、团队、外包商、站点和店铺发布为考核事实",
                           english: "scoring: publishes conversations, alerts, cases, complaints and orders as scoring facts per agent, team, vendor, site and shop"),
    extraOptions: []
) { configuration, _ in
    ScoringFactsProcessor(catalogue: configuration.catalogue)
}

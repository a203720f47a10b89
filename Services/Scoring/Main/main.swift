import Scoring
import VigilRuntime

ServiceMain.runStages(serviceName: "vigil-scoring", summary: ScoringStages.summary,
                      extraOptions: ScoringStages.options,
                      makeStages: ScoringStages.stages(configuration:options:))

// MARK: - The built-in scorecard

extension Scorecard {
    /// The text of `scorecards/default.json`, which a test keeps equal to the file.
    public static let builtInText = #"""
{
  "version": "2026.12-1",
  "zone": "+08:00",
  "responseCapSeconds": 600,
  "replyLimitSeconds": 180,
  "conversionHours": 24,
  "items": [
    {"id": "first-response", "name": {"zh-CN": "首次响应中位数", "en": "First response median"},
     "measure": "firstResponseMedianSeconds", "weight": 20, "full": 30, "zero": 180},
    {"id": "response-p90", "name": {"zh-CN": "响应时长P90", "en": "Response time p90"},
     "measure": "responseP90Seconds", "weight": 10, "full": 60, "zero": 600},
    {"id": "replies-within-limit", "name": {"zh-CN": "及时回复率", "en": "Replies within limit"},
     "measure": "repliesWithinLimitShare", "weight": 20, "full": 0.98, "zero": 0.8},
    {"id": "alerts-per-100", "name": {"zh-CN": "每百会话预警数", "en": "Alerts per 100 conversations"},
     "measure": "alertsPer100Conversations", "weight": 20, "full": 0, "zero": 20},
    {"id": "conversion", "name": {"zh-CN": "咨询转化率", "en": "Conversion rate"},
     "measure": "conversionRate", "weight": 10, "full": 0.4, "zero": 0},
    {"id": "rectification-on-time", "name": {"zh-CN": "整改按时率", "en": "Rectification on time"},
     "measure": "rectificationOnTimeShare", "weight": 20, "full": 1, "zero": 0.5}
  ],
  "critical": [
    {"id": "regulator-human-cause", "name": {"zh-CN": "人为原因导致监管投诉", "en": "Regulator case with a human cause"},
     "measure": "regulatorHumanCauseCases", "maximum": 0}
  ],
  "campaigns": [
    {"id": "2026-double11", "name": {"zh-CN": "2026 双11", "en": "2026 Double 11"},
     "from": "2026-10-31T20:00:00+08:00", "to": "2026-11-12T00:00:00+08:00",
     "rewardTopN": 3,
     "teamTargets": {"T-hz-a": 100000, "T-hz-b": 80000, "T-hf-a": 90000, "T-hf-b": 80000,
                     "T-cd-a": 100000, "T-cd-b": 80000}}
  ]
}

"""#

    /// The scorecard services use without `--scorecard`: ``builtInText`` parsed once.
    public static let builtIn: Scorecard = {
        do {
            return try parse(builtInText, fileName: "built-in scorecard")
        } catch {
            // The built-in scorecard suite parses this constant, so an invalid edit fails the tests first.
            preconditionFailure("the built-in scorecard is invalid: \(error)")
        }
    }()
}

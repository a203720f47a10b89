import VigilContracts
import VigilScoring

/// A league table (`GET /league?kind=…&period=…`): the subjects of one kind
/// ranked by their scorecard total for the latest period, with each item's
/// contribution to the total.
enum LeaguePage {
    static func content(kind: ScoreSubjectKind, periodKind: ScorePeriodKind, period: ScorePeriod?,
                        rows: [ConsoleScoreRow], text: ConsoleText) -> String {
        var parts = ["<h1>\(ConsoleSection.league.title(text))</h1>", tabs(kind: kind, periodKind: periodKind, text: text)]
        guard let period else {
            parts.append("<p class=\"empty\">\(text.pick("这一周期还没有评分。", "No scores for this period yet."))</p>")
            return parts.joined(separator: "\n")
        }
        parts.append("<h2>\(text.html(ScoreText.kindName(kind, text)))\(text.pick("：", ": "))"
            + "\(text.html(ScoreText.periodTitle(period, text)))</h2>")

        // The columns come from the first row with a scorecard. Every row of a
        // period has the same items unless the scorecard changed mid-period.
        let items = rows.lazy.compactMap(\.score.scorecard).first?.items ?? []
        var headers = [text.pick("名次", "Rank"), text.pick("名称", "Name"), "ID", text.pick("评分卡总分", "Scorecard total")]
        headers += items.map { item in
            let measure = ScoreMeasure(rawValue: item.measure)
            let name = measure.map { text.pick($0.label) } ?? item.id
            // A weight, not a maximum: items without data scale the others up.
            return text.pick("\(name)（权重 \(ScoreText.points(item.weight))）",
                             "\(name) (weight \(ScoreText.points(item.weight)))")
        }
        headers.append(text.pick("一票否决项", "Critical items"))

        let tableRows = rows.enumerated().map { index, row in
            tableRow(rank: index + 1, row: row, items: items, text: text)
        }
        parts.append(ConsoleTable.html(headers: headers, rows: tableRows, empty: text.pick("没有评分。", "No scores."),
                                       text: text, id: "league"))
        let hint = text.pick("各项得分是该项在总分中的贡献，各项之和即总分；一票否决项未通过时总分为 0。",
                             "Each item's figure is its contribution to the total, and they add up to the total; "
                                 + "a failed critical item makes the total 0.")
        parts.append("<p class=\"hint\">\(text.attribute(hint))</p>")
        return parts.joined(separator: "\n")
    }

    private static func tableRow(rank: Int, row: ConsoleScoreRow, items: [ScoreItemResult], text: ConsoleText) -> String {
        let scorecard = row.score.scorecard
        var cells = [String(rank), row.name, row.score.subject.id, ScoreText.points(scorecard?.total)]
        for item in items {
            let result = scorecard?.items.first { $0.id == item.id }
            cells.append(ScoreText.points(result?.contribution))
        }
        let failed: [String] = (scorecard?.critical ?? []).filter(\.failed).map { critical in
            let name = ScoreMeasure(rawValue: critical.measure).map { text.pick($0.label) } ?? critical.id
            return text.pick("\(name) 未通过", "\(name) failed")
        }
        cells.append(failed.isEmpty ? "-" : failed.joined(separator: "、"))
        let rowClass = failed.isEmpty ? "" : " class=\"zeroed\""
        return "<tr\(rowClass)>" + cells.map { "<td>\(text.html($0))</td>" }.joined() + "</tr>"
    }

    private static func tabs(kind: ScoreSubjectKind, periodKind: ScorePeriodKind, text: ConsoleText) -> String {
        let kindLinks = ScoreText.kinds.map { option in
            let current = option == kind ? " aria-current=\"page\"" : ""
            return "<a href=\"/league?kind=\(option.rawValue)&amp;period=\(periodKind.rawValue)\"\(current)>"
                + "\(text.attribute(ScoreText.kindName(option, text)))</a>"
        }
        let periodLinks = ScoreText.periods.map { option in
            let current = option == periodKind ? " aria-current=\"page\"" : ""
            return "<a href=\"/league?kind=\(kind.rawValue)&amp;period=\(option.rawValue)\"\(current)>"
                + "\(text.attribute(ScoreText.periodName(option, text)))</a>"
        }
        return "<nav class=\"tabs\">\(kindLinks.joined())</nav>\n<nav class=\"tabs\">\(periodLinks.joined())</nav>"
    }
}

import Foundation
import VigilContracts

/// The evaluation as tables: plain text for the terminal, Markdown for docs/EVALUATION.md.
extension DetectionEvaluation {
    /// How many examples of each kind the verbose text lists.
    static let verboseExamples = 40

    // MARK: - Tables

    /// The rows of the labelled-data table: one per category, then the negated and evasive subsets.
    private var labelledRows: [[String]] {
        var rows = metrics.categories.map { score in
            let target = Self.targetCategories.contains(score.category)
                ? "≥ \(Self.percent(Self.targetPrecision)) / ≥ \(Self.percent(Self.targetRecall))"
                : "—"
            return [score.category.rawValue, "\(score.labelled)", "\(score.predicted)", "\(score.truePositives)",
                    Self.percent(score.precision), Self.percent(score.recall), target]
        }
        rows.append(["negated (must not alert)", "\(metrics.negated.labelled)", "\(metrics.negated.counted)", "",
                     "", "", "0 alerted"])
        rows.append(["evasive (disguised words)", "\(metrics.evasive.labelled)", "", "\(metrics.evasive.counted)",
                     "", Self.percent(metrics.evasive.labelled == 0 ? nil
                                          : Double(metrics.evasive.counted) / Double(metrics.evasive.labelled)), ""])
        return rows
    }

    private static let labelledHeaders = ["category", "labelled", "predicted", "true positives", "precision", "recall",
                                          "target (precision / recall)"]

    private var otherRows: [[String]] {
        [
            ["labelled `none` messages that alerted", "\(metrics.falseAlerts)"],
            ["unlabelled customer messages that alerted", "\(unlabelledCustomerAlerts.count)"],
            ["agent and system messages that alerted (target 0)", "\(agentAlerts.count)"],
        ]
    }

    private var backgroundRows: [[String]] {
        [
            ["customer messages", "\(background.customerMessages)"],
            ["customer messages that alerted", "\(background.alertedCustomerMessages)"],
            ["alerts per 1,000 customer messages", String(format: "%.2f", background.alertsPerThousandMessages)],
            ["conversations", "\(background.conversations)"],
            ["conversations with an alert", "\(background.alertedConversations) (\(Self.percent(background.alertedConversationShare)))"],
        ]
    }

    // MARK: - Text

    /// Renders the tables for a terminal. `verbose` adds the mismatched labelled
    /// messages, unlabelled and agent alerts, and the JD alerts for review.
    func text(verbose: Bool) -> String {
        var labelled = TextTable(headers: Self.labelledHeaders, rightAligned: [1, 2, 3, 4, 5])
        labelledRows.forEach { labelled.append($0) }
        var other = TextTable(headers: ["waimai alerts outside the labels", "messages"], rightAligned: [1])
        otherRows.forEach { other.append($0) }
        var jd = TextTable(headers: ["JD chats (background traffic)", "value"], rightAligned: [1])
        backgroundRows.forEach { jd.append($0) }

        var sections = [
            "Detection with rule set \(ruleSetVersion) on labelled waimai messages",
            labelled.render(), "", other.render(), "", jd.render(),
        ]
        if verbose {
            sections += Self.list("Labelled messages predicted differently", mismatches)
            sections += Self.list("Unlabelled customer messages that alerted", unlabelledCustomerAlerts)
            sections += Self.list("Agent and system messages that alerted", agentAlerts)
            sections += Self.list("JD messages that alerted", background.examples)
        }
        let unmet = unmetTargets
        sections += ["", unmet.isEmpty ? "All targets met." : "Targets not met: " + unmet.joined(separator: "; ")]
        return sections.joined(separator: "\n")
    }

    private static func list(_ title: String, _ examples: [Example]) -> [String] {
        var lines = ["", "\(title) (\(examples.count)):"]
        for example in examples.prefix(verboseExamples) {
            let labelled = example.labelled?.rawValue ?? "-"
            let predicted = example.predicted?.rawValue ?? "-"
            let rules = example.ruleIds.isEmpty ? "" : " [\(example.ruleIds.joined(separator: ","))]"
            lines.append("  \(example.messageId) \(example.role.rawValue) label=\(labelled) predicted=\(predicted)\(rules): "
                         + example.text.replacingOccurrences(of: "\n", with: " "))
        }
        if examples.count > verboseExamples {
            lines.append("  … \(examples.count - verboseExamples) more (--json FILE lists them all)")
        }
        return lines
    }

    // MARK: - Markdown

    /// Renders the tables in Markdown, without message texts, for docs/EVALUATION.md.
    func markdown() -> String {
        var lines = ["Rule set version `\(ruleSetVersion)`.", ""]
        lines += Self.markdownTable(Self.labelledHeaders, labelledRows)
        lines += [""] + Self.markdownTable(["waimai alerts outside the labels", "messages"], otherRows)
        lines += [""] + Self.markdownTable(["JD chats (background traffic)", "value"], backgroundRows)
        return lines.joined(separator: "\n") + "\n"
    }

    private static func markdownTable(_ headers: [String], _ rows: [[String]]) -> [String] {
        let numeric = Set(headers.indices.dropFirst())
        let rule = headers.indices.map { numeric.contains($0) ? "---:" : "---" }
        return ([headers, rule] + rows).map { "| " + $0.joined(separator: " | ") + " |" }
    }

    static func percent(_ value: Double?) -> String {
        guard let value else { return "—" }
        return String(format: "%.1f%%", value * 100)
    }
}

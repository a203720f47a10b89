import VigilContracts

extension ScoreReport {
    // MARK: - Scorecard versions

    /// The scorecard versions of the rows' scores in version order, each with
    /// the ids of its rows in row order. Rows without a scorecard result are left out.
    var versionGroups: [(version: String, subjects: [String])] {
        var groups: [String: [String]] = [:]
        for row in rows {
            if let version = row.score.scorecard?.version {
                groups[version, default: []].append(row.subject.id)
            }
        }
        return groups.sorted { $0.key < $1.key }.map { (version: $0.key, subjects: $0.value) }
    }

    /// True when the rows' scores come from more than one scorecard version,
    /// so the score table names each row's version.
    var hasMixedVersions: Bool {
        versionGroups.count > 1
    }

    /// Names the scorecard version of the scores, or with mixed versions which
    /// rows use which; nil when no row has a scorecard result.
    func versionLine(_ text: ReportText) -> String? {
        let groups = versionGroups
        guard let only = groups.first else { return nil }
        guard groups.count > 1 else {
            return text.pick("评分卡版本：\(only.version)", "Scorecard version: \(only.version)")
        }
        let parts = groups.map { group in
            text.pick("\(group.version) 用于 \(group.subjects.count) 个（\(Self.list(group.subjects, text))）",
                      "\(group.version) for \(group.subjects.count) (\(Self.list(group.subjects, text)))")
        }
        return text.pick("评分卡版本：" + parts.joined(separator: "；") + "。每行所用的版本见“评分卡版本”列。",
                         "Scorecard versions: " + parts.joined(separator: "; ")
                             + ". The score table names each row's version.")
    }

    /// Returns a warning about the rows computed with another scorecard version
    /// than the report's. The report may not know their item names, and it
    /// cannot show their thresholds. Nil when every row uses the report's version.
    func otherScorecardWarning(_ text: ReportText) -> String? {
        let others = versionGroups.filter { $0.version != scorecard.version }
        guard !others.isEmpty else { return nil }
        let count = others.map(\.subjects.count).reduce(0, +)
        let parts = others.map { group in
            text.pick("\(group.version)：\(Self.list(group.subjects, text))", "\(group.version) for \(Self.list(group.subjects, text))")
        }
        let version = scorecard.version
        return text.pick(
            "\(rows.count) 个评分中有 \(count) 个不是按报告读取的评分卡 \(version) 计算的（\(parts.joined(separator: "；"))）。"
                + "这些评分的项目名称取自评分卡 \(version)，其中没有的项目只显示编号，也不显示满分值和零分值；"
                + "用 --scorecard 指定算出它们的评分卡文件即可看到。",
            "\(count) of \(rows.count) scores were computed with another scorecard than the report's \(version) "
                + "(\(parts.joined(separator: "; "))). Their item names come from scorecard \(version), items it does not list "
                + "show their ids, and their full and zero values are not shown; pass the scorecard file that computed them "
                + "with --scorecard to see those.")
    }

    /// The maximum number of subject ids a version line names before it shortens the list.
    static let listedSubjects = 6

    /// Joins ids, shortened after ``listedSubjects`` with the number left out.
    private static func list(_ ids: [String], _ text: ReportText) -> String {
        let shown = ids.prefix(listedSubjects).joined(separator: text.pick("、", ", "))
        let rest = ids.count - listedSubjects
        guard rest > 0 else { return shown }
        return shown + text.pick(" 等另 \(rest) 个", " and \(rest) more")
    }
}

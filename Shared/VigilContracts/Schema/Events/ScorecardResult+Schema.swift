// MARK: - Scorecard result node

extension ScorecardResult {
    /// Returns the schema node of the scorecard's verdict on a score's figures.
    static func schema(_ meaning: LocalizedText) -> JSONSchema {
        .object([
            .required("version", .string(LocalizedText(
                chinese: "评分卡文件的 version（\"2026.12-1\"）。",
                english: "The scorecard file's version (\"2026.12-1\")."))),
            .optional("total", .number(LocalizedText(
                chinese: "总分 0–100，保留两位小数：100 × 各项得分之和 ÷ 有数值的项的权重之和。有一票否决项不合格时为 0。"
                    + "没有任何加权项有数值时（如只有订单的店铺）不写。",
                english: "The total, 0 to 100, rounded to two decimals: 100 × the sum of points over the sum of "
                    + "the weights of the items with a value. It is 0 when a critical item failed, and left out "
                    + "when no weighted item has a value (a shop with orders only, say)."))),
            .required("zeroedBy", .array(of: .string(LocalizedText(
                chinese: "一票否决项的 ID。",
                english: "A critical item's id.")), LocalizedText(
                chinese: "不合格而使总分为 0 的一票否决项，按文件中的顺序；都合格时为空。",
                english: "The critical items that failed and zeroed the total, in file order; empty when none failed."))),
            .required("items", .array(of: itemSchema, LocalizedText(
                chinese: "评分卡的每个加权项，按文件中的顺序。",
                english: "Every weighted item of the scorecard, in file order."))),
            .required("critical", .array(of: criticalSchema, LocalizedText(
                chinese: "评分卡的每个一票否决项，按文件中的顺序。",
                english: "Every critical item of the scorecard, in file order."))),
        ], meaning)
    }

    // MARK: - Items

    private static var itemSchema: JSONSchema {
        .object([
            .required("id", .string(LocalizedText(
                chinese: "该项在评分卡文件中的 ID（\"first-response\"）。",
                english: "The item's id in the scorecard file (\"first-response\")."))),
            .required("measure", .string(LocalizedText(
                chinese: "该项读取的指标名，与评分卡文件中的写法相同（\"firstResponseMedianSeconds\"）。",
                english: "The measure the item reads, named as in the scorecard file (\"firstResponseMedianSeconds\")."))),
            .optional("value", .number(LocalizedText(
                chinese: "指标的值。周期内没有可计量的内容时不写，该项及其权重都不计入总分。",
                english: "The measure's value. Left out when the period has nothing to measure, which leaves the "
                    + "item and its weight out of the total."))),
            .required("weight", .number(LocalizedText(
                chinese: "该项在评分卡中的权重。",
                english: "The item's weight in the scorecard."))),
            .optional("points", .number(LocalizedText(
                chinese: "该项得分 0–weight，保留两位小数：weight × ((value − zero) ÷ (full − zero)，限制在 0–1)。"
                    + "value 不写时也不写。",
                english: "The points earned, 0 to weight, rounded to two decimals: weight × ((value − zero) ÷ "
                    + "(full − zero), clamped to 0…1). Left out when value is."))),
            .optional("contribution", .number(LocalizedText(
                chinese: "该项对总分的贡献，保留两位小数：100 × points ÷ 有数值的项的权重之和。没有一票否决项不合格时，"
                    + "各项贡献之和等于总分（舍入误差除外）。value 不写时也不写。",
                english: "The item's share of the total, rounded to two decimals: 100 × points over the sum of "
                    + "the weights of the items with a value. Unless a critical item failed, the contributions "
                    + "add up to the total, up to rounding. Left out when value is."))),
        ], LocalizedText(
            chinese: "一个加权项的结果。",
            english: "One weighted item's result."))
    }

    private static var criticalSchema: JSONSchema {
        .object([
            .required("id", .string(LocalizedText(
                chinese: "该项在评分卡文件中的 ID（\"regulator-human-cause\"）。",
                english: "The item's id in the scorecard file (\"regulator-human-cause\")."))),
            .required("measure", .string(LocalizedText(
                chinese: "该项读取的指标名（\"regulatorHumanCauseCases\"）。",
                english: "The measure the item reads (\"regulatorHumanCauseCases\")."))),
            .required("value", .number(LocalizedText(
                chinese: "指标的值；没有数值时按 0 计。",
                english: "The measure's value, 0 when the measure has none."))),
            .required("maximum", .number(LocalizedText(
                chinese: "评分卡允许的最大值。",
                english: "The largest value the scorecard allows."))),
            .required("failed", .boolean(LocalizedText(
                chinese: "value 超过 maximum 时为 true，此时总分为 0。",
                english: "True when value exceeds maximum, which zeroes the total."))),
        ], LocalizedText(
            chinese: "一个一票否决项的结果。",
            english: "One critical item's result."))
    }
}

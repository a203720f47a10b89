import VigilContracts

/// Renders a replay comparison for people (text) and for programs (JSON).
public enum ReplayReport {
    /// The number of records, conflicts or alerts a text report lists per outcome before "… N more".
    public static let listLimit = 50

    /// Renders the report as text in `language`: the header, a summary table per topic and outcome,
    /// the backtest when given, then the records that differ, at most ``listLimit`` per outcome.
    public static func text(_ comparison: ReplayComparison, backtest: AlertBacktest?, header: ReplayHeader,
                            language: Language) -> String {
        ReplayTextReport(comparison: comparison, backtest: backtest, header: header, language: language).render()
    }

    /// Renders the complete report as indented JSON with sorted keys and a final newline;
    /// docs/REPLAY.md describes every field.
    public static func json(_ comparison: ReplayComparison, backtest: AlertBacktest?,
                            header: ReplayHeader) -> String {
        ReplayReportDocument(comparison: comparison, backtest: backtest, header: header).jsonText()
    }
}

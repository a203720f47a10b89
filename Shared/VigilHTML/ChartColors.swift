/// The colours of the report charts: distinguishable series colours that
/// also print readably in grey.
public enum ChartColors {
    /// The series colours in the order charts use them.
    public static let series = ["#2f6db5", "#e07b39", "#3a9a5b", "#c23b3b", "#7b5ea7", "#8c6d3f", "#d264a8", "#5f7f8f"]
    /// The colour of axis lines.
    public static let axis = "#999"
    /// The colour of grid lines and empty bar tracks.
    public static let grid = "#e3e3e3"
    /// The colour of titles and values.
    public static let text = "#333"
    /// The colour of axis labels and notes.
    public static let muted = "#777"

    /// Returns the colour of the series at `index`, repeating after the last.
    public static func series(_ index: Int) -> String {
        series[index % series.count]
    }
}

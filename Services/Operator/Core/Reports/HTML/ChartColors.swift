/// The colours of the report charts: distinguishable series colours that
/// also print readably in grey.
enum ChartColors {
    static let series = ["#2f6db5", "#e07b39", "#3a9a5b", "#c23b3b", "#7b5ea7", "#8c6d3f", "#d264a8", "#5f7f8f"]
    static let axis = "#999"
    static let grid = "#e3e3e3"
    static let text = "#333"
    static let muted = "#777"

    /// Returns the colour of the series at `index`, repeating after the last.
    static func series(_ index: Int) -> String {
        series[index % series.count]
    }
}

/// A column chart: one vertical bar per category, its value written above it
/// and its label (and an optional note such as a share) below it.
public struct SVGColumnChart {
    /// One category's column; `text` is the value as the report writes it.
    public struct Column {
        public var label: String
        public var value: Double
        public var text: String
        /// A second line under the label, such as a share.
        public var note: String?

        public init(label: String, value: Double, text: String, note: String? = nil) {
            self.label = label
            self.value = value
            self.text = text
            self.note = note
        }
    }

    /// The chart's width in CSS pixels.
    public static let width = 760.0
    private static let height = 250.0
    private static let left = 10.0
    private static let top = 40.0
    private static let bottom = 46.0

    public var title: String
    public var columns: [Column]
    /// The columns' fill colour.
    public var color: String

    public init(title: String, columns: [Column], color: String) {
        self.title = title
        self.columns = columns
        self.color = color
    }

    /// Writes the chart as an `<svg>` element with `id`.
    public func render(id: String) -> String {
        var canvas = SVGCanvas(width: Self.width, height: Self.height)
        canvas.text(title, x: 0, y: 16, size: 13, bold: true, className: "chart-title")
        let plotWidth = Self.width - 2 * Self.left
        let plotHeight = Self.height - Self.top - Self.bottom
        let baseline = Self.top + plotHeight
        let slot = columns.isEmpty ? plotWidth : plotWidth / Double(columns.count)
        let barWidth = min(slot * 0.7, 64)
        let largest = columns.map(\.value).max() ?? 0
        let every = max(1, Int((Double(columns.count) / 16).rounded(.up)))

        canvas.line(x1: Self.left, y1: baseline, x2: Self.left + plotWidth, y2: baseline, stroke: ChartColors.axis)
        for (index, column) in columns.enumerated() {
            let center = Self.left + slot * (Double(index) + 0.5)
            let length = largest > 0 ? plotHeight * column.value / largest : 0
            canvas.beginGroup(className: "column", data: ["label": column.label, "value": column.text])
            canvas.rect(x: center - barWidth / 2, y: baseline - length, width: barWidth, height: length, fill: color,
                        title: "\(column.label): \(column.text)" + (column.note.map { " (\($0))" } ?? ""))
            canvas.text(column.text, x: center, y: baseline - length - 5, anchor: .middle, size: 11,
                        className: "column-value")
            if index % every == 0 {
                canvas.text(column.label, x: center, y: baseline + 16, anchor: .middle, size: 11,
                            fill: ChartColors.muted, className: "column-label")
                if let note = column.note {
                    canvas.text(note, x: center, y: baseline + 31, anchor: .middle, size: 10,
                                fill: ChartColors.muted, className: "column-note")
                }
            }
            canvas.endGroup()
        }
        return canvas.render(id: id, label: title)
    }
}

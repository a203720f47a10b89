/// A line chart of a few series over days, with a value axis from zero to a
/// fixed maximum (100 for scores). A day without a value leaves a gap.
public struct SVGLineChart {
    /// One line: its legend label and one value per x position, nil for a gap.
    public struct Series {
        public var label: String
        public var values: [Double?]

        public init(label: String, values: [Double?]) {
            self.label = label
            self.values = values
        }
    }

    /// The chart's width in CSS pixels.
    public static let width = 760.0
    private static let height = 300.0
    private static let left = 40.0
    private static let right = 170.0
    private static let top = 34.0
    private static let bottom = 36.0
    /// The number of points up to which the chart writes every value next to
    /// its point, as it does for a single series. Beyond it, the values are
    /// only in the points' titles, because labels of crossing lines overlap.
    public static let labelledPointLimit = 14

    public var title: String
    /// One label per position on the x axis, such as "11-11".
    public var xLabels: [String]
    public var series: [Series]
    /// The value at the top of the axis; values above it are drawn at the top.
    public var maximum: Double
    /// Formats axis ticks and point values.
    public var format: (Double) -> String

    public init(title: String, xLabels: [String], series: [Series], maximum: Double,
                format: @escaping (Double) -> String) {
        self.title = title
        self.xLabels = xLabels
        self.series = series
        self.maximum = maximum
        self.format = format
    }

    /// Writes the chart as an `<svg>` element with `id`.
    public func render(id: String) -> String {
        var canvas = SVGCanvas(width: Self.width, height: Self.height)
        canvas.text(title, x: 0, y: 16, size: 13, bold: true, className: "chart-title")
        let plotWidth = Self.width - Self.left - Self.right
        let plotHeight = Self.height - Self.top - Self.bottom
        let step = xLabels.count > 1 ? plotWidth / Double(xLabels.count - 1) : 0
        func x(_ index: Int) -> Double { Self.left + (xLabels.count > 1 ? Double(index) * step : plotWidth / 2) }
        func y(_ value: Double) -> Double { Self.top + plotHeight * (1 - min(max(value / maximum, 0), 1)) }

        // MARK: Axes

        for tick in 0...4 {
            let value = maximum * Double(tick) / 4
            canvas.line(x1: Self.left, y1: y(value), x2: Self.left + plotWidth, y2: y(value), stroke: ChartColors.grid)
            canvas.text(format(value), x: Self.left - 6, y: y(value) + 4, anchor: .end, size: 11,
                        fill: ChartColors.muted, className: "axis-value")
        }
        let every = max(1, Int((Double(xLabels.count) / 12).rounded(.up)))
        for (index, label) in xLabels.enumerated() where index % every == 0 || index == xLabels.count - 1 {
            canvas.text(label, x: x(index), y: Self.top + plotHeight + 18, anchor: .middle, size: 11,
                        fill: ChartColors.muted, className: "axis-label")
        }

        // MARK: Series

        let labelled = series.count == 1 || series.count * xLabels.count <= Self.labelledPointLimit
        for (number, line) in series.enumerated() {
            let color = ChartColors.series(number)
            canvas.beginGroup(className: "series", data: ["label": line.label])
            var run: [(x: Double, y: Double)] = []
            for (index, value) in line.values.enumerated() {
                guard let value else {
                    canvas.polyline(run, stroke: color)
                    run = []
                    continue
                }
                run.append((x(index), y(value)))
            }
            canvas.polyline(run, stroke: color)
            for (index, value) in line.values.enumerated() {
                guard let value, index < xLabels.count else { continue }
                canvas.circle(x: x(index), y: y(value), radius: 3.5, fill: color,
                              title: "\(line.label) \(xLabels[index]): \(format(value))", className: "point")
                if labelled {
                    canvas.text(format(value), x: x(index), y: y(value) - 7, anchor: .middle, size: 10, fill: color,
                                className: "point-value")
                }
            }
            let legendY = Self.top + Double(number) * 18
            canvas.rect(x: Self.width - Self.right + 14, y: legendY - 9, width: 12, height: 12, fill: color)
            canvas.text(SVGBarPanel.shortened(line.label), x: Self.width - Self.right + 32, y: legendY + 1, size: 12,
                        className: "legend-label")
            canvas.endGroup()
        }
        return canvas.render(id: id, label: title)
    }
}

/// A horizontal bar chart of one measure across a few subjects, drawn as one
/// panel of a comparison: a title, then a row per subject with its label, bar and value.
public struct SVGBarPanel {
    /// One subject's bar; `text` is the value as the report writes it.
    public struct Bar {
        public var label: String
        /// The bar's length in units of the panel's scale; nil draws no bar.
        public var value: Double?
        public var text: String

        public init(label: String, value: Double?, text: String) {
            self.label = label
            self.value = value
            self.text = text
        }
    }

    /// The panel's width in CSS pixels.
    public static let width = 330.0
    private static let labelWidth = 104.0
    private static let barWidth = 150.0
    private static let rowHeight = 22.0
    private static let top = 30.0

    public var title: String
    public var bars: [Bar]
    /// The bars' fill colour, such as one of ``ChartColors/series``.
    public var color: String
    /// The value a full-width bar stands for, such as 100 for a score; nil scales to the largest value.
    public var scaleMaximum: Double?

    public init(title: String, bars: [Bar], color: String, scaleMaximum: Double?) {
        self.title = title
        self.bars = bars
        self.color = color
        self.scaleMaximum = scaleMaximum
    }

    /// Writes the panel as an `<svg>` element with `id`.
    public func render(id: String) -> String {
        let height = Self.top + Double(bars.count) * Self.rowHeight + 6
        var canvas = SVGCanvas(width: Self.width, height: height)
        canvas.text(title, x: 0, y: 16, size: 13, bold: true, className: "chart-title")

        let largest = bars.compactMap(\.value).max() ?? 0
        let maximum = scaleMaximum ?? (largest > 0 ? largest : 1)
        for (index, bar) in bars.enumerated() {
            let y = Self.top + Double(index) * Self.rowHeight
            canvas.beginGroup(className: "bar", data: ["label": bar.label, "value": bar.text])
            canvas.text(Self.shortened(bar.label), x: 0, y: y + 14, size: 12, className: "bar-label")
            let length = bar.value.map { Self.barWidth * min(max($0 / maximum, 0), 1) } ?? 0
            canvas.rect(x: Self.labelWidth, y: y + 3, width: Self.barWidth, height: 14, fill: ChartColors.grid)
            canvas.rect(x: Self.labelWidth, y: y + 3, width: length, height: 14, fill: color,
                        title: "\(bar.label): \(bar.text)")
            canvas.text(bar.text, x: Self.labelWidth + Self.barWidth + 6, y: y + 14, size: 12, className: "bar-value")
            canvas.endGroup()
        }
        return canvas.render(id: id, label: title)
    }

    /// Cuts a label that would run into the bars, keeping its start, so long ids stay recognisable.
    public static func shortened(_ label: String) -> String {
        let limit = 16
        guard DisplayWidth.columns(label) > limit else { return label }
        var result = ""
        for character in label {
            if DisplayWidth.columns(result + String(character)) > limit - 1 {
                break
            }
            result.append(character)
        }
        return result + "…"
    }
}

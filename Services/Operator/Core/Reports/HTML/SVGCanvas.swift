/// Collects SVG elements for one inline chart and writes them as an `<svg>`
/// element for an HTML page.
///
/// Numbers and labels are `<text>` elements, so readers can select them and a
/// test can read them from the browser's DOM. No element refers to anything
/// outside the page, and the SVG carries no `xmlns`, which HTML does not need.
struct SVGCanvas {
    var width: Double
    var height: Double
    private var elements: [String] = []

    init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// Horizontal alignment of a text at its x coordinate.
    enum Anchor: String {
        case start
        case middle
        case end
    }

    // MARK: - Shapes

    mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String, title: String? = nil,
                       className: String? = nil) {
        let attributes = "x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" width=\"\(Self.number(max(width, 0)))\" "
            + "height=\"\(Self.number(max(height, 0)))\" fill=\"\(fill)\"" + Self.classAttribute(className)
        elements.append(Self.element("rect", attributes, title: title))
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1,
                       dashed: Bool = false) {
        elements.append("<line x1=\"\(Self.number(x1))\" y1=\"\(Self.number(y1))\" x2=\"\(Self.number(x2))\" "
            + "y2=\"\(Self.number(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(Self.number(width))\""
            + (dashed ? " stroke-dasharray=\"4 3\"" : "") + "/>")
    }

    mutating func polyline(_ points: [(x: Double, y: Double)], stroke: String, width: Double = 2) {
        guard points.count > 1 else { return }
        let list = points.map { "\(Self.number($0.x)),\(Self.number($0.y))" }.joined(separator: " ")
        elements.append("<polyline points=\"\(list)\" fill=\"none\" stroke=\"\(stroke)\" "
            + "stroke-width=\"\(Self.number(width))\" stroke-linejoin=\"round\"/>")
    }

    mutating func circle(x: Double, y: Double, radius: Double, fill: String, title: String? = nil,
                         className: String? = nil) {
        let attributes = "cx=\"\(Self.number(x))\" cy=\"\(Self.number(y))\" r=\"\(Self.number(radius))\" fill=\"\(fill)\""
            + Self.classAttribute(className)
        elements.append(Self.element("circle", attributes, title: title))
    }

    /// Adds a text; `className` lets tests and styles tell labels from values.
    mutating func text(_ content: String, x: Double, y: Double, anchor: Anchor = .start, size: Double = 12,
                       bold: Bool = false, fill: String = "#333", className: String? = nil) {
        elements.append("<text x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" text-anchor=\"\(anchor.rawValue)\" "
            + "font-size=\"\(Self.number(size))\"" + (bold ? " font-weight=\"bold\"" : "") + " fill=\"\(fill)\""
            + Self.classAttribute(className) + ">" + HTMLText.escape(content) + "</text>")
    }

    /// Opens a group of elements that belong to one data point or series.
    mutating func beginGroup(className: String, data: [String: String] = [:]) {
        let attributes = data.sorted { $0.key < $1.key }
            .map { " data-\($0.key)=\"\(HTMLText.escape($0.value))\"" }.joined()
        elements.append("<g class=\"\(className)\"\(attributes)>")
    }

    mutating func endGroup() {
        elements.append("</g>")
    }

    // MARK: - Output

    /// Writes the `<svg>` element with `label` as its accessible name.
    func render(id: String, label: String) -> String {
        "<svg id=\"\(HTMLText.escape(id))\" class=\"chart\" width=\"\(Self.number(width))\" height=\"\(Self.number(height))\" "
            + "viewBox=\"0 0 \(Self.number(width)) \(Self.number(height))\" role=\"img\" aria-label=\"\(HTMLText.escape(label))\">"
            + "<title>\(HTMLText.escape(label))</title>" + elements.joined() + "</svg>"
    }

    /// Formats a coordinate with at most one decimal.
    static func number(_ value: Double) -> String {
        guard let tenths = ReportText.scaledInteger(value, scale: 10) else {
            return ReportText.fixed(value, decimals: 1)
        }
        return tenths % 10 == 0 ? String(tenths / 10) : ReportText.decimal(value)
    }

    private static func classAttribute(_ className: String?) -> String {
        className.map { " class=\"\($0)\"" } ?? ""
    }

    private static func element(_ name: String, _ attributes: String, title: String?) -> String {
        guard let title else { return "<\(name) \(attributes)/>" }
        return "<\(name) \(attributes)><title>\(HTMLText.escape(title))</title></\(name)>"
    }
}

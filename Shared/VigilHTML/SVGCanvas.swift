import Foundation

/// Collects SVG elements for one inline chart and writes them as an `<svg>`
/// element for an HTML page.
///
/// Numbers and labels are `<text>` elements, so readers can select them and a
/// test can read them from the browser's DOM. No element refers to anything
/// outside the page, and the SVG carries no `xmlns`, which HTML does not need.
public struct SVGCanvas {
    /// The width in CSS pixels.
    public var width: Double
    /// The height in CSS pixels.
    public var height: Double
    private var elements: [String] = []

    public init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// Horizontal alignment of a text at its x coordinate.
    public enum Anchor: String, Sendable {
        case start
        case middle
        case end
    }

    // MARK: - Shapes

    /// Adds a rectangle; `title` becomes its tooltip.
    public mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String, title: String? = nil,
                       className: String? = nil) {
        let attributes = "x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" width=\"\(Self.number(max(width, 0)))\" "
            + "height=\"\(Self.number(max(height, 0)))\" fill=\"\(fill)\"" + Self.classAttribute(className)
        elements.append(Self.element("rect", attributes, title: title))
    }

    /// Adds a straight line.
    public mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1,
                       dashed: Bool = false) {
        elements.append("<line x1=\"\(Self.number(x1))\" y1=\"\(Self.number(y1))\" x2=\"\(Self.number(x2))\" "
            + "y2=\"\(Self.number(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(Self.number(width))\""
            + (dashed ? " stroke-dasharray=\"4 3\"" : "") + "/>")
    }

    /// Adds an unfilled line through `points`; fewer than two points draw nothing.
    public mutating func polyline(_ points: [(x: Double, y: Double)], stroke: String, width: Double = 2) {
        guard points.count > 1 else { return }
        let list = points.map { "\(Self.number($0.x)),\(Self.number($0.y))" }.joined(separator: " ")
        elements.append("<polyline points=\"\(list)\" fill=\"none\" stroke=\"\(stroke)\" "
            + "stroke-width=\"\(Self.number(width))\" stroke-linejoin=\"round\"/>")
    }

    /// Adds a circle; `title` becomes its tooltip.
    public mutating func circle(x: Double, y: Double, radius: Double, fill: String, title: String? = nil,
                         className: String? = nil) {
        let attributes = "cx=\"\(Self.number(x))\" cy=\"\(Self.number(y))\" r=\"\(Self.number(radius))\" fill=\"\(fill)\""
            + Self.classAttribute(className)
        elements.append(Self.element("circle", attributes, title: title))
    }

    /// Adds a text; `className` lets tests and styles tell labels from values.
    public mutating func text(_ content: String, x: Double, y: Double, anchor: Anchor = .start, size: Double = 12,
                       bold: Bool = false, fill: String = "#333", className: String? = nil) {
        elements.append("<text x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" text-anchor=\"\(anchor.rawValue)\" "
            + "font-size=\"\(Self.number(size))\"" + (bold ? " font-weight=\"bold\"" : "") + " fill=\"\(fill)\""
            + Self.classAttribute(className) + ">" + HTMLText.escape(content) + "</text>")
    }

    /// Opens a group of elements that belong to one data point or series.
    public mutating func beginGroup(className: String, data: [String: String] = [:]) {
        let attributes = data.sorted { $0.key < $1.key }
            .map { " data-\($0.key)=\"\(HTMLText.escape($0.value))\"" }.joined()
        elements.append("<g class=\"\(className)\"\(attributes)>")
    }

    /// Closes the group ``beginGroup(className:data:)`` opened.
    public mutating func endGroup() {
        elements.append("</g>")
    }

    // MARK: - Output

    /// Writes the `<svg>` element with `label` as its accessible name.
    public func render(id: String, label: String) -> String {
        "<svg id=\"\(HTMLText.escape(id))\" class=\"chart\" width=\"\(Self.number(width))\" height=\"\(Self.number(height))\" "
            + "viewBox=\"0 0 \(Self.number(width)) \(Self.number(height))\" role=\"img\" aria-label=\"\(HTMLText.escape(label))\">"
            + "<title>\(HTMLText.escape(label))</title>" + elements.joined() + "</svg>"
    }

    /// Formats a coordinate with at most one decimal. Chart data may come from
    /// any topic writer, so a value beyond Int's range falls back to C's
    /// printf, which writes every digit.
    public static func number(_ value: Double) -> String {
        guard let tenths = Int(exactly: (value * 10).rounded()) else {
            return String(format: "%.1f", value)
        }
        guard tenths % 10 != 0 else { return String(tenths / 10) }
        let sign = tenths < 0 ? "-" : ""
        return "\(sign)\(tenths.magnitude / 10).\(tenths.magnitude % 10)"
    }

    private static func classAttribute(_ className: String?) -> String {
        className.map { " class=\"\($0)\"" } ?? ""
    }

    private static func element(_ name: String, _ attributes: String, title: String?) -> String {
        guard let title else { return "<\(name) \(attributes)/>" }
        return "<\(name) \(attributes)><title>\(HTMLText.escape(title))</title></\(name)>"
    }
}

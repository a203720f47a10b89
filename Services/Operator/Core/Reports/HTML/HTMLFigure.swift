/// A chart section of an HTML report: a heading, one or more inline SVG charts and a caption.
struct HTMLFigure: Sendable, Equatable {
    /// The section's element id.
    var id: String
    var title: String
    /// `<svg>` elements as SVGCanvas writes them.
    var charts: [String]
    /// A line under the charts, such as what they leave out.
    var caption: String?
}

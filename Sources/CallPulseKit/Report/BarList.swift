
/// Horizontal bars with a label on the left and the figure written after each bar: the funnel
/// and the word counts.
struct BarList {
    struct Bar {
        var label: String
        /// The bar's length as a share of the longest possible (0–1).
        var share: Double
        /// The figure written after the bar.
        var text: String
        var style: String
        /// `data-` attributes for the bar's group, for machines reading the report.
        var data: [(String, String)] = []
    }

    var title: String
    var bars: [Bar]
    var width = 680.0
    var labelWidth = 150.0
    /// Room kept after the longest bar for its figure.
    var valueWidth = 130.0

    private static let row = 24.0

    func svg(attributes: [(String, String)] = []) -> Markup {
        let room = width - labelWidth - valueWidth
        return SVG.chart(width: width, height: Self.row * Double(bars.count) + 6, title: title,
                         attributes: attributes) { svg in
            for (index, bar) in bars.enumerated() {
                let y = 4 + Self.row * Double(index)
                let length = room * min(max(bar.share, 0), 1)
                svg.element("g", [("class", "bar")] + bar.data) { group in
                    SVG.text(&group, x: labelWidth - 8, y: y + 15, bar.label, anchor: "end", className: "label")
                    SVG.rect(&group, x: labelWidth, y: y + 3, width: max(length, 1.5), height: Self.row - 8,
                             className: bar.style)
                    SVG.text(&group, x: labelWidth + length + 6, y: y + 15, bar.text, anchor: "start", className: "value")
                }
            }
        }
    }
}

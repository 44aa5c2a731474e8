
/// A distribution as columns, one per scale point, with each column's count and share written
/// above it and the point under it; brackets under the axis name groups of points (detractors,
/// passives, promoters), so the chart reads without its colours.
struct ColumnChart {
    struct Column {
        var label: String
        var count: Int
        /// The CSS class that colours it (`detractor`, `passive`, `promoter`, `good`, `other`).
        var style: String
    }

    /// Names a run of columns under the axis.
    struct Bracket {
        var columns: ClosedRange<Int>
        var text: String
    }

    var title: String
    var columns: [Column]
    var brackets: [Bracket] = []
    var format: ReportFormat
    /// The drawing's width: 680 fills the page, 330 half of it.
    var width = 680.0

    private static let top = 34.0, plotHeight = 120.0

    func svg(attributes: [(String, String)] = []) -> Markup {
        let total = columns.reduce(0) { $0 + $1.count }
        let largest = max(columns.map(\.count).max() ?? 0, 1)
        let slot = (width - 20) / Double(max(columns.count, 1))
        let baseline = Self.top + Self.plotHeight
        let height = baseline + 22 + (brackets.isEmpty ? 0 : 30)
        return SVG.chart(width: width, height: height, title: title, attributes: attributes) { svg in
            for (index, column) in columns.enumerated() {
                let x = 10 + slot * Double(index)
                let barHeight = Self.plotHeight * Double(column.count) / Double(largest)
                let center = x + slot / 2
                SVG.rect(&svg, x: x + slot * 0.15, y: baseline - barHeight, width: slot * 0.7, height: barHeight,
                         className: column.style)
                let share = total > 0 ? Double(column.count) / Double(total) : nil
                SVG.text(&svg, x: center, y: baseline - barHeight - 17, format.count(column.count), className: "value")
                SVG.text(&svg, x: center, y: baseline - barHeight - 5, format.percent(share: share, decimals: 0),
                         className: "share")
                SVG.text(&svg, x: center, y: baseline + 16, column.label, className: "axis")
            }
            SVG.line(&svg, from: (10, baseline), to: (width - 10, baseline), className: "baseline")
            for bracket in brackets {
                let start = 10 + slot * Double(bracket.columns.lowerBound) + 4
                let end = 10 + slot * Double(bracket.columns.upperBound + 1) - 4
                let y = baseline + 28
                SVG.line(&svg, from: (start, y), to: (end, y), className: "bracket")
                SVG.line(&svg, from: (start, y - 4), to: (start, y), className: "bracket")
                SVG.line(&svg, from: (end, y - 4), to: (end, y), className: "bracket")
                SVG.text(&svg, x: (start + end) / 2, y: y + 14, bracket.text, className: "group")
            }
        }
    }
}

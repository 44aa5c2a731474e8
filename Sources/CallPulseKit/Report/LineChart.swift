
/// A score over time: one point per day or week on the score's whole scale, each point's value
/// written above it and its n under the axis. Points with fewer than `smallN` answers are drawn
/// hollow with the value in brackets: too few answers to read a change from.
struct LineChart {
    struct Point {
        var label: String
        var value: Double?
        var n: Int
    }

    var title: String
    var points: [Point]
    /// The scale drawn (e.g. −100…100 for NPS).
    var range: ClosedRange<Double>
    /// Values with a horizontal grid line and a label on the left.
    var gridlines: [Double]
    var smallN: Int
    /// Writes a value for people.
    var text: (Double) -> String

    static let width = 680.0
    private static let left = 52.0, top = 20.0, plotHeight = 110.0
    /// At most this many points are labelled; with more, every k-th.
    private static let labelled = 16

    func svg(attributes: [(String, String)] = []) -> Markup {
        let step = (Self.width - Self.left - 10) / Double(max(points.count, 1))
        let every = max(1, (points.count + Self.labelled - 1) / Self.labelled)
        let baseline = Self.top + Self.plotHeight
        func y(_ value: Double) -> Double {
            let span = range.upperBound - range.lowerBound
            return baseline - Self.plotHeight * (min(max(value, range.lowerBound), range.upperBound) - range.lowerBound) / span
        }
        return SVG.chart(width: Self.width, height: baseline + 36, title: title, attributes: attributes) { svg in
            for grid in gridlines {
                SVG.line(&svg, from: (Self.left, y(grid)), to: (Self.width - 10, y(grid)), className: "grid")
                SVG.text(&svg, x: Self.left - 6, y: y(grid) + 4, text(grid), anchor: "end", className: "axis")
            }
            var previous: (Double, Double)?
            for (index, point) in points.enumerated() {
                let x = Self.left + step * (Double(index) + 0.5)
                guard let value = point.value else { previous = nil; continue }
                if let previous { SVG.line(&svg, from: previous, to: (x, y(value)), className: "trend") }
                previous = (x, y(value))
            }
            for (index, point) in points.enumerated() {
                let x = Self.left + step * (Double(index) + 0.5)
                let small = point.n < smallN
                if let value = point.value {
                    svg.empty("circle", [("cx", SVG.number(x)), ("cy", SVG.number(y(value))), ("r", "4"),
                                         ("class", small ? "point small" : "point")])
                    if index % every == 0 || index == points.count - 1 {
                        let label = small ? "(\(text(value)))" : text(value)
                        SVG.text(&svg, x: x, y: y(value) - 8, label, className: small ? "value small" : "value")
                    }
                }
                if index % every == 0 || index == points.count - 1 {
                    SVG.text(&svg, x: x, y: baseline + 15, point.label, className: "axis")
                    SVG.text(&svg, x: x, y: baseline + 29, "n \(point.n)", className: "n")
                }
            }
        }
    }
}

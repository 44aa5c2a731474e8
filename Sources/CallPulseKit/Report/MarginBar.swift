
/// One group's NPS with its 95 % interval on the −100…+100 scale, small enough for a table cell: a
/// dot at the score and a line from the interval's low to its high bound (dashed for small groups).
/// The adjusted-Wald interval is not centred on the score, so the line is drawn from both bounds.
struct MarginBar {
    var title: String
    var nps: Double?
    var low: Double?
    var high: Double?
    var small: Bool

    static let width = 180.0, height = 18.0

    func svg() -> Markup {
        func x(_ value: Double) -> Double { 6 + (Self.width - 12) * (min(max(value, -100), 100) + 100) / 200 }
        return SVG.chart(width: Self.width, height: Self.height, title: title) { svg in
            SVG.line(&svg, from: (x(-100), 9), to: (x(100), 9), className: "scale")
            SVG.line(&svg, from: (x(0), 3), to: (x(0), 15), className: "zero")
            guard let nps else { return }
            if let low, let high {
                SVG.line(&svg, from: (x(low), 9), to: (x(high), 9), className: small ? "interval small" : "interval")
            }
            svg.empty("circle", [("cx", SVG.number(x(nps))), ("cy", "9"), ("r", "4"),
                                 ("class", small ? "point small" : "point")])
        }
    }
}

import Foundation

/// Small helpers for the report's inline SVG charts: an `<svg>` element with a `viewBox`, an
/// accessible `<title>` and `role="img"`, and shapes with coordinates written to one decimal.
/// Charts scale to the page's width; colours come from CSS classes (see `ReportStyle`), and every
/// chart writes its values as text too, so nothing is told by colour alone.
enum SVG {
    /// The SVG namespace: an `xmlns` attribute, never fetched.
    static let namespace = "http://www.w3.org/2000/svg"

    /// `<svg viewBox="0 0 width height" role="img" aria-label="title"><title>title</title>…</svg>`.
    static func chart(width: Double, height: Double, title: String, attributes: [(String, String)] = [],
                      body: (inout Markup) -> Void) -> Markup {
        var markup = Markup()
        markup.element("svg", [("xmlns", namespace), ("viewBox", "0 0 \(number(width)) \(number(height))"),
                               ("width", number(width)), ("height", number(height)),
                               ("role", "img"), ("aria-label", title)] + attributes) { svg in
            svg.element("title", text: title)
            body(&svg)
        }
        return markup
    }

    /// A coordinate: one decimal at most ("12", "12.5").
    static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.1f", rounded)
    }

    static func text(_ markup: inout Markup, x: Double, y: Double, _ content: String, anchor: String = "middle",
                     className: String? = nil) {
        var attributes = [("x", number(x)), ("y", number(y)), ("text-anchor", anchor)]
        if let className { attributes.append(("class", className)) }
        markup.element("text", attributes, text: content)
    }

    static func rect(_ markup: inout Markup, x: Double, y: Double, width: Double, height: Double, className: String) {
        markup.empty("rect", [("x", number(x)), ("y", number(y)), ("width", number(max(width, 0))),
                              ("height", number(max(height, 0))), ("class", className)])
    }

    static func line(_ markup: inout Markup, from: (Double, Double), to: (Double, Double), className: String) {
        markup.empty("line", [("x1", number(from.0)), ("y1", number(from.1)), ("x2", number(to.0)), ("y2", number(to.1)),
                              ("class", className)])
    }
}


/// Builds the report's markup (HTML5 that is also well-formed XML): every text and attribute value
/// is escaped with `HTMLText.escape`, void elements are self-closed, and only markup this type made
/// is ever inserted unescaped (`append(_:)`).
struct Markup {
    private(set) var text = ""

    init() {}

    /// `<name a="v">…</name>` with the content `body` adds.
    mutating func element(_ name: String, _ attributes: [(String, String)] = [], body: (inout Markup) -> Void) {
        open(name, attributes)
        body(&self)
        text += "</\(name)>"
    }

    /// `<name a="v">text</name>`, the text escaped.
    mutating func element(_ name: String, _ attributes: [(String, String)] = [], text content: String) {
        open(name, attributes)
        text += HTMLText.escape(content)
        text += "</\(name)>"
    }

    /// `<name a="v"/>`: a void element (meta, br) or an empty SVG shape.
    mutating func empty(_ name: String, _ attributes: [(String, String)] = []) {
        text += "<\(name)" + Self.attributes(attributes) + "/>"
    }

    /// Escaped text.
    mutating func text(_ content: String) {
        text += HTMLText.escape(content)
    }

    /// Markup built by another `Markup`.
    mutating func append(_ other: Markup) {
        text += other.text
    }

    /// A line break between blocks, to keep the file readable.
    mutating func newline() {
        text += "\n"
    }

    /// Source text written as is: only for constant text in this module (the style sheet, the doctype).
    mutating func raw(_ constant: StaticString) {
        text += constant.description
    }

    private mutating func open(_ name: String, _ attributes: [(String, String)]) {
        text += "<\(name)" + Self.attributes(attributes) + ">"
    }

    private static func attributes(_ attributes: [(String, String)]) -> String {
        attributes.map { " \($0.0)=\"\(HTMLText.escape($0.1))\"" }.joined()
    }
}

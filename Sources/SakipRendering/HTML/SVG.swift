/// A small SVG writer: shapes with escaped text, coordinates to one decimal, so the same chart
/// is always the same bytes. Every picture has a title and an accessible label.
struct SVG {
    let width: Double
    let height: Double
    let label: String
    private var body: [String] = []

    init(width: Double, height: Double, label: String) {
        self.width = width
        self.height = height
        self.label = label
    }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String, title: String? = nil, stroke: String? = nil) {
        var element = "<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(max(width, 0)))\" height=\"\(n(height))\" fill=\"\(fill)\""
        if let stroke { element += " stroke=\"\(stroke)\"" }
        body.append(title.map { element + "><title>\(escape($0))</title></rect>" } ?? element + "/>")
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1) {
        body.append("<line x1=\"\(n(x1))\" y1=\"\(n(y1))\" x2=\"\(n(x2))\" y2=\"\(n(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(n(width))\"/>")
    }

    /// Rectangles sharing one fill, as one path: far fewer bytes than a `<rect>` each, which
    /// keeps a 600-agency page small. Corners snap to whole units (a bar 300 units long is
    /// drawn to a third of a percent).
    mutating func rects(_ boxes: [(x: Double, y: Double, width: Double, height: Double)], fill: String) {
        guard !boxes.isEmpty else { return }
        var d = ""
        for box in boxes {
            let width = Int(box.width.rounded())
            guard width > 0 else { continue }
            d += "M\(Int(box.x.rounded())) \(Int(box.y.rounded()))h\(width)v\(Int(box.height.rounded()))h-\(width)z"
        }
        body.append("<path d=\"\(d)\" fill=\"\(fill)\"/>")
    }

    /// Line segments sharing one stroke, as one path.
    mutating func segments(_ lines: [(x1: Double, y1: Double, x2: Double, y2: Double)], stroke: String, width: Double = 1) {
        guard !lines.isEmpty else { return }
        var d = ""
        for line in lines { d += "M\(n(line.x1)) \(n(line.y1))L\(n(line.x2)) \(n(line.y2))" }
        body.append("<path d=\"\(d)\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(n(width))\"/>")
    }

    enum Anchor: String { case start, middle, end }

    /// Text at 10 px in #222 by default: the page's stylesheet sets those, so they are not repeated.
    mutating func text(_ string: String, x: Double, y: Double, anchor: Anchor = .start, size: Double = 10, fill: String = "#222", bold: Bool = false) {
        var element = "<text x=\"\(n(x))\" y=\"\(n(y))\""
        if size != 10 { element += " font-size=\"\(n(size))\"" }
        if fill != "#222" { element += " fill=\"\(fill)\"" }
        if anchor != .start { element += " text-anchor=\"\(anchor.rawValue)\"" }
        if bold { element += " font-weight=\"bold\"" }
        body.append(element + ">\(escape(string))</text>")
    }

    /// Many texts sharing size, anchor and colour: the shared attributes are written once, on a group.
    mutating func texts(_ items: [(text: String, x: Double, y: Double)], anchor: Anchor = .start, size: Double = 10, fill: String = "#222", bold: Bool = false) {
        guard !items.isEmpty else { return }
        var group = bold ? "<g font-weight=\"bold\"" : "<g"
        if size != 10 { group += " font-size=\"\(n(size))\"" }
        if fill != "#222" { group += " fill=\"\(fill)\"" }
        if anchor != .start { group += " text-anchor=\"\(anchor.rawValue)\"" }
        group += ">"
        for item in items { group += "<text x=\"\(n(item.x))\" y=\"\(n(item.y))\">\(escape(item.text))</text>" }
        body.append(group + "</g>")
    }

    func rendered() -> String {
        // Inline in HTML, the parser gives <svg> its namespace; the label names it for screen readers.
        "<svg width=\"\(n(width))\" viewBox=\"0 0 \(n(width)) \(n(height))\" role=\"img\" aria-label=\"\(escape(label))\">" + body.joined() + "</svg>"
    }

    /// One decimal, without a trailing `.0`.
    private func n(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = abs(tenths)
        return magnitude % 10 == 0 ? sign + String(magnitude / 10) : sign + "\(magnitude / 10).\(magnitude % 10)"
    }
}

/// Text safe inside XML and HTML, in content and in quoted attributes.
func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for character in text {
        switch character {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        default: out.append(character)
        }
    }
    return out
}

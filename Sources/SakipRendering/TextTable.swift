/// Aligned plain-text, Markdown and CSV tables from rows of cells.
struct TextTable {
    /// Right-aligned columns hold numbers: in a decimal-comma CSV only their cells take a
    /// decimal comma, so that an id such as 1.1 or an agency named 12.5 is written as it is.
    enum Alignment { case left, right }

    var columns: [(title: String, alignment: Alignment)]
    var rows: [[String]] = []

    init(_ columns: [(String, Alignment)]) {
        self.columns = columns.map { (title: $0.0, alignment: $0.1) }
    }

    mutating func add(_ row: [String]) {
        precondition(row.count == columns.count, "a row has one cell per column")
        rows.append(row)
    }

    /// Columns padded to their widest cell, two spaces apart; trailing spaces trimmed.
    ///
    /// With `width`, a table wider than that gives way in its widest left-aligned column (the
    /// names), whose cells are cut with an ellipsis; numbers are never cut.
    func text(indent: String = "", fitting width: Int? = nil) -> String {
        var widths = columns.indices.map { c in ([columns[c].title] + rows.map { $0[c] }).map(\.count).max() ?? 0 }
        if let width { shrink(&widths, toFit: width - indent.count) }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (c, cell) in cells.enumerated() {
                let cell = cell.truncated(to: widths[c])
                let pad = String(repeating: " ", count: widths[c] - cell.count)
                parts.append(columns[c].alignment == .left ? cell + pad : pad + cell)
            }
            var joined = indent + parts.joined(separator: "  ")
            while joined.last == " " { joined.removeLast() }
            return joined
        }
        return ([line(columns.map(\.title))] + rows.map(line)).joined(separator: "\n") + "\n"
    }

    /// Narrows the widest left-aligned column by what the table exceeds `width`, down to
    /// `minimumShrunkWidth`; a table that still does not fit is left as wide as it must be.
    private func shrink(_ widths: inout [Int], toFit width: Int) {
        let total = widths.reduce(0, +) + 2 * max(0, widths.count - 1)
        guard total > width,
              let widest = columns.indices.filter({ columns[$0].alignment == .left }).max(by: { widths[$0] < widths[$1] })
        else { return }
        widths[widest] = max(Self.minimumShrunkWidth, widths[widest] - (total - width), columns[widest].title.count)
    }

    /// A name cut narrower than this says too little to be worth the column.
    static let minimumShrunkWidth = 16

    func markdown() -> String {
        func escape(_ cell: String) -> String { cell.replacingAll("|", with: "\\|") }
        var out = "| " + columns.map { escape($0.title) }.joined(separator: " | ") + " |\n"
        out += "|" + columns.map { $0.alignment == .left ? " --- |" : " ---: |" }.joined() + "\n"
        for row in rows { out += "| " + row.map(escape).joined(separator: " | ") + " |\n" }
        return out
    }

    /// RFC 4180 CSV: with `,` and LF line ends, or as Excel writes it in an Indonesian locale.
    func csv(_ dialect: CSVDialect = .standard) -> String {
        let writer = CSVWriter(dialect: dialect)
        // Bytes first, one String at the end: appending String to String costs hundreds of
        // instructions a field, and a national ranking writes hundreds of thousands of fields.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(rows.count * 128 + 256)
        if dialect == .excelID { bytes += [0xEF, 0xBB, 0xBF] }
        writer.append(columns.map(\.title), numbers: false, to: &bytes)
        let numeric = columns.map { $0.alignment == .right }
        for row in rows {
            for (i, cell) in row.enumerated() { writer.appendField(cell, number: numeric[i], first: i == 0, to: &bytes) }
            writer.endRecord(&bytes)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for c in self { if c == target { out += replacement } else { out.append(c) } }
        return out
    }

    /// Lines of at most `width` characters, broken between words, the later ones indented by
    /// two spaces; a word longer than a line keeps its own line. `nil` leaves the text whole.
    func wrapped(to width: Int?) -> String {
        guard let width, count > width else { return self }
        var lines: [String] = []
        var line = ""
        for word in split(separator: " ", omittingEmptySubsequences: false) {
            let prefix = lines.isEmpty ? "" : "  "
            if !line.isEmpty && prefix.count + line.count + 1 + word.count > width {
                lines.append(prefix + line)
                line = String(word)
            } else {
                line += line.isEmpty ? String(word) : " " + word
            }
        }
        lines.append((lines.isEmpty ? "" : "  ") + line)
        return lines.joined(separator: "\n")
    }

    /// At most `width` characters, ending in an ellipsis when cut.
    func truncated(to width: Int) -> String {
        count <= width ? self : String(prefix(width - 1)) + "…"
    }
}

/// Aligned plain-text, Markdown and CSV tables from rows of cells.
struct TextTable {
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
    func text(indent: String = "") -> String {
        let widths = columns.indices.map { c in ([columns[c].title] + rows.map { $0[c] }).map(\.count).max() ?? 0 }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (c, cell) in cells.enumerated() {
                let pad = String(repeating: " ", count: widths[c] - cell.count)
                parts.append(columns[c].alignment == .left ? cell + pad : pad + cell)
            }
            var joined = indent + parts.joined(separator: "  ")
            while joined.last == " " { joined.removeLast() }
            return joined
        }
        return ([line(columns.map(\.title))] + rows.map(line)).joined(separator: "\n") + "\n"
    }

    func markdown() -> String {
        func escape(_ cell: String) -> String { cell.replacingAll("|", with: "\\|") }
        var out = "| " + columns.map { escape($0.title) }.joined(separator: " | ") + " |\n"
        out += "|" + columns.map { $0.alignment == .left ? " --- |" : " ---: |" }.joined() + "\n"
        for row in rows { out += "| " + row.map(escape).joined(separator: " | ") + " |\n" }
        return out
    }

    /// RFC 4180 CSV with LF line ends.
    func csv() -> String {
        CSVWriter.line(columns.map(\.title)) + rows.map(CSVWriter.line).joined()
    }
}

enum CSVWriter {
    static func line(_ cells: [String]) -> String {
        cells.map(field).joined(separator: ",") + "\n"
    }

    static func field(_ cell: String) -> String {
        guard cell.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return cell }
        return "\"" + cell.replacingAll("\"", with: "\"\"") + "\""
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for c in self { if c == target { out += replacement } else { out.append(c) } }
        return out
    }

    /// At most `width` characters, ending in an ellipsis when cut.
    func truncated(to width: Int) -> String {
        count <= width ? self : String(prefix(width - 1)) + "…"
    }
}

/// The Markdown that SakipRendering writes for a result (headings, pipe tables, lines of text),
/// as blocks a page template shows. The numbers, labels and rounding stay the renderer's: a
/// page shows exactly what `--format markdown` prints, as HTML.
enum MarkdownBlocks {
    static func blocks(_ markdown: String) -> [[String: Any]] {
        var blocks: [[String: Any]] = []
        var table: [[String]] = []
        var numeric: [Bool] = []
        var items: [String] = []
        func flushItems() {
            if !items.isEmpty { blocks.append(["list": ["items": items]]) }
            items = []
        }
        func flush() {
            flushItems()
            guard let head = table.first else { return }
            let rows = table.dropFirst().map { row in
                ["cells": row.enumerated().map { ["text": $0.element, "num": $0.offset < numeric.count && numeric[$0.offset]] }]
            }
            blocks.append(["table": ["head": head.enumerated().map { ["text": $0.element, "num": $0.offset < numeric.count && numeric[$0.offset]] }, "rows": rows]])
            table = []
            numeric = []
        }
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false).map({ String($0).trimmingCharacters(in: .whitespaces) }) {
            if line.hasPrefix("|") {
                flushItems()
                let cells = cells(line)
                if cells.allSatisfy({ !$0.isEmpty && $0.allSatisfy { "-:".contains($0) } }) {
                    numeric = cells.map { $0.hasSuffix(":") }
                } else {
                    table.append(cells.map(unescape))
                }
                continue
            }
            if line.hasPrefix("- ") || line.hasPrefix("* ") {
                items.append(unescape(String(line.dropFirst(2))))
                continue
            }
            flush()
            if line.isEmpty { continue }
            let level = line.prefix(while: { $0 == "#" }).count
            if level > 0 {
                blocks.append(["heading": ["text": unescape(String(line.dropFirst(level)).trimmingCharacters(in: .whitespaces)), "h3": level >= 3]])
            } else {
                blocks.append(["paragraph": unescape(line)])
            }
        }
        flush()
        return blocks
    }

    /// The cells of `| a | b \| c |`: split at pipes that are not escaped.
    static func cells(_ line: String) -> [String] {
        var cells: [String] = [], cell = "", escaped = false
        for character in line.dropFirst() {
            if escaped { cell.append(character); escaped = false; continue }
            if character == "\\" { escaped = true; cell.append(character); continue }
            if character == "|" { cells.append(cell.trimmingCharacters(in: .whitespaces)); cell = ""; continue }
            cell.append(character)
        }
        return cells
    }

    /// Markdown's escapes and emphasis marks, removed (Mustache escapes the text for HTML).
    static func unescape(_ text: String) -> String {
        var out = "", escaped = false
        for character in text {
            if escaped { out.append(character); escaped = false; continue }
            if character == "\\" { escaped = true; continue }
            if character == "*" || character == "`" { continue }
            out.append(character)
        }
        return out
    }
}

/// The report's stylesheet: inline, no web font, readable on a screen in a meeting room and
/// printed on A4.
enum ReportStyle {
    /// `table.n3 td:nth-child(3)` and so on: right-aligned numeric columns, chosen per table by class.
    private static let numericColumns = (1...16).map { "table.n\($0) td:nth-child(\($0)), table.n\($0) th:nth-child(\($0))" }.joined(separator: ", ")

    /// `.g0` ... one class per grade, best first, in the grades' colours.
    static func gradeClasses(count: Int) -> String {
        (0..<count).map { ".g\($0) { background: \(Palette.grade($0, of: count)); color: \(Palette.ink(onGrade: $0, of: count)); }\n" }.joined()
    }

    static let css = """
    :root { color-scheme: light; }
    body { font-family: "DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif; color: #1a1a1a; margin: 0 auto; max-width: 1100px; padding: 0 24px 48px; line-height: 1.4; }
    header { border-bottom: 3px solid #0c2c84; margin-bottom: 16px; }
    h1 { font-size: 26px; margin: 20px 0 4px; }
    h2 { font-size: 21px; margin-top: 32px; border-bottom: 1px solid #ccc; padding-bottom: 4px; }
    h3 { font-size: 16px; margin-top: 22px; }
    nav a { margin-right: 14px; }
    a { color: #225ea8; }
    .lead { color: #444; margin: 2px 0 12px; }
    .figure { margin: 10px 0 6px; overflow-x: auto; }
    .figure svg { max-width: 100%; height: auto; font-family: inherit; }
    svg text { font-size: 10px; fill: #222; }
    .stats { display: flex; flex-wrap: wrap; gap: 8px 24px; margin: 8px 0; }
    .stats span { white-space: nowrap; }
    table.data { border-collapse: collapse; font-size: 13px; margin: 8px 0 16px; }
    table.data th, table.data td { border-bottom: 1px solid #ddd; padding: 3px 8px; text-align: left; vertical-align: top; }
    table.data th { background: #f2f4f8; }
    \(numericColumns) { text-align: right; font-variant-numeric: tabular-nums; }
    .grade { display: inline-block; min-width: 2.2em; text-align: center; border-radius: 3px; padding: 0 4px; border: 1px solid #888; }
    details > summary { cursor: pointer; color: #225ea8; margin: 6px 0; }
    #agencies > section { border-top: 1px solid #ccc; padding-top: 4px; }
    h4 { font-size: 13px; margin: 10px 0 2px; }
    table.ind td:nth-child(n+2):nth-child(-n+4), table.ind th:nth-child(n+2):nth-child(-n+4) { text-align: right; }
    .warnings li { margin: 2px 0; }
    .muted { color: #666; font-size: 12px; }
    a.back { position: fixed; right: 16px; bottom: 16px; background: #fff; border: 1px solid #ccc; border-radius: 4px; padding: 4px 8px; font-size: 13px; }
    footer { margin-top: 40px; color: #666; font-size: 12px; }
    @media print {
      @page { size: A4; margin: 14mm 12mm; }
      body { max-width: none; padding: 0; font-size: 11px; }
      nav, .back { display: none; }
      h2, h3 { break-after: avoid; }
      .figure, table.data tr { break-inside: avoid; }
      #agencies > section { break-before: page; }
      a { color: inherit; text-decoration: none; }
    }
    """
}

import SakipCore

extension RubricListResult: RenderableResult {
    public static func textRenderer(_ options: RenderOptions) -> RubricListTableRenderer { RubricListTableRenderer(style: options.wide ? .wideText : .text) }
    public static func csvRenderer(_ options: RenderOptions) -> RubricListTableRenderer { RubricListTableRenderer(style: .csv, dialect: options.csvDialect) }
    public static func markdownRenderer(_ options: RenderOptions) -> RubricListTableRenderer { RubricListTableRenderer(style: .markdown) }
}

/// The rubrics as one table, in text, CSV or Markdown.
public struct RubricListTableRenderer: ResultRenderer {
    public enum Style: Sendable { case text, wideText, csv, markdown }
    public var style: Style
    public var dialect: CSVDialect = .standard

    public func render(_ result: RubricListResult) -> String {
        if style == .text { return compact(result) }
        var table = TextTable([("ID", .left), ("Components", .right), ("Sub-components", .right), ("Criteria", .right), ("Aggregation", .left), ("Title", .left)])
        for rubric in result.rubrics {
            table.add([rubric.id, String(rubric.components), String(rubric.subcomponents), String(rubric.criteria), rubric.aggregation, rubric.title])
        }
        switch style {
        case .wideText, .text: return table.text()
        case .csv: return table.csv(dialect)
        case .markdown: return table.markdown()
        }
    }

    /// Fits 100 columns: the structure in one column, titles shortened.
    private func compact(_ result: RubricListResult) -> String {
        var table = TextTable([("ID", .left), ("Comp/Sub/Crit", .right), ("Aggregation", .left), ("Title", .left)])
        for rubric in result.rubrics {
            table.add([rubric.id, "\(rubric.components)/\(rubric.subcomponents)/\(rubric.criteria)", rubric.aggregation, rubric.title.truncated(to: 38)])
        }
        return table.text()
    }
}

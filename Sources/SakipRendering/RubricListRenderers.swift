import SakipCore

extension RubricListResult: RenderableResult {
    public static var textRenderer: RubricListTableRenderer { RubricListTableRenderer(style: .text) }
    public static var csvRenderer: RubricListTableRenderer { RubricListTableRenderer(style: .csv) }
    public static var markdownRenderer: RubricListTableRenderer { RubricListTableRenderer(style: .markdown) }
}

/// The rubrics as one table, in text, CSV or Markdown.
public struct RubricListTableRenderer: ResultRenderer {
    public enum Style: Sendable { case text, csv, markdown }
    public var style: Style

    public func render(_ result: RubricListResult) -> String {
        var table = TextTable([("ID", .left), ("Components", .right), ("Sub-components", .right), ("Criteria", .right), ("Aggregation", .left), ("Title", .left)])
        for rubric in result.rubrics {
            table.add([rubric.id, String(rubric.components), String(rubric.subcomponents), String(rubric.criteria), rubric.aggregation, rubric.title])
        }
        switch style {
        case .text: return table.text()
        case .csv: return table.csv()
        case .markdown: return table.markdown()
        }
    }
}

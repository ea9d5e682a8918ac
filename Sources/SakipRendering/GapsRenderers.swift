import SakipCore

extension GapsResult: RenderableResult {
    public static func textRenderer(_ options: RenderOptions) -> GapsTableRenderer { GapsTableRenderer(options: options, markdown: false) }
    public static func csvRenderer(_ options: RenderOptions) -> GapsCSVRenderer { GapsCSVRenderer(dialect: options.csvDialect) }
    public static func markdownRenderer(_ options: RenderOptions) -> GapsTableRenderer { GapsTableRenderer(options: options, markdown: true) }
}

/// Partners by over-claim, then the sub-components most over-claimed, as aligned text or Markdown.
public struct GapsTableRenderer: ResultRenderer {
    public var options: RenderOptions
    public var markdown: Bool

    public init(options: RenderOptions = RenderOptions(), markdown: Bool = false) {
        self.options = options
        self.markdown = markdown
    }

    private func signed(_ value: Double) -> String { (value > 0 ? "+" : "") + Numbers.fixed(value) }

    public func render(_ result: GapsResult) -> String {
        let l = options.labels
        let full = markdown || options.wide
        var agencies = TextTable([(l("Agency"), .left), (l("Self"), .right), (l("Score"), .right), (l("Gap"), .right), (l("Mean gap"), .right),
                                  (l("Largest"), .right), (l("Where"), .left), (l("Over-claimed"), .right)])
        for a in result.agencies {
            agencies.add([full ? a.agency : a.agency.truncated(to: 24), Numbers.fixed(a.selfScore), Numbers.fixed(a.score), signed(a.gap), signed(a.meanGap),
                          signed(a.largestGap), a.largestSubcomponent, Numbers.percent(a.shareOverclaimed)])
        }
        var subs = TextTable([(l("ID"), .left), (l("Sub-component"), .left), (l("Mean gap"), .right), (l("Largest"), .right), (l("Over-claimed"), .right)])
        for s in result.subcomponents {
            subs.add([s.id, full ? s.name : s.name.truncated(to: 52), signed(s.meanGap), signed(s.largestGap),
                      "\(s.overclaimed) (\(Numbers.percent(s.shareOverclaimed)))"])
        }
        let heading = l("Self-assessment against the scored answers: {} reports{}", result.agencies.count, result.year.map { ", \($0)" } ?? "")
            + (result.rubric.map { l(", rubric {}", $0) } ?? "")
        let subHeading = l("Sub-components most over-claimed across all partners (points of the total)")
        if markdown {
            return "## \(heading)\n\n" + agencies.markdown() + "\n### \(subHeading)\n\n" + subs.markdown()
        }
        return heading + "\n\n" + agencies.text(indent: "  ", fitting: options.tableWidth) + "\n" + subHeading + "\n" + subs.text(indent: "  ", fitting: options.tableWidth)
    }
}

/// One row per partner, full precision.
public struct GapsCSVRenderer: ResultRenderer {
    public var dialect: CSVDialect

    public init(dialect: CSVDialect = .standard) {
        self.dialect = dialect
    }

    public func render(_ result: GapsResult) -> String {
        let text: Set = ["agency", "year", "stage", "largest_subcomponent"]
        var table = TextTable(["agency", "year", "stage", "self_score", "score", "gap", "mean_gap", "largest_gap", "largest_subcomponent", "share_overclaimed"]
            .map { ($0, text.contains($0) ? .left : .right) })
        for a in result.agencies {
            table.add([a.agency, result.year.map(String.init) ?? "", a.stage, Numbers.full(a.selfScore), Numbers.full(a.score), Numbers.full(a.gap),
                       Numbers.full(a.meanGap), Numbers.full(a.largestGap), a.largestSubcomponent, Numbers.full(a.shareOverclaimed)])
        }
        return table.csv(dialect)
    }
}

extension GapsResult: WorkbookRenderable {
    /// `Partners` by over-claim and `Sub-components` most over-claimed.
    public func workbook(_ options: RenderOptions = RenderOptions()) -> Workbook {
        let l = options.labels
        return Workbook(sheets: [
            Workbook.Sheet(name: l("Partners"), headers: [l("Agency"), l("Name"), l("Region"), l("Stage"), l("Self"), l("Score"), l("Gap"), l("Mean gap"),
                                                          l("Largest"), l("Where"), l("Over-claimed")],
                           rows: agencies.map { a in
                [.text(a.agency), a.name.map(Workbook.Cell.text) ?? .empty, a.region.map(Workbook.Cell.text) ?? .empty, .text(l(a.stage)),
                 .decimal(a.selfScore), .decimal(a.score), .decimal(a.gap), .decimal(a.meanGap), .decimal(a.largestGap), .text(a.largestSubcomponent),
                 .decimal(a.shareOverclaimed)]
            }),
            Workbook.Sheet(name: l("Sub-components"), headers: [l("ID"), l("Sub-component"), l("Weight"), l("Mean gap"), l("Largest"), l("Over-claimed"), l("Share")],
                           rows: subcomponents.map { s in
                [.text(s.id), .text(s.name), .decimal(s.weight), .decimal(s.meanGap), .decimal(s.largestGap), .integer(s.overclaimed), .decimal(s.shareOverclaimed)]
            }),
        ])
    }
}

import SakipCore

extension SensitivityResult: RenderableResult {
    public static func textRenderer(_ options: RenderOptions) -> SensitivityTextRenderer { SensitivityTextRenderer(options: options) }
    public static func csvRenderer(_ options: RenderOptions) -> SensitivityCSVRenderer { SensitivityCSVRenderer(dialect: options.csvDialect) }
    public static func markdownRenderer(_ options: RenderOptions) -> SensitivityMarkdownRenderer { SensitivityMarkdownRenderer(options: options) }
}

/// What the text and Markdown outputs share.
struct SensitivityLayout {
    let result: SensitivityResult
    let l: Labels

    var heading: String {
        l("Sensitivity of {} reports{} to the weights of {}:", result.agencies.count, result.year.map { ", \($0)" } ?? "", result.rubric) + "\n"
            + l("{} {}replicates, {} model, spread {}, seed {}", result.samples, result.sequence == "sobol" ? "Sobol' " : "", result.model, Numbers.full(result.spread), result.seed)
    }

    var grades: [String] { result.agencies.first?.gradeProbabilities.keys ?? [] }

    /// Fits 100 columns: the grade probabilities in one column, only those above 0, and the most
    /// likely rank (the mode) without its probability.
    func compactTable() -> TextTable {
        var table = TextTable([(l("Agency"), .left), (l("Score"), .right), (l("Grade (compact)"), .left), (l("Rank (compact)"), .right), (l("Median"), .right), ("5%", .right),
                               ("95%", .right), (l("Keeps"), .right), (l("Mode"), .right), (l("Grade probabilities"), .left)])
        for agency in result.agencies {
            let likely = agency.gradeProbabilities.pairs.filter { $0.value > 0 }.map { "\($0.key) \(Numbers.percent($0.value))" }
            table.add([agency.agency.truncated(to: 22), Numbers.fixed(agency.nominalScore) + (agency.missing > 0 ? "*" : ""), agency.nominalGrade,
                       String(agency.nominalRank), rank(agency.medianRank), rank(agency.q05), rank(agency.q95),
                       Numbers.percent(agency.keepsGrade), String(agency.mostLikelyRank), likely.joined(separator: ", ")])
        }
        return table
    }

    /// A rank quantile: whole, or to one decimal (quantiles interpolate between ranks).
    /// Decided on the value rounded to one decimal, as shown: an interpolation landing a hair off a
    /// whole rank (22.000000000000004) is 22, not "22.0".
    func rank(_ value: Double) -> String { Self.rankText(value) }

    static func rankText(_ value: Double) -> String {
        let shown = (value * 10).rounded() / 10
        return shown == shown.rounded() ? Numbers.full(shown) : Numbers.fixed(shown, 1)
    }

    /// Every grade's probability in a column of its own.
    func table() -> TextTable {
        var table = TextTable([(l("Agency"), .left), (l("Score"), .right), (l("Grade"), .left), (l("Rank"), .right), (l("Median"), .right), ("5%", .right), ("95%", .right), (l("Keeps grade"), .right)]
            + grades.map { ("P(\($0))", .right) } + [(l("Likely rank"), .right), (l("P(rank 1)"), .right)])
        for agency in result.agencies {
            table.add([agency.agency, Numbers.fixed(agency.nominalScore) + (agency.missing > 0 ? "*" : ""), agency.nominalGrade, String(agency.nominalRank), Numbers.full(agency.medianRank),
                       Numbers.full(agency.q05), Numbers.full(agency.q95), Numbers.fixed(agency.keepsGrade, 3)]
                + agency.gradeProbabilities.values.map { Numbers.fixed($0, 3) }
                + [likely(agency), Numbers.fixed(agency.firstRankAcceptability, 3)])
        }
        return table
    }

    /// The most likely rank and its probability: `3 (42%)`.
    func likely(_ agency: SensitivityResult.Agency) -> String {
        "\(agency.mostLikelyRank) (\(Numbers.percent(agency.rankAcceptability[agency.mostLikelyRank] ?? 0)))"
    }

    /// The heading of the indices table: the design behind them.
    var indicesHeading: (title: String, design: String)? {
        guard let design = result.indexDesign else { return nil }
        return (l("Sobol' indices on the mean absolute rank shift"),
                l("N = {}, {} weight sets ({}), 95% bootstrap intervals ({} resamples)",
                  design.rows, design.runs, design.sequence == "sobol" ? "Sobol'" : l("random"), design.resamples))
    }

    /// Each input's first-order and total index with its interval.
    func indicesTable() -> TextTable? {
        guard let indices = result.indices else { return nil }
        var table = TextTable([(l("Input"), .left), (l("Kind"), .left), (l("First order"), .right), ("95%", .left), (l("Total"), .right), ("95%", .left)])
        func interval(_ bounds: [Double]?) -> String { bounds.map { "[\(Numbers.fixed($0[0], 3)), \(Numbers.fixed($0[1], 3))]" } ?? "-" }
        for index in indices {
            table.add([index.input, l(index.kind), index.firstOrder.map { Numbers.fixed($0, 3) } ?? "-", interval(index.firstOrderInterval),
                       index.total.map { Numbers.fixed($0, 3) } ?? "-", interval(index.totalInterval)])
        }
        return table
    }

    /// What removing each component and sub-component does, and who moves most.
    /// - Parameter full: every mover with its whole id (wide and Markdown); else two, shortened, to fit 100 columns.
    func removalTable(full: Bool) -> TextTable? {
        guard let removal = result.removal else { return nil }
        var table = TextTable([(l("Removed"), .left), (l("Level"), .left), (l("Mean rank change"), .right), (l("Max"), .right), (l("Moves most"), .left)])
        for impact in removal {
            let movers = impact.movers.prefix(full ? impact.movers.count : 2).map { "\(full ? $0.agency : $0.agency.truncated(to: 16)) (\($0.change > 0 ? "+" : "")\($0.change))" }
            table.add([impact.component, l(impact.level), Numbers.fixed(impact.meanAbsRankChange), String(impact.maxAbsRankChange), movers.joined(separator: ", ")])
        }
        return table
    }

    var overall: [String] {
        [
            l("Mean Spearman rho to the nominal ranking: {}", result.meanSpearmanRho.map { Numbers.fixed($0, 4) } ?? l("undefined")),
            l("Convergence: rank quantiles moved at most {} (mean {}) from half of the replicates to all",
              Numbers.fixed(result.convergence.maxQuantileShift), Numbers.fixed(result.convergence.meanQuantileShift, 3)),
            l("Failed replicates: {}", result.failedReplicates.count),
        ] + incomplete
    }

    /// Reports with unanswered items: marked `*` in the table, named here.
    var incomplete: [String] {
        let agencies = result.agencies.filter { $0.missing > 0 }
        guard !agencies.isEmpty else { return [] }
        return [l("* Unanswered items counted 0: ") + agencies.map { "\($0.agency) (\($0.missing))" }.joined(separator: ", ")]
    }
}

/// Rank intervals and grade probabilities as an aligned table, then the overall figures.
public struct SensitivityTextRenderer: ResultRenderer {
    public var options: RenderOptions

    public init(options: RenderOptions = RenderOptions()) {
        self.options = options
    }

    public func render(_ result: SensitivityResult) -> String {
        let layout = SensitivityLayout(result: result, l: options.labels)
        let table = options.wide ? layout.table() : layout.compactTable()
        var out = layout.heading + "\n\n" + table.text(indent: "  ", fitting: options.tableWidth) + "\n" + layout.overall.map { "  \($0)\n" }.joined()
        if let heading = layout.indicesHeading, let indices = layout.indicesTable() {
            out += "\n" + heading.title + "\n  " + heading.design + "\n\n" + indices.text(indent: "  ", fitting: options.tableWidth)
        }
        if let removal = layout.removalTable(full: options.wide) {
            out += "\n" + options.labels("Removing one component or sub-component (the others renormalised)") + "\n" + removal.text(indent: "  ", fitting: options.tableWidth)
        }
        return out
    }
}

/// The same as Markdown.
public struct SensitivityMarkdownRenderer: ResultRenderer {
    public var options: RenderOptions

    public init(options: RenderOptions = RenderOptions()) {
        self.options = options
    }

    public func render(_ result: SensitivityResult) -> String {
        let layout = SensitivityLayout(result: result, l: options.labels)
        var out = "## " + layout.heading + "\n\n" + layout.table().markdown() + "\n" + layout.overall.map { "- \($0)\n" }.joined()
        if let heading = layout.indicesHeading, let indices = layout.indicesTable() {
            out += "\n### " + heading.title + "\n\n" + heading.design + "\n\n" + indices.markdown()
        }
        if let removal = layout.removalTable(full: true) {
            out += "\n### " + options.labels("Removing one component or sub-component (the others renormalised)") + "\n\n" + removal.markdown()
        }
        return out
    }
}

/// One row per agency, full precision.
public struct SensitivityCSVRenderer: ResultRenderer {
    /// The columns of text; the rest hold numbers (see `TextTable.Alignment`).
    static let textColumns: Set = ["agency", "year", "nominal_grade"]

    public var dialect: CSVDialect

    public init(dialect: CSVDialect = .standard) {
        self.dialect = dialect
    }

    public func render(_ result: SensitivityResult) -> String {
        let grades = SensitivityLayout(result: result, l: Labels(.en)).grades
        var table = TextTable((["agency", "year", "nominal_score", "nominal_grade", "nominal_rank", "median_rank", "q05", "q95", "p_keep_grade"]
            + grades.map { "p_\($0)" } + ["most_likely_rank", "p_first_rank"]).map { ($0, Self.textColumns.contains($0) ? .left : .right) })
        for a in result.agencies {
            table.add([a.agency, String(a.year), Numbers.full(a.nominalScore), a.nominalGrade, String(a.nominalRank), Numbers.full(a.medianRank),
                       Numbers.full(a.q05), Numbers.full(a.q95), Numbers.full(a.keepsGrade)] + a.gradeProbabilities.values.map(Numbers.full)
                + [String(a.mostLikelyRank), Numbers.full(a.firstRankAcceptability)])
        }
        return table.csv(dialect)
    }
}

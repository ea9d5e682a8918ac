import SakipCore

extension SensitivityResult: RenderableResult {
    public static func textRenderer(_ options: RenderOptions) -> SensitivityTextRenderer { SensitivityTextRenderer(options: options) }
    public static func csvRenderer(_ options: RenderOptions) -> SensitivityCSVRenderer { SensitivityCSVRenderer(dialect: options.csvDialect) }
    public static var markdownRenderer: SensitivityMarkdownRenderer { SensitivityMarkdownRenderer() }
}

/// What the text and Markdown outputs share.
struct SensitivityLayout {
    let result: SensitivityResult

    var heading: String {
        "Sensitivity of \(result.agencies.count) reports\(result.year.map { ", \($0)" } ?? "") to the weights of \(result.rubric):\n"
            + "\(result.samples) \(result.sequence == "sobol" ? "Sobol' " : "")replicates, \(result.model) model, spread \(Numbers.full(result.spread)), seed \(result.seed)"
    }

    var grades: [String] { result.agencies.first?.gradeProbabilities.keys ?? [] }

    /// Fits 100 columns: the grade probabilities in one column, only those above 0.
    func compactTable() -> TextTable {
        var table = TextTable([("Agency", .left), ("Score", .right), ("Grade", .left), ("Rank", .right), ("Median", .right), ("5%", .right),
                               ("95%", .right), ("Keeps", .right), ("Grade probabilities", .left)])
        for agency in result.agencies {
            let likely = agency.gradeProbabilities.pairs.filter { $0.value > 0 }.map { "\($0.key) \(Numbers.percent($0.value))" }
            table.add([agency.agency.truncated(to: 22), Numbers.fixed(agency.nominalScore) + (agency.missing > 0 ? "*" : ""), agency.nominalGrade,
                       String(agency.nominalRank), rank(agency.medianRank), rank(agency.q05), rank(agency.q95),
                       Numbers.percent(agency.keepsGrade), likely.joined(separator: ", ")])
        }
        return table
    }

    /// A rank quantile: whole, or to one decimal (quantiles interpolate between ranks).
    func rank(_ value: Double) -> String {
        value == value.rounded() ? Numbers.full(value) : Numbers.fixed(value, 1)
    }

    /// Every grade's probability in a column of its own.
    func table() -> TextTable {
        var table = TextTable([("Agency", .left), ("Score", .right), ("Grade", .left), ("Rank", .right), ("Median", .right), ("5%", .right), ("95%", .right), ("Keeps grade", .right)]
            + grades.map { ("P(\($0))", .right) })
        for agency in result.agencies {
            table.add([agency.agency, Numbers.fixed(agency.nominalScore) + (agency.missing > 0 ? "*" : ""), agency.nominalGrade, String(agency.nominalRank), Numbers.full(agency.medianRank),
                       Numbers.full(agency.q05), Numbers.full(agency.q95), Numbers.fixed(agency.keepsGrade, 3)]
                + agency.gradeProbabilities.values.map { Numbers.fixed($0, 3) })
        }
        return table
    }

    var overall: [String] {
        [
            "Mean Spearman rho to the nominal ranking: \(result.meanSpearmanRho.map { Numbers.fixed($0, 4) } ?? "undefined")",
            "Convergence: rank quantiles moved at most \(Numbers.fixed(result.convergence.maxQuantileShift)) (mean \(Numbers.fixed(result.convergence.meanQuantileShift, 3))) from half of the replicates to all",
            "Failed replicates: \(result.failedReplicates.count)",
        ] + incomplete
    }

    /// Reports with unanswered items: marked `*` in the table, named here.
    var incomplete: [String] {
        let agencies = result.agencies.filter { $0.missing > 0 }
        guard !agencies.isEmpty else { return [] }
        return ["* Unanswered items counted 0: " + agencies.map { "\($0.agency) (\($0.missing))" }.joined(separator: ", ")]
    }
}

/// Rank intervals and grade probabilities as an aligned table, then the overall figures.
public struct SensitivityTextRenderer: ResultRenderer {
    public var options: RenderOptions

    public init(options: RenderOptions = RenderOptions()) {
        self.options = options
    }

    public func render(_ result: SensitivityResult) -> String {
        let layout = SensitivityLayout(result: result)
        let table = options.wide ? layout.table() : layout.compactTable()
        return layout.heading + "\n\n" + table.text(indent: "  ") + "\n" + layout.overall.map { "  \($0)\n" }.joined()
    }
}

/// The same as Markdown.
public struct SensitivityMarkdownRenderer: ResultRenderer {
    public init() {}

    public func render(_ result: SensitivityResult) -> String {
        let layout = SensitivityLayout(result: result)
        return "## " + layout.heading + "\n\n" + layout.table().markdown() + "\n" + layout.overall.map { "- \($0)\n" }.joined()
    }
}

/// One row per agency, full precision.
public struct SensitivityCSVRenderer: ResultRenderer {
    public var dialect: CSVDialect

    public init(dialect: CSVDialect = .standard) {
        self.dialect = dialect
    }

    public func render(_ result: SensitivityResult) -> String {
        let grades = SensitivityLayout(result: result).grades
        var table = TextTable((["agency", "year", "nominal_score", "nominal_grade", "nominal_rank", "median_rank", "q05", "q95", "p_keep_grade"]
            + grades.map { "p_\($0)" }).map { ($0, .left) })
        for a in result.agencies {
            table.add([a.agency, String(a.year), Numbers.full(a.nominalScore), a.nominalGrade, String(a.nominalRank), Numbers.full(a.medianRank),
                       Numbers.full(a.q05), Numbers.full(a.q95), Numbers.full(a.keepsGrade)] + a.gradeProbabilities.values.map(Numbers.full))
        }
        return table.csv(dialect)
    }
}

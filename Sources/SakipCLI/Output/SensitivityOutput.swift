import SakipCore

/// Renders a Monte Carlo sensitivity result.
struct SensitivityOutput: FormattedOutput {
    var result: SensitivityAnalysis.Result
    var year: Int?
    var errors: [Diagnostic]

    private var heading: String {
        let o = result.options
        return "Sensitivity of \(result.agencies.count) reports\(year.map { ", \($0)" } ?? "") to the weights of \(result.rubricID): \(o.samples) \(o.sequence == .sobol ? "Sobol' " : "")replicates, \(o.model.rawValue) model, spread \(Numbers.full(o.spread)), seed \(o.seed)"
    }

    private var grades: [String] { result.agencies.first?.gradeProbabilities.map(\.grade) ?? [] }

    private func table() -> TextTable {
        var table = TextTable([("Agency", .left), ("Score", .right), ("Grade", .left), ("Rank", .right), ("Median", .right), ("5%", .right), ("95%", .right), ("Keeps grade", .right)]
            + grades.map { ("P(\($0))", .right) })
        for agency in result.agencies {
            table.add([agency.agency, Numbers.fixed(agency.nominalScore), agency.nominalGrade, String(agency.nominalRank), Numbers.full(agency.medianRank),
                       Numbers.full(agency.q05), Numbers.full(agency.q95), Numbers.fixed(agency.keepsGrade, 3)]
                + agency.gradeProbabilities.map { Numbers.fixed($0.probability, 3) })
        }
        return table
    }

    private var overall: [String] {
        [
            "Mean Spearman rho to the nominal ranking: \(result.meanSpearman.map { Numbers.fixed($0, 4) } ?? "undefined")",
            "Convergence: rank quantiles moved at most \(Numbers.fixed(result.convergenceMaxShift)) (mean \(Numbers.fixed(result.convergenceMeanShift, 3))) between the first half of the replicates and all of them",
            "Failed replicates: \(result.failedReplicates.count)",
        ]
    }

    func text() -> String {
        heading + "\n\n" + table().text(indent: "  ") + "\n" + overall.map { "  \($0)\n" }.joined()
    }

    func markdown() -> String {
        "## " + heading + "\n\n" + table().markdown() + "\n" + overall.map { "- \($0)\n" }.joined()
    }

    func csv() -> String {
        var table = TextTable((["agency", "year", "nominal_score", "nominal_grade", "nominal_rank", "median_rank", "q05", "q95", "p_keep_grade"]
            + grades.map { "p_\($0)" }).map { ($0, .left) })
        for a in result.agencies {
            table.add([a.agency, String(a.year), Numbers.full(a.nominalScore), a.nominalGrade, String(a.nominalRank), Numbers.full(a.medianRank),
                       Numbers.full(a.q05), Numbers.full(a.q95), Numbers.full(a.keepsGrade)] + a.gradeProbabilities.map { Numbers.full($0.probability) })
        }
        return table.csv()
    }

    func json() -> JSON {
        let o = result.options
        return .object([
            ("rubric", .string(result.rubricID)), ("year", year.map(JSON.int) ?? .null),
            ("samples", .int(o.samples)), ("seed", .string(String(o.seed))), ("spread", .number(o.spread)), ("model", .string(o.model.rawValue)), ("sequence", .string(o.sequence.rawValue)),
            ("failed_replicates", .array(result.failedReplicates.map(JSON.int))),
            ("mean_spearman_rho", .optional(result.meanSpearman)),
            ("convergence", .object([("max_quantile_shift", .number(result.convergenceMaxShift)), ("mean_quantile_shift", .number(result.convergenceMeanShift))])),
            ("agencies", .array(result.agencies.map { a in
                .object([
                    ("agency", .string(a.agency)), ("name", .optional(a.name)), ("year", .int(a.year)),
                    ("nominal_score", .number(a.nominalScore)), ("nominal_grade", .string(a.nominalGrade)), ("nominal_rank", .int(a.nominalRank)),
                    ("median_rank", .number(a.medianRank)), ("q05", .number(a.q05)), ("q95", .number(a.q95)),
                    ("grade_probabilities", .object(a.gradeProbabilities.map { ($0.grade, JSON.number($0.probability)) })),
                    ("p_keep_grade", .number(a.keepsGrade)),
                ])
            })),
            ("errors", .array(errors.map(\.json))),
        ])
    }
}

/// The indicators of one report with their achievement, their weighted mean and the budget check.
struct ScoredIndicators {
    var results: [IndicatorResult]
    var mean: Double?
    var efficiency: Efficiency?
}

extension Scorer {
    /// Achievement of each indicator by the rubric's policy; one that cannot be computed is a
    /// warning and is left out of the mean, never counted as 0.
    func scoreIndicators(_ report: Report, into findings: inout Findings) -> ScoredIndicators {
        let results = report.indicators.map { indicator -> IndicatorResult in
            let outcome = Achievement.of(indicator, policy: rubric.achievement)
            if case .notComputable(let reason) = outcome {
                findings.add(.notComputable, .warning, at: report.position(indicator.offset, attribute: "target"), "achievement of indicator \(indicator.id) not computable: \(reason)")
            }
            return IndicatorResult(indicator: indicator, outcome: outcome, label: outcome.value.flatMap { rubric.achievement.label(for: $0) })
        }
        let mean = Achievement.mean(results.map { ($0.outcome, $0.indicator.weight) })
        let efficiency = report.budget.flatMap { Efficiency(budget: $0, achievement: mean, policy: rubric.achievement) }
        return ScoredIndicators(results: results, mean: mean, efficiency: efficiency)
    }
}

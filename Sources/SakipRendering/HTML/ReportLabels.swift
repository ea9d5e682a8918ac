import SakipCore

/// The words of the HTML report, looked up once per page in the one label table (`Labels`).
/// Data (ids, grades, numbers) never change with the language.
public struct ReportLabels: Sendable {
    let language: Language
    let title: String
    let overview: String
    let gradeCounts: String
    let ranking: String
    let rank: String
    let agency: String
    let region: String
    let score: String
    let grade: String
    let component: String
    let subcomponent: String
    let weight: String
    let achieved: String
    let heatMap: String
    let movement: String
    let previousScore: String
    let change: String
    let weakest: String
    let meanAchieved: String
    let meanLost: String
    let sensitivity: String
    let rankIntervals: String
    let median: String
    let nominal: String
    let gradeProbabilities: String
    let keepsGrade: String
    let convergence: String
    let candidate: String
    let baseline: String
    let shift: String
    let transitions: String
    let agencies: String
    let indicators: String
    let target: String
    let realization: String
    let achievement: String
    let band: String
    let consistency: String
    let unanswered: String
    let reports: String
    let errors: String
    let backToTop: String
    let generated: String
    let notComputable: String
    let notes: String
    let criterion: String
    let stage: String
    let note: String
    let evidence: String

    public static func forLanguage(_ language: Language) -> ReportLabels {
        let l = Labels(language)
        return ReportLabels(
            language: language, title: l("SAKIP evaluation"), overview: l("Overview"), gradeCounts: l("Reports per grade"),
            ranking: l("Ranking"), rank: l("Rank"), agency: l("Agency"), region: l("Region"), score: l("Score"),
            grade: l("Grade"), component: l("Component"), subcomponent: l("Sub-component"), weight: l("Weight"),
            achieved: l("Achieved"), heatMap: l("Share of each component achieved"), movement: l("Movement since"),
            previousScore: l("Previous"), change: l("Change"), weakest: l("Weakest sub-components across all reports"),
            meanAchieved: l("Mean achieved"), meanLost: l("Mean points lost"), sensitivity: l("Robustness to the weights"),
            rankIntervals: l("Rank intervals (5%-95%) over the weight sets"), median: l("Median"), nominal: l("Nominal"),
            gradeProbabilities: l("Probability of each grade"), keepsGrade: l("Keeps grade"), convergence: l("Convergence"),
            candidate: l("Candidate"), baseline: l("Baseline"), shift: l("Shift"),
            transitions: l("Grade transitions (rows: baseline, columns: candidate)"), agencies: l("Agencies"),
            indicators: l("Indicators"), target: l("Target"), realization: l("Realisation"), achievement: l("Achievement"),
            band: l("Band"), consistency: l("Kerangka logis (consistency)"), unanswered: l("Unanswered, each counted 0"),
            reports: l("reports"), errors: l("Inputs that could not be scored"), backToTop: l("Back to the overview"),
            generated: l("Made by sakip"), notComputable: l("not computable"), notes: l("Notes and evidence"),
            criterion: l("Criterion"), stage: l("Stage"), note: l("Note"), evidence: l("Evidence"))
    }
}

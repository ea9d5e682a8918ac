import SakipCore

/// A result as a workbook: one sheet per table.
public protocol WorkbookRenderable {
    func workbook() -> Workbook
}

private typealias Cell = Workbook.Cell

private func text(_ value: String?) -> Cell { value.map(Cell.text) ?? .empty }
private func decimal(_ value: Double?) -> Cell { value.map(Cell.decimal) ?? .empty }

extension ScoreResult: WorkbookRenderable {
    /// `Reports`: one row per report; `Breakdown`: every component, group and sub-component.
    public func workbook() -> Workbook {
        let componentIDs = Ranking.orderedComponentIDs(reports.map(\.card))
        let summary = Workbook.Sheet(
            name: "Reports",
            headers: ["Agency", "Name", "Region", "Year", "Rubric", "Score", "Grade", "Grade label"] + componentIDs.map { "C\($0)" } + ["Unanswered"],
            rows: reports.map { report in
                let card = report.card
                return [.text(card.agency), text(card.name), text(card.region), .integer(card.year), .text(card.rubricID),
                        .decimal(card.total), .text(card.grade.grade), .text(card.grade.label)]
                    + componentIDs.map { id in decimal(card.components.first { $0.id == id }?.score) } + [.integer(card.missing.count)]
            })
        var breakdown: [[Cell]] = []
        for card in reports.map(\.card) {
            let base: [Cell] = [.text(card.agency), .integer(card.year)]
            for component in card.components {
                breakdown.append(base + [.text("component"), .text(component.id), .text(component.name), .decimal(component.weight),
                                         .decimal(component.score), .decimal(component.score / component.weight), .empty])
                for sub in component.subcomponents {
                    breakdown.append(base + [.text("subcomponent"), .text(sub.id), .text(sub.name), .decimal(sub.weight), .decimal(sub.score),
                                             .decimal(sub.value), text(sub.letter)])
                }
            }
        }
        return Workbook(sheets: [summary, Workbook.Sheet(
            name: "Breakdown", headers: ["Agency", "Year", "Level", "ID", "Name", "Weight", "Score", "Achieved", "Answer"], rows: breakdown)])
    }
}

extension RankResult: WorkbookRenderable {
    /// `Ranking`, then the grade counts and the weakest sub-components.
    public func workbook() -> Workbook {
        let withPrevious = previousYear != nil
        var headers = ["Rank", "Agency", "Name", "Region", "Year", "Rubric", "Score", "Grade"]
        for id in componentIDs { headers += ["C\(id)", "C\(id) rank"] }
        headers += ["IKU mean", "Unanswered"]
        if withPrevious { headers += ["Previous score", "Delta", "Previous grade", "Grade movement", "Previous rank", "Rank movement"] }
        let rows: [[Cell]] = rankings.map { entry in
            var row: [Cell] = [.integer(entry.rank), .text(entry.agency), text(entry.name), text(entry.region), .integer(entry.year),
                               .text(entry.rubric), .decimal(entry.score), .text(entry.grade)]
            for id in componentIDs {
                let standing = entry.componentScore(id)
                row += [decimal(standing?.score), standing.map { .integer($0.rank) } ?? .empty]
            }
            row += [decimal(entry.indicatorMean), .integer(entry.missing)]
            if withPrevious {
                if let previous = entry.previous {
                    row += [.decimal(previous.value), .decimal(previous.delta), .text(previous.grade), .text(previous.gradeMovement.rawValue),
                            .integer(previous.rank), .integer(previous.rankMovement)]
                } else {
                    row += [.empty, .empty, .empty, .text("new"), .empty, .empty]
                }
            }
            return row
        }
        return Workbook(sheets: [
            Workbook.Sheet(name: "Ranking", headers: headers, rows: rows),
            Workbook.Sheet(name: "Grades", headers: ["Grade", "Reports"], rows: summary.grades.pairs.map { [.text($0.key), .integer($0.value)] }),
            Workbook.Sheet(name: "Weakest", headers: ["ID", "Sub-component", "Mean achieved", "Mean points lost", "Reports"],
                           rows: summary.weakest.map { [.text($0.id), .text($0.name), .decimal($0.meanValue), .decimal($0.meanLost), .integer($0.reports)] }),
        ])
    }
}

extension CompareResult: WorkbookRenderable {
    /// `Comparison` per agency, the grade `Transitions` and the agreement `Statistics`.
    public func workbook() -> Workbook {
        let rows: [[Cell]] = agencies.map { row in
            [.text(row.agency), .integer(row.year), .integer(row.baselineRank), .decimal(row.baselineScore), .text(row.baselineGrade),
             .integer(row.candidateRank), .decimal(row.candidateScore), .text(row.candidateGrade), .integer(row.shift),
             .integer(row.baselineMissing), .integer(row.candidateMissing)]
        }
        let grades = gradeTransitions.keys
        return Workbook(sheets: [
            Workbook.Sheet(name: "Comparison", headers: ["Agency", "Year", "Baseline rank", "Baseline score", "Baseline grade", "Candidate rank",
                                                         "Candidate score", "Candidate grade", "Shift", "Baseline unanswered", "Candidate unanswered"], rows: rows),
            Workbook.Sheet(name: "Transitions", headers: ["Baseline \\ candidate"] + grades,
                           rows: gradeTransitions.pairs.map { [.text($0.key)] + $0.value.values.map(Cell.integer) }),
            Workbook.Sheet(name: "Statistics", headers: ["Measure", "Value"], rows: [
                [.text("Baseline"), .text(baseline)], [.text("Candidate"), .text(candidate)],
                [.text("Kendall tau-b"), decimal(kendallTauB)], [.text("Spearman rho"), decimal(spearmanRho)],
                [.text("Mean absolute rank shift"), .decimal(meanAbsoluteShift)], [.text("Share unchanged"), .decimal(shareUnchanged)],
                [.text("Top-\(topK) overlap"), .decimal(topKOverlap)],
            ]),
        ])
    }
}

extension SensitivityResult: WorkbookRenderable {
    /// `Sensitivity`: per agency, its rank interval and the probability of each grade.
    public func workbook() -> Workbook {
        let grades = agencies.first?.gradeProbabilities.keys ?? []
        let rows: [[Cell]] = agencies.map { a in
            [.text(a.agency), text(a.name), .integer(a.year), .decimal(a.nominalScore), .text(a.nominalGrade), .integer(a.nominalRank),
             .decimal(a.medianRank), .decimal(a.q05), .decimal(a.q95), .decimal(a.keepsGrade)]
                + a.gradeProbabilities.values.map(Cell.decimal) + [.integer(a.missing)]
        }
        return Workbook(sheets: [Workbook.Sheet(
            name: "Sensitivity",
            headers: ["Agency", "Name", "Year", "Score", "Grade", "Rank", "Median rank", "5% rank", "95% rank", "Keeps grade"] + grades.map { "P(\($0))" } + ["Unanswered"],
            rows: rows)])
    }
}

extension RubricListResult: WorkbookRenderable {
    /// `Rubrics`: one row per rubric.
    public func workbook() -> Workbook {
        Workbook(sheets: [Workbook.Sheet(
            name: "Rubrics", headers: ["ID", "Components", "Sub-components", "Criteria", "Aggregation", "Title"],
            rows: rubrics.map { [.text($0.id), .integer($0.components), .integer($0.subcomponents), .integer($0.criteria), .text($0.aggregation), .text($0.title)] })])
    }
}

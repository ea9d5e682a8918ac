import SakipCore

/// A result as a workbook: one sheet per table.
public protocol WorkbookRenderable {
    /// The result's tables as sheets, labelled in `options.language`.
    func workbook(_ options: RenderOptions) -> Workbook
}

private typealias Cell = Workbook.Cell

private func text(_ value: String?) -> Cell { value.map(Cell.text) ?? .empty }
private func decimal(_ value: Double?) -> Cell { value.map(Cell.decimal) ?? .empty }

extension ScoreResult: WorkbookRenderable {
    /// `Reports`: one row per report; `Breakdown`: every component, group and sub-component;
    /// with stages, `Stages` and `Gaps`; with notes or evidence beside answers, `Notes`.
    public func workbook(_ options: RenderOptions = RenderOptions()) -> Workbook {
        let l = options.labels
        let componentIDs = Ranking.orderedComponentIDs(reports.map(\.card))
        let summary = Workbook.Sheet(
            name: l("Reports"),
            headers: [l("Agency"), l("Name"), l("Region"), l("Year"), l("Rubric"), l("Score"), l("Grade"), l("Grade label")] + componentIDs.map { "C\($0)" } + [l("Unanswered")],
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
                breakdown.append(base + [.text(l("component")), .text(component.id), .text(component.name), .decimal(component.weight),
                                         .decimal(component.score), .percent(component.score / component.weight), .empty])
                for sub in component.subcomponents {
                    breakdown.append(base + [.text(l("subcomponent")), .text(sub.id), .text(sub.name), .decimal(sub.weight), .decimal(sub.score),
                                             .percent(sub.value), text(sub.letter)])
                }
            }
        }
        var sheets = [summary, Workbook.Sheet(
            name: l("Breakdown"), headers: [l("Agency"), l("Year"), l("Level"), l("ID"), l("Name"), l("Weight"), l("Score"), l("Achieved"), l("Answer")], rows: breakdown)]
        let staged = reports.map(\.card).filter { !$0.stages.isEmpty }
        if !staged.isEmpty {
            sheets.append(Workbook.Sheet(name: l("Stages"), headers: [l("Agency"), l("Year"), l("Stage"), l("Score"), l("Grade"), l("Unanswered")],
                                         rows: staged.flatMap { card in card.stages.map { stage in
                [.text(card.agency), .integer(card.year), .text(l(stage.stage.rawValue)), .decimal(stage.score), .text(stage.grade), .integer(stage.missing)]
            } }))
            sheets.append(Workbook.Sheet(name: l("Gaps"), headers: [l("Agency"), l("Year"), l("ID"), l("Sub-component"), l("Weight"), l("Self answer"),
                                                                   l("Self score"), l("Scored answer"), l("Scored score"), l("Gap")],
                                         rows: staged.flatMap { card in card.gaps.map { gap in
                [.text(card.agency), .integer(card.year), .text(gap.subcomponent), .text(gap.name), .decimal(gap.weight), text(gap.selfLetter),
                 .decimal(gap.selfScore), text(gap.finalLetter), .decimal(gap.finalScore), .decimal(gap.gap)]
            } }))
        }
        let remarks = reports.flatMap { report in report.card.remarks.map { (report.card, $0) } }
        if !remarks.isEmpty {
            sheets.append(Workbook.Sheet(name: l("Notes"), headers: [l("Agency"), l("Year"), l("Criterion"), l("Stage"), l("Note"), l("Evidence")],
                                         rows: remarks.map { card, remark in
                [.text(card.agency), .integer(card.year), .text(remark.criterion), .text(l(remark.stage.rawValue)), text(remark.note), text(remark.evidence)]
            }))
        }
        return Workbook(sheets: sheets)
    }
}

extension RankResult: WorkbookRenderable {
    /// `Ranking`, then the grade counts and the weakest sub-components.
    public func workbook(_ options: RenderOptions = RenderOptions()) -> Workbook {
        let l = options.labels
        let withPrevious = previousYear != nil
        var headers = ["Rank", "Agency", "Name", "Region", "Year", "Rubric", "Score", "Grade"].map { l($0) }
        for id in componentIDs { headers += ["C\(id)", l("C{} rank", id)] }
        headers += [l("IKU mean"), l("Unanswered"), l("Stage")]
        if withPrevious { headers += ["Previous score", "Delta", "Previous grade", "Grade movement", "Previous rank", "Rank movement"].map { l($0) } }
        let rows: [[Cell]] = rankings.map { entry in
            var row: [Cell] = [.integer(entry.rank), .text(entry.agency), text(entry.name), text(entry.region), .integer(entry.year),
                               .text(entry.rubric), .decimal(entry.score), .text(entry.grade)]
            for id in componentIDs {
                let standing = entry.componentScore(id)
                row += [decimal(standing?.score), standing.map { .integer($0.rank) } ?? .empty]
            }
            row += [decimal(entry.indicatorMean), .integer(entry.missing), .text(l(entry.stage.rawValue))]
            if withPrevious {
                if let previous = entry.previous {
                    row += [.decimal(previous.value), .decimal(previous.delta), .text(previous.grade), .text(l(previous.gradeMovement.rawValue)),
                            .integer(previous.rank), .integer(previous.rankMovement)]
                } else {
                    row += [.empty, .empty, .empty, .text(l("new")), .empty, .empty]
                }
            }
            return row
        }
        return Workbook(sheets: [
            Workbook.Sheet(name: l("Ranking"), headers: headers, rows: rows),
            Workbook.Sheet(name: l("Grades"), headers: [l("Grade"), l("Reports")], rows: summary.grades.pairs.map { [.text($0.key), .integer($0.value)] }),
            Workbook.Sheet(name: l("Weakest"), headers: [l("ID"), l("Sub-component"), l("Mean achieved"), l("Mean points lost"), l("Reports")],
                           rows: summary.weakest.map { [.text($0.id), .text($0.name), .percent($0.meanValue), .decimal($0.meanLost), .integer($0.reports)] }),
        ])
    }
}

extension CompareResult: WorkbookRenderable {
    /// `Comparison` per agency, the grade `Transitions` and the agreement `Statistics`.
    public func workbook(_ options: RenderOptions = RenderOptions()) -> Workbook {
        let l = options.labels
        let rows: [[Cell]] = agencies.map { row in
            [.text(row.agency), .integer(row.year), .integer(row.baselineRank), .decimal(row.baselineScore), .text(row.baselineGrade),
             .integer(row.candidateRank), .decimal(row.candidateScore), .text(row.candidateGrade), .integer(row.shift),
             .integer(row.baselineMissing), .integer(row.candidateMissing)]
        }
        let grades = gradeTransitions.keys
        return Workbook(sheets: [
            Workbook.Sheet(name: l("Comparison"), headers: [l("Agency"), l("Year"), l("Baseline rank"), l("Baseline score"), l("Baseline grade"), l("Candidate rank"),
                                                         l("Candidate score"), l("Candidate grade"), l("Shift"), l("Baseline unanswered"), l("Candidate unanswered")], rows: rows),
            Workbook.Sheet(name: l("Transitions"), headers: [l("Baseline \\ candidate")] + grades,
                           rows: gradeTransitions.pairs.map { [.text($0.key)] + $0.value.values.map(Cell.integer) }),
            Workbook.Sheet(name: l("Statistics"), headers: [l("Measure"), l("Value")], rows: [
                [.text(l("Baseline")), .text(baseline)], [.text(l("Candidate")), .text(candidate)],
                [.text(l("Kendall tau-b")), decimal(kendallTauB)], [.text(l("Spearman rho")), decimal(spearmanRho)],
                [.text(l("Mean absolute rank shift")), .decimal(meanAbsoluteShift)], [.text(l("Share unchanged")), .percent(shareUnchanged)],
                [.text(l("Top-{} overlap", topK)), .decimal(topKOverlap)],
            ]),
        ])
    }
}

extension SensitivityResult: WorkbookRenderable {
    /// Rank acceptability columns in the `Sensitivity` sheet: one a rank up to this many, then
    /// one for every rank after. A column a rank is a table as wide as the ranking, which at
    /// national scale no spreadsheet opens (Excel stops at 16,384 columns).
    public static let acceptabilityColumns = 100

    /// An agency's probability of each of the first `shown` ranks, then (when `beyond`) of any
    /// rank after them: one pass over the ranks it took.
    static func acceptability(_ agency: Agency, shown: Int, beyond: Bool) -> [Double] {
        var columns = [Double](repeating: 0, count: shown + (beyond ? 1 : 0))
        let acceptability = agency.rankAcceptability
        for (rank, share) in zip(acceptability.ranks, acceptability.shares) {
            if rank <= shown { columns[Int(rank) - 1] = share } else if beyond { columns[shown] += share }
        }
        return columns
    }

    /// `Sensitivity`: per agency, its rank interval, the probability of each grade and its rank
    /// acceptability; with indices, `Indices` and `Rank indices`; with removal, `Removal`.
    public func workbook(_ options: RenderOptions = RenderOptions()) -> Workbook {
        let l = options.labels
        let grades = agencies.first?.gradeProbabilities.keys ?? []
        let shown = min(agencies.count, Self.acceptabilityColumns)
        let beyond = agencies.count > shown
        let rows: [[Cell]] = agencies.map { a in
            [.text(a.agency), text(a.name), .integer(a.year), .decimal(a.nominalScore), .text(a.nominalGrade), .integer(a.nominalRank),
             .decimal(a.medianRank), .decimal(a.q05), .decimal(a.q95), .percent(a.keepsGrade)]
                + a.gradeProbabilities.values.map(Cell.percent) + [.integer(a.missing), .integer(a.mostLikelyRank)]
                + Self.acceptability(a, shown: shown, beyond: beyond).map(Cell.percent)
        }
        var sheets = [Workbook.Sheet(
            name: l("Sensitivity"),
            headers: [l("Agency"), l("Name"), l("Year"), l("Score"), l("Grade"), l("Rank"), l("Median rank"), l("5% rank"), l("95% rank"), l("Keeps grade")]
                + grades.map { "P(\($0))" } + [l("Unanswered"), l("Likely rank")]
                + (0..<shown).map { l("P(rank {})", String($0 + 1)) } + (beyond ? [l("P(rank > {})", String(shown))] : []),
            rows: rows)]
        if let indices {
            sheets.append(Workbook.Sheet(name: l("Indices"), headers: [l("Input"), l("Kind"), l("First order"), l("First order, 2.5%"), l("First order, 97.5%"),
                                                                      l("Total"), l("Total, 2.5%"), l("Total, 97.5%")],
                                         rows: indices.map { i in
                [.text(i.input), .text(l(i.kind)), decimal(i.firstOrder), decimal(i.firstOrderInterval?[0]), decimal(i.firstOrderInterval?[1]),
                 decimal(i.total), decimal(i.totalInterval?[0]), decimal(i.totalInterval?[1])]
            }))
        }
        if let rankIndices, let inputs = rankIndices.first?.indices.map(\.input) {
            sheets.append(Workbook.Sheet(name: l("Rank indices"), headers: [l("Agency")] + inputs.flatMap { [l("S {}", $0), l("ST {}", $0)] },
                                         rows: rankIndices.map { a in [.text(a.agency)] + a.indices.flatMap { [decimal($0.firstOrder), decimal($0.total)] } }))
        }
        if let removal {
            sheets.append(Workbook.Sheet(name: l("Removal"), headers: [l("Removed"), l("Level"), l("Mean rank change"), l("Max"), l("Moves most")],
                                         rows: removal.map { r in
                [.text(r.component), .text(l(r.level)), .decimal(r.meanAbsRankChange), .integer(r.maxAbsRankChange),
                 .text(r.movers.map { "\($0.agency) (\($0.change > 0 ? "+" : "")\($0.change))" }.joined(separator: ", "))]
            }))
        }
        return Workbook(sheets: sheets)
    }
}

extension RubricListResult: WorkbookRenderable {
    /// `Rubrics`: one row per rubric.
    public func workbook(_ options: RenderOptions = RenderOptions()) -> Workbook {
        let l = options.labels
        return Workbook(sheets: [Workbook.Sheet(
            name: l("Rubrics"), headers: [l("ID"), l("Components"), l("Sub-components"), l("Criteria"), l("Aggregation"), l("Title")],
            rows: rubrics.map { [.text($0.id), .integer($0.components), .integer($0.subcomponents), .integer($0.criteria), .text($0.aggregation), .text($0.title)] })])
    }
}

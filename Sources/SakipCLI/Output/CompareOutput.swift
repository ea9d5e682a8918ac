import SakipCore

/// Renders a rubric comparison.
struct CompareOutput: FormattedOutput {
    var comparison: RubricComparison
    var baseline: String
    var candidate: String
    var errors: [Diagnostic]

    private func shiftText(_ shift: Int) -> String { shift > 0 ? "+\(shift)" : String(shift) }

    private func agencyTable(markdown: Bool) -> TextTable {
        var table = TextTable([("Agency", .left), ("Base rank", .right), ("Base score", .right), ("Base grade", .left),
                               ("Cand rank", .right), ("Cand score", .right), ("Cand grade", .left), ("Shift", .right), ("Grade change", .left)])
        for row in comparison.rows {
            table.add([row.agency, String(row.baselineRank), Numbers.fixed(row.baseline.total), row.baseline.grade.grade,
                       String(row.candidateRank), Numbers.fixed(row.candidate.total), row.candidate.grade.grade, shiftText(row.shift),
                       row.gradeChanged ? "\(row.baseline.grade.grade) -> \(row.candidate.grade.grade)" : ""])
        }
        return table
    }

    private var statistics: [String] {
        [
            "Kendall tau-b: \(comparison.kendallTauB.map { Numbers.fixed($0, 4) } ?? "undefined")",
            "Spearman rho: \(comparison.spearmanRho.map { Numbers.fixed($0, 4) } ?? "undefined")",
            "Mean absolute rank shift: \(Numbers.fixed(comparison.meanAbsoluteShift))",
            "Unchanged rank: \(Numbers.percent(comparison.shareUnchanged))",
            "Top-\(comparison.topK) overlap: \(Numbers.percent(comparison.topKOverlap))",
        ]
    }

    private func transitionTable() -> TextTable {
        let labels = comparison.gradeLabels
        var table = TextTable([("Baseline \\ candidate", .left)] + labels.map { ($0, .right) })
        for (i, label) in labels.enumerated() { table.add([label] + comparison.transitions[i].map(String.init)) }
        return table
    }

    private var diffLines: [String] {
        let diff = comparison.diff
        var lines: [String] = []
        for change in diff.weightChanges { lines.append("weight of \(change.level) \(change.id): \(Numbers.full(change.before)) -> \(Numbers.full(change.after))") }
        if !diff.nodesAdded.isEmpty { lines.append("added: " + diff.nodesAdded.joined(separator: ", ")) }
        if !diff.nodesRemoved.isEmpty { lines.append("removed: " + diff.nodesRemoved.joined(separator: ", ")) }
        if !diff.criteriaAdded.isEmpty { lines.append("criteria only in the candidate: " + diff.criteriaAdded.joined(separator: ", ")) }
        if !diff.criteriaRemoved.isEmpty { lines.append("criteria only in the baseline: " + diff.criteriaRemoved.joined(separator: ", ")) }
        for change in diff.scaleChanges {
            lines.append("scale \(change.scale) \(change.letter): \(change.before.map(Numbers.full) ?? "absent") -> \(change.after.map(Numbers.full) ?? "absent")")
        }
        for change in diff.aggregationChanges { lines.append("aggregation of \(change.id): \(change.before.rawValue) -> \(change.after.rawValue)") }
        if !diff.textOnly.isEmpty { lines.append("texts only: " + diff.textOnly.joined(separator: ", ")) }
        lines += diff.otherChanges
        return lines.isEmpty ? ["no differences"] : lines
    }

    func text() -> String {
        var out = "Comparing \(baseline) (baseline) with \(candidate) (candidate), \(comparison.rows.count) reports\n\n"
        out += agencyTable(markdown: false).text(indent: "  ") + "\n"
        out += statistics.map { "  \($0)\n" }.joined()
        out += "\nGrade transitions (rows: baseline, columns: candidate)\n" + transitionTable().text(indent: "  ")
        out += "\nWhat changed in the rubric\n" + diffLines.map { "  \($0)\n" }.joined()
        return out
    }

    func markdown() -> String {
        var out = "## Comparing `\(baseline)` with `\(candidate)`\n\n" + agencyTable(markdown: true).markdown() + "\n"
        out += statistics.map { "- \($0)\n" }.joined()
        out += "\n### Grade transitions\n\n" + transitionTable().markdown()
        out += "\n### What changed in the rubric\n\n" + diffLines.map { "- \($0)\n" }.joined()
        return out
    }

    func csv() -> String {
        var table = TextTable(["agency", "year", "baseline_rank", "baseline_score", "baseline_grade", "candidate_rank", "candidate_score",
                               "candidate_grade", "shift"].map { ($0, .left) })
        for row in comparison.rows {
            table.add([row.agency, String(row.baseline.year), String(row.baselineRank), Numbers.full(row.baseline.total), row.baseline.grade.grade,
                       String(row.candidateRank), Numbers.full(row.candidate.total), row.candidate.grade.grade, String(row.shift)])
        }
        return table.csv()
    }

    func json() -> JSON {
        let diff = comparison.diff
        return .object([
            ("baseline", .string(baseline)), ("candidate", .string(candidate)),
            ("kendall_tau_b", .optional(comparison.kendallTauB)), ("spearman_rho", .optional(comparison.spearmanRho)),
            ("mean_abs_shift", .number(comparison.meanAbsoluteShift)), ("share_unchanged", .number(comparison.shareUnchanged)),
            ("top_k", .int(comparison.topK)), ("top_k_overlap", .number(comparison.topKOverlap)),
            ("agencies", .array(comparison.rows.map { row in
                .object([
                    ("agency", .string(row.agency)), ("year", .int(row.baseline.year)),
                    ("baseline_rank", .int(row.baselineRank)), ("baseline_score", .number(row.baseline.total)), ("baseline_grade", .string(row.baseline.grade.grade)),
                    ("candidate_rank", .int(row.candidateRank)), ("candidate_score", .number(row.candidate.total)), ("candidate_grade", .string(row.candidate.grade.grade)),
                    ("shift", .int(row.shift)),
                ])
            })),
            ("grade_transitions", .object(comparison.gradeLabels.enumerated().map { i, from in
                (from, JSON.object(comparison.gradeLabels.enumerated().map { j, to in (to, JSON.int(comparison.transitions[i][j])) }))
            })),
            ("rubric_diff", .object([
                ("weights_changed", .array(diff.weightChanges.map { .object([("id", .string($0.id)), ("level", .string($0.level)), ("before", .number($0.before)), ("after", .number($0.after))]) })),
                ("nodes_added", .array(diff.nodesAdded.map(JSON.string))), ("nodes_removed", .array(diff.nodesRemoved.map(JSON.string))),
                ("criteria_added", .array(diff.criteriaAdded.map(JSON.string))), ("criteria_removed", .array(diff.criteriaRemoved.map(JSON.string))),
                ("scale_values_changed", .array(diff.scaleChanges.map { .object([("scale", .string($0.scale)), ("letter", .string($0.letter)), ("before", .optional($0.before)), ("after", .optional($0.after))]) })),
                ("aggregation_changed", .array(diff.aggregationChanges.map { .object([("id", .string($0.id)), ("before", .string($0.before.rawValue)), ("after", .string($0.after.rawValue))]) })),
                ("texts_only", .array(diff.textOnly.map(JSON.string))), ("other", .array(diff.otherChanges.map(JSON.string))),
            ])),
            ("errors", .array(errors.map(\.json))),
        ])
    }
}

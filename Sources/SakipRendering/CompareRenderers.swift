import SakipCore

extension CompareResult: RenderableResult {
    public static func textRenderer(_ options: RenderOptions) -> CompareTextRenderer { CompareTextRenderer(options: options) }
    public static func csvRenderer(_ options: RenderOptions) -> CompareCSVRenderer { CompareCSVRenderer(dialect: options.csvDialect) }
    public static var markdownRenderer: CompareMarkdownRenderer { CompareMarkdownRenderer() }
}

/// What the text and Markdown comparisons share.
struct CompareLayout {
    let result: CompareResult

    func shiftText(_ shift: Int) -> String { shift > 0 ? "+\(shift)" : String(shift) }

    /// Full headers for `wide` and Markdown; `B`/`C` headers and agencies shortened to 22
    /// characters otherwise, so the table fits 100 columns.
    func agencyTable(markdown: Bool, wide: Bool = true) -> TextTable {
        let (base, cand) = wide ? ("Base", "Cand") : ("B", "C")
        var table = TextTable([("Agency", .left), ("\(base) rank", .right), ("\(base) score", .right), ("\(base) grade", .left),
                               ("\(cand) rank", .right), ("\(cand) score", .right), ("\(cand) grade", .left), ("Shift", .right), ("Grade change", .left)])
        for row in result.agencies {
            table.add([wide ? row.agency : row.agency.truncated(to: 22), String(row.baselineRank), Numbers.fixed(row.baselineScore), row.baselineGrade,
                       String(row.candidateRank), Numbers.fixed(row.candidateScore), row.candidateGrade, shiftText(row.shift),
                       row.gradeChanged ? "\(row.baselineGrade) -> \(row.candidateGrade)" : ""])
        }
        return table
    }

    /// Reports scored with unanswered items, each counted 0, under either rubric.
    var incomplete: [String] {
        let baseline = result.agencies.filter { $0.baselineMissing > 0 }.count
        let candidate = result.agencies.filter { $0.candidateMissing > 0 }.count
        guard baseline + candidate > 0 else { return [] }
        return ["Reports with unanswered items (each counted 0): \(baseline) under the baseline, \(candidate) under the candidate"]
    }

    var statistics: [String] {
        [
            "Kendall tau-b: \(result.kendallTauB.map { Numbers.fixed($0, 4) } ?? "undefined")",
            "Spearman rho: \(result.spearmanRho.map { Numbers.fixed($0, 4) } ?? "undefined")",
            "Mean absolute rank shift: \(Numbers.fixed(result.meanAbsoluteShift))",
            "Unchanged rank: \(Numbers.percent(result.shareUnchanged))",
            "Top-\(result.topK) overlap: \(Numbers.percent(result.topKOverlap))",
        ] + incomplete
    }

    func transitionTable() -> TextTable {
        let labels = result.gradeTransitions.keys
        var table = TextTable([("Baseline \\ candidate", .left)] + labels.map { ($0, .right) })
        for row in result.gradeTransitions.pairs { table.add([row.key] + row.value.values.map(String.init)) }
        return table
    }

    var diffLines: [String] {
        let diff = result.rubricDiff
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
}

/// The comparison as aligned tables: rank shifts, agreement, grade transitions, rubric diff.
public struct CompareTextRenderer: ResultRenderer {
    public var options: RenderOptions

    public init(options: RenderOptions = RenderOptions()) {
        self.options = options
    }

    public func render(_ result: CompareResult) -> String {
        let layout = CompareLayout(result: result)
        var out = "Comparing \(result.baseline) (baseline\(options.wide ? "" : ", B")) with \(result.candidate) (candidate\(options.wide ? "" : ", C")), \(result.agencies.count) reports\n\n"
        out += layout.agencyTable(markdown: false, wide: options.wide).text(indent: "  ") + "\n"
        out += layout.statistics.map { "  \($0)\n" }.joined()
        out += "\nGrade transitions (rows: baseline, columns: candidate)\n" + layout.transitionTable().text(indent: "  ")
        out += "\nWhat changed in the rubric\n" + layout.diffLines.map { "  \($0)\n" }.joined()
        return out
    }
}

/// The comparison as Markdown.
public struct CompareMarkdownRenderer: ResultRenderer {
    public init() {}

    public func render(_ result: CompareResult) -> String {
        let layout = CompareLayout(result: result)
        var out = "## Comparing `\(result.baseline)` with `\(result.candidate)`\n\n" + layout.agencyTable(markdown: true).markdown() + "\n"
        out += layout.statistics.map { "- \($0)\n" }.joined()
        out += "\n### Grade transitions\n\n" + layout.transitionTable().markdown()
        out += "\n### What changed in the rubric\n\n" + layout.diffLines.map { "- \($0)\n" }.joined()
        return out
    }
}

/// One row per agency, full precision.
public struct CompareCSVRenderer: ResultRenderer {
    public var dialect: CSVDialect

    public init(dialect: CSVDialect = .standard) {
        self.dialect = dialect
    }

    public func render(_ result: CompareResult) -> String {
        var table = TextTable(["agency", "year", "baseline_rank", "baseline_score", "baseline_grade", "candidate_rank", "candidate_score",
                               "candidate_grade", "shift"].map { ($0, .left) })
        for row in result.agencies {
            table.add([row.agency, String(row.year), String(row.baselineRank), Numbers.full(row.baselineScore), row.baselineGrade,
                       String(row.candidateRank), Numbers.full(row.candidateScore), row.candidateGrade, String(row.shift)])
        }
        return table.csv(dialect)
    }
}

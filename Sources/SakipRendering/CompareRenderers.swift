import SakipCore

extension CompareResult: RenderableResult {
    public static func textRenderer(_ options: RenderOptions) -> CompareTextRenderer { CompareTextRenderer(options: options) }
    public static func csvRenderer(_ options: RenderOptions) -> CompareCSVRenderer { CompareCSVRenderer(dialect: options.csvDialect) }
    public static func markdownRenderer(_ options: RenderOptions) -> CompareMarkdownRenderer { CompareMarkdownRenderer(options: options) }
}

/// What the text and Markdown comparisons share.
struct CompareLayout {
    let result: CompareResult
    let l: Labels

    func shiftText(_ shift: Int) -> String { shift > 0 ? "+\(shift)" : String(shift) }

    /// Full headers for `wide` and Markdown; `B`/`C` headers and agencies shortened to 22
    /// characters otherwise, so the table fits 100 columns.
    func agencyTable(markdown: Bool, wide: Bool = true) -> TextTable {
        let (base, cand) = wide ? ("Base", "Cand") : ("B", "C")
        var table = TextTable([(l("Agency"), .left), (l("\(base) rank"), .right), (l("\(base) score"), .right), (l("\(base) grade"), .left),
                               (l("\(cand) rank"), .right), (l("\(cand) score"), .right), (l("\(cand) grade"), .left), (l("Shift"), .right), (l("Grade change"), .left)])
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
        return [l("Reports with unanswered items (each counted 0): {} under the baseline, {} under the candidate", baseline, candidate)]
    }

    var statistics: [String] {
        [
            l("Kendall tau-b: {}", result.kendallTauB.map { Numbers.fixed($0, 4) } ?? l("undefined")),
            l("Spearman rho: {}", result.spearmanRho.map { Numbers.fixed($0, 4) } ?? l("undefined")),
            l("Mean absolute rank shift: {}", Numbers.fixed(result.meanAbsoluteShift)),
            l("Unchanged rank: {}", Numbers.percent(result.shareUnchanged)),
            l("Top-{} overlap: {}", result.topK, Numbers.percent(result.topKOverlap)),
        ] + incomplete
    }

    func transitionTable() -> TextTable {
        let labels = result.gradeTransitions.keys
        var table = TextTable([(l("Baseline \\ candidate"), .left)] + labels.map { ($0, .right) })
        for row in result.gradeTransitions.pairs { table.add([row.key] + row.value.values.map(String.init)) }
        return table
    }

    var diffLines: [String] {
        let diff = result.rubricDiff
        var lines: [String] = []
        for change in diff.weightChanges { lines.append(l("weight of {} {}: {} -> {}", l(change.level), change.id, Numbers.full(change.before), Numbers.full(change.after))) }
        if !diff.nodesAdded.isEmpty { lines.append(l("added: ") + diff.nodesAdded.joined(separator: ", ")) }
        if !diff.nodesRemoved.isEmpty { lines.append(l("removed: ") + diff.nodesRemoved.joined(separator: ", ")) }
        if !diff.criteriaAdded.isEmpty { lines.append(l("criteria only in the candidate: ") + diff.criteriaAdded.joined(separator: ", ")) }
        if !diff.criteriaRemoved.isEmpty { lines.append(l("criteria only in the baseline: ") + diff.criteriaRemoved.joined(separator: ", ")) }
        for change in diff.scaleChanges {
            lines.append(l("scale {} {}: {} -> {}", change.scale, change.letter, change.before.map(Numbers.full) ?? l("absent"), change.after.map(Numbers.full) ?? l("absent")))
        }
        for change in diff.aggregationChanges { lines.append(l("aggregation of {}: {} -> {}", change.id, change.before.rawValue, change.after.rawValue)) }
        if !diff.textOnly.isEmpty { lines.append(l("texts only: ") + diff.textOnly.joined(separator: ", ")) }
        lines += diff.otherChanges
        return lines.isEmpty ? [l("no differences")] : lines
    }
}

/// The comparison as aligned tables: rank shifts, agreement, grade transitions, rubric diff.
public struct CompareTextRenderer: ResultRenderer {
    public var options: RenderOptions

    public init(options: RenderOptions = RenderOptions()) {
        self.options = options
    }

    public func render(_ result: CompareResult) -> String {
        let l = options.labels
        let layout = CompareLayout(result: result, l: l)
        let heading = options.wide ? "Comparing {} (baseline) with {} (candidate), {} reports" : "Comparing {} (baseline, B) with {} (candidate, C), {} reports"
        var out = l(heading, result.baseline, result.candidate, result.agencies.count).wrapped(to: options.tableWidth) + "\n\n"
        out += layout.agencyTable(markdown: false, wide: options.wide).text(indent: "  ", fitting: options.tableWidth) + "\n"
        out += layout.statistics.map { "  \($0)\n" }.joined()
        out += "\n" + l("Grade transitions (rows: baseline, columns: candidate)") + "\n" + layout.transitionTable().text(indent: "  ", fitting: options.tableWidth)
        out += "\n" + l("What changed in the rubric") + "\n" + layout.diffLines.map { "  \($0)\n" }.joined()
        return out
    }
}

/// The comparison as Markdown.
public struct CompareMarkdownRenderer: ResultRenderer {
    public var options: RenderOptions

    public init(options: RenderOptions = RenderOptions()) {
        self.options = options
    }

    public func render(_ result: CompareResult) -> String {
        let l = options.labels
        let layout = CompareLayout(result: result, l: l)
        var out = "## " + l("Comparing `{}` with `{}`", result.baseline, result.candidate) + "\n\n" + layout.agencyTable(markdown: true).markdown() + "\n"
        out += layout.statistics.map { "- \($0)\n" }.joined()
        out += "\n### " + l("Grade transitions") + "\n\n" + layout.transitionTable().markdown()
        out += "\n### " + l("What changed in the rubric") + "\n\n" + layout.diffLines.map { "- \($0)\n" }.joined()
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
        // Right-aligned: the columns of numbers (see `TextTable.Alignment`).
        var table = TextTable(["agency", "year", "baseline_rank", "baseline_score", "baseline_grade", "candidate_rank", "candidate_score",
                               "candidate_grade", "shift"].map { ($0, $0.hasSuffix("_score") ? .right : .left) })
        for row in result.agencies {
            table.add([row.agency, String(row.year), String(row.baselineRank), Numbers.full(row.baselineScore), row.baselineGrade,
                       String(row.candidateRank), Numbers.full(row.candidateScore), row.candidateGrade, String(row.shift)])
        }
        return table.csv(dialect)
    }
}

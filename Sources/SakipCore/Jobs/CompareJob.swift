/// Every report scored under a baseline and a candidate rubric: who moves, how much, and what
/// changed in the rubric.
public struct CompareRequest: Sendable {
    public var inputs: InputSelection
    /// The rubric in use (id or YAML path).
    public var baseline: String
    /// The proposed rubric (id or YAML path).
    public var candidate: String
    public var topK: Int
    public var year: Int?
    /// Two stages of the same reports under the baseline rubric, instead of two rubrics
    /// (`--baseline-stage self --candidate-stage final`).
    public var baselineStage: Stage?
    public var candidateStage: Stage?

    public init(inputs: InputSelection, baseline: String = RubricCatalog.defaultRubricID, candidate: String, topK: Int = 10, year: Int? = nil) {
        self.inputs = inputs
        self.baseline = baseline
        self.candidate = candidate
        self.topK = topK
        self.year = year
    }

    /// Refuses values no run could use, before anything is read.
    public func validate() throws(RequestError) {
        try inputs.validate()
        if topK < 1 { throw RequestError(.invalidRequest, "\(field: "top-k") must be at least 1, not \(topK)") }
        if (baselineStage != nil || candidateStage != nil) && (baselineStage ?? .final) == (candidateStage ?? .final) {
            throw RequestError(.invalidRequest, "\(field: "baseline-stage") and \(field: "candidate-stage") are both \((baselineStage ?? .final).rawValue); compare two different stages")
        }
    }

    public func run(rubrics: RubricCache = RubricCache()) throws(RequestError) -> CompareResult {
        try validate()
        if baselineStage == nil && candidateStage == nil {
            _ = try BatchChecks.rubric(baseline, rubrics)
            _ = try BatchChecks.rubric(candidate, rubrics)
        } else if let rubric = inputs.options.rubric {
            _ = try BatchChecks.rubric(rubric, rubrics)
        }
        let read = Evaluator(options: inputs.options, rubrics: rubrics).read(inputs.sources)
        try BatchChecks.requireInputs(fileCount: read.fileCount, diagnostics: read.diagnostics, sources: inputs.sources)
        return try compare(read, rubrics: rubrics)
    }

    /// The comparison of reports already read: each scored under both rubrics.
    func compare(_ read: ReadResult, rubrics: RubricCache) throws(RequestError) -> CompareResult {
        if baselineStage != nil || candidateStage != nil { return try compareStages(read, rubrics: rubrics) }
        let baselineRubric = try BatchChecks.rubric(baseline, rubrics)
        let candidateRubric = try BatchChecks.rubric(candidate, rubrics)
        var options = inputs.options
        options.keepsWarnings = false  // a comparison shows no card's warnings
        options.rubric = baseline
        let base = Evaluator(options: options, rubrics: rubrics).score(read)
        options.rubric = candidate
        let cand = Evaluator(options: options, rubrics: rubrics).score(read)
        let comparedYear = try BatchChecks.year(year, in: base.cards)
        let comparison = RubricComparison(
            baseline: base.cards.filter { $0.year == comparedYear }, candidate: cand.cards.filter { $0.year == comparedYear },
            baselineRubric: baselineRubric, candidateRubric: candidateRubric, topK: topK)
        // A report that fails under both rubrics for the same reason is reported once.
        let errors = base.errors + cand.errors.filter { !base.errors.contains($0) }
        var result = CompareResult(comparison, baseline: baselineRubric.id, candidate: candidateRubric.id, errors: errors)
        result.warnings = BatchChecks.unverified(base.cards.filter { $0.year == comparedYear }) + Self.candidateGaps(comparison)
        return result
    }
}

extension CompareRequest {
    /// Two stages of the same reports, under the rubric of `inputs` (each report's own when it
    /// names none): reports lacking either stage are left out, with a warning.
    func compareStages(_ read: ReadResult, rubrics: RubricCache) throws(RequestError) -> CompareResult {
        var options = inputs.options
        options.keepsWarnings = false
        let scored = Evaluator(options: options, rubrics: rubrics).score(read)
        let ids = Set(scored.cards.map(\.rubricID))
        guard ids.count <= 1 else {
            throw RequestError(.invalidRequest, "the reports use several rubrics (\(ids.sorted().joined(separator: ", "))); choose one with \(field: "baseline")")
        }
        let rubric = try BatchChecks.rubric(options.rubric ?? ids.first ?? RubricCatalog.defaultRubricID, rubrics)
        let first = baselineStage ?? .final, second = candidateStage ?? .final
        let (base, baseMissing) = scored.at(first, rubrics: rubrics, rubric: options.rubric)
        let (cand, candMissing) = scored.at(second, rubrics: rubrics, rubric: options.rubric)
        // Only reports with both stages are compared.
        let both = Set(base.cards.map(ReportKey.init)).intersection(cand.cards.map(ReportKey.init))
        let comparedYear = try BatchChecks.year(year, in: base.cards.filter { both.contains(ReportKey($0)) })
        func kept(_ cards: [ScoreCard]) -> [ScoreCard] { cards.filter { both.contains(ReportKey($0)) && $0.year == comparedYear } }
        let comparison = RubricComparison(baseline: kept(base.cards), candidate: kept(cand.cards),
                                          baselineRubric: rubric, candidateRubric: rubric, topK: topK)
        var result = CompareResult(comparison, baseline: "\(rubric.id) (\(first.rawValue))", candidate: "\(rubric.id) (\(second.rawValue))", errors: scored.errors)
        result.warnings = baseMissing + candMissing
        return result
    }

    /// Items the candidate rubric scores that reports leave unanswered where the baseline did not
    /// need them: each counted 0 under the candidate, which moves every such report down. One
    /// warning says which items and how many reports lack each.
    static func candidateGaps(_ comparison: RubricComparison) -> [Diagnostic] {
        var lacking: [String: Int] = [:]
        var order: [String] = []
        var affected = 0
        for row in comparison.rows {
            let baselineMissing = Set(row.baseline.missing)
            let gaps = row.candidate.missing.filter { !baselineMissing.contains($0) }
            if !gaps.isEmpty { affected += 1 }
            for id in gaps {
                if lacking[id] == nil { order.append(id) }
                lacking[id, default: 0] += 1
            }
        }
        guard affected > 0 else { return [] }
        let items = Message.joined(order.prefix(12).map { id -> Message in
            lacking[id]! == 1 ? "\(id) (1 report)" : "\(id) (\(lacking[id]!) reports)"
        }, separator: ", ")
        return [Diagnostic(.missingAnswer, .warning, at: .field("candidate"),
            "the candidate rubric needs answers that \(affected) of \(comparison.rows.count) reports lack, each counted 0 under it: \(items)\(order.count > 12 ? ", ..." : "")")]
    }
}

/// Two rankings of the same reports side by side, their agreement and the rubric diff.
public struct CompareResult: Sendable, Codable {
    public var baseline: String
    public var candidate: String
    public var kendallTauB: Double?
    public var spearmanRho: Double?
    public var meanAbsoluteShift: Double
    public var shareUnchanged: Double
    public var topK: Int
    /// Share of the baseline's top k that is also in the candidate's top k.
    public var topKOverlap: Double
    public var agencies: [Row]
    /// Rows: baseline grade; within each, candidate grade -> count.
    public var gradeTransitions: KeyedValues<KeyedValues<Int>>
    public var rubricDiff: RubricDiff
    public var errors: [Diagnostic]
    /// Items the candidate needs that reports lack (each counted 0 under it).
    public var warnings: [Diagnostic] = []

    private enum CodingKeys: String, CodingKey {
        case baseline, candidate, kendallTauB = "kendall_tau_b", spearmanRho = "spearman_rho", meanAbsoluteShift = "mean_abs_shift"
        case shareUnchanged = "share_unchanged", topK = "top_k", topKOverlap = "top_k_overlap", agencies
        case gradeTransitions = "grade_transitions", rubricDiff = "rubric_diff", errors, warnings
    }

    public struct Row: Sendable, Hashable, Codable {
        public var agency: String
        public var year: Int
        public var baselineRank: Int
        public var baselineScore: Double
        public var baselineGrade: String
        public var candidateRank: Int
        public var candidateScore: Double
        public var candidateGrade: String
        /// Places gained under the candidate (positive) or lost.
        public var shift: Int
        /// Items unanswered (each counted 0) under each rubric.
        public var baselineMissing: Int
        public var candidateMissing: Int

        public var gradeChanged: Bool { baselineGrade != candidateGrade }

        private enum CodingKeys: String, CodingKey {
            case agency, year, baselineRank = "baseline_rank", baselineScore = "baseline_score", baselineGrade = "baseline_grade"
            case candidateRank = "candidate_rank", candidateScore = "candidate_score", candidateGrade = "candidate_grade", shift
            case baselineMissing = "baseline_missing", candidateMissing = "candidate_missing"
        }
    }

    init(_ comparison: RubricComparison, baseline: String, candidate: String, errors: [Diagnostic]) {
        self.baseline = baseline
        self.candidate = candidate
        kendallTauB = comparison.kendallTauB
        spearmanRho = comparison.spearmanRho
        meanAbsoluteShift = comparison.meanAbsoluteShift
        shareUnchanged = comparison.shareUnchanged
        topK = comparison.topK
        topKOverlap = comparison.topKOverlap
        agencies = comparison.rows.map { row in
            Row(agency: row.agency, year: row.baseline.year, baselineRank: row.baselineRank, baselineScore: row.baseline.total,
                baselineGrade: row.baseline.grade.grade, candidateRank: row.candidateRank, candidateScore: row.candidate.total,
                candidateGrade: row.candidate.grade.grade, shift: row.shift, baselineMissing: row.baseline.missing.count,
                candidateMissing: row.candidate.missing.count)
        }
        let labels = comparison.gradeLabels
        gradeTransitions = KeyedValues(labels.enumerated().map { i, from in
            (from, KeyedValues(labels.enumerated().map { j, to in (to, comparison.transitions[i][j]) }))
        })
        rubricDiff = comparison.diff
        self.errors = errors
    }
}

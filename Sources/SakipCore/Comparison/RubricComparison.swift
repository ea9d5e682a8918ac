/// Every report scored under a baseline and a candidate rubric, and how the ranking moves.
public struct RubricComparison: Sendable {
    public struct Row: Sendable {
        public var agency: String
        public var name: String?
        public var baseline: ScoreCard
        public var candidate: ScoreCard
        public var baselineRank: Int
        public var candidateRank: Int
        /// Places gained under the candidate (positive is up).
        public var shift: Int { baselineRank - candidateRank }
        public var gradeChanged: Bool { baseline.grade.grade != candidate.grade.grade }
    }

    public var rows: [Row]
    public var diff: RubricDiff
    public var kendallTauB: Double?
    public var spearmanRho: Double?
    public var meanAbsoluteShift: Double
    public var shareUnchanged: Double
    public var topK: Int
    /// Share of the baseline's top k that stay in the candidate's top k.
    public var topKOverlap: Double
    /// Baseline grade -> candidate grade -> count, over the grades of both rubrics (highest first).
    public var gradeLabels: [String]
    public var transitions: [[Int]]

    /// Pairs cards by agency and year; agencies scored under only one rubric are left out (and
    /// reported by the caller as errors of that side).
    public init(baseline: [ScoreCard], candidate: [ScoreCard], baselineRubric: Rubric, candidateRubric: Rubric, topK: Int = 10) {
        precondition(topK > 0, "top-k needs k > 0")
        var candidates: [ReportKey: ScoreCard] = [:]
        for card in candidate { candidates[ReportKey(card)] = card }
        let pairs = baseline.compactMap { card in candidates[ReportKey(card)].map { (card, $0) } }
        let baselineRanks = Ranking.competitionRanks(pairs.map(\.0.total))
        let candidateRanks = Ranking.competitionRanks(pairs.map(\.1.total))
        var rows = pairs.indices.map { i in
            Row(agency: pairs[i].0.agency, name: pairs[i].0.name, baseline: pairs[i].0, candidate: pairs[i].1,
                baselineRank: baselineRanks[i], candidateRank: candidateRanks[i])
        }
        rows.sort { ($0.baselineRank, $0.agency) < ($1.baselineRank, $1.agency) }
        self.rows = rows
        diff = RubricDiff(from: baselineRubric, to: candidateRubric)
        let x = rows.map(\.baseline.total), y = rows.map(\.candidate.total)
        kendallTauB = RankCorrelation.kendallTauB(x, y)
        spearmanRho = RankCorrelation.spearman(x, y)
        meanAbsoluteShift = rows.isEmpty ? 0 : Double(rows.reduce(0) { $0 + abs($1.shift) }) / Double(rows.count)
        shareUnchanged = rows.isEmpty ? 0 : Double(rows.filter { $0.shift == 0 }.count) / Double(rows.count)
        self.topK = topK
        let k = min(topK, rows.count)
        let topBaseline = Set(rows.sorted { ($0.baselineRank, $0.agency) < ($1.baselineRank, $1.agency) }.prefix(k).map(\.agency))
        let topCandidate = Set(rows.sorted { ($0.candidateRank, $0.agency) < ($1.candidateRank, $1.agency) }.prefix(k).map(\.agency))
        topKOverlap = k == 0 ? 0 : Double(topBaseline.intersection(topCandidate).count) / Double(k)

        var labels = baselineRubric.grades.map(\.grade)
        for grade in candidateRubric.grades.map(\.grade) where !labels.contains(grade) { labels.append(grade) }
        gradeLabels = labels
        var matrix = [[Int]](repeating: [Int](repeating: 0, count: labels.count), count: labels.count)
        for row in rows {
            matrix[labels.firstIndex(of: row.baseline.grade.grade)!][labels.firstIndex(of: row.candidate.grade.grade)!] += 1
        }
        transitions = matrix
    }
}


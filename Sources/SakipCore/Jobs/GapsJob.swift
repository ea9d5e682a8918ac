/// How far partners' self-assessments sit above the answers that are scored (final, else the
/// latest stage): partners ranked by their over-claim, and the sub-components most over-claimed
/// across all of them. What a cooperation office trains partner regions on.
public struct GapsRequest: Sendable {
    public var inputs: InputSelection
    public var year: Int?

    public init(inputs: InputSelection, year: Int? = nil) {
        self.inputs = inputs
        self.year = year
    }

    public func run(rubrics: RubricCache = RubricCache()) throws(RequestError) -> GapsResult {
        try inputs.validate()
        if let rubric = inputs.options.rubric { _ = try BatchChecks.rubric(rubric, rubrics) }
        var options = inputs.options
        options.keepsWarnings = false
        let evaluation = Evaluator(options: options, rubrics: rubrics).evaluate(inputs.sources)
        try BatchChecks.requireInputs(fileCount: evaluation.fileCount, diagnostics: evaluation.errors + evaluation.warnings, sources: inputs.sources)
        // A report refused (two files for one agency, say) is why none may be left: said first.
        let analysedYear: Int?
        do throws(RequestError) { analysedYear = try BatchChecks.year(year, in: evaluation.cards) } catch { throw error.explained(by: evaluation.errors) }
        let cards = evaluation.cards.filter { $0.year == analysedYear }
        let assessed = cards.filter { !$0.gaps.isEmpty }
        guard !assessed.isEmpty else {
            throw RequestError(.nothingToDo, "no report has both a self-assessment and a later stage to compare it with; give answers with stage=\"self\" beside the final ones")
                .explained(by: evaluation.errors)
        }
        var warnings = evaluation.warnings
        let without = cards.filter { $0.gaps.isEmpty }.map(\.agency)
        if !without.isEmpty {
            warnings.append(Diagnostic(.missingStage, .warning, at: .wholeFile("gaps"),
                without.count == 1 ? "1 report has no self-assessment beside a later stage and is left out: \(without[0])"
                    : "\(without.count) reports have no self-assessment beside a later stage and are left out: \(without.prefix(10).joined(separator: ", "))\(without.count > 10 ? ", ..." : "")"))
        }
        return GapsResult(cards: assessed, year: analysedYear, errors: evaluation.errors, warnings: warnings)
    }
}

/// Partners by over-claim, and sub-components by how often and how much they are over-claimed.
public struct GapsResult: Sendable, Codable {
    public var rubric: String?
    public var year: Int?
    public var agencies: [Agency]
    public var subcomponents: [Subcomponent]
    public var errors: [Diagnostic]
    public var warnings: [Diagnostic]

    public struct Agency: Sendable, Hashable, Codable {
        public var agency: String
        public var name: String?
        public var region: String?
        /// The stage the self-assessment is set against (final, else the latest).
        public var stage: String
        public var selfScore: Double
        public var score: Double
        /// Self-assessed total minus the scored total.
        public var gap: Double
        /// The gap per sub-component, on average.
        public var meanGap: Double
        public var largestGap: Double
        public var largestSubcomponent: String
        /// Share of sub-components self-assessed above the scored answer.
        public var shareOverclaimed: Double

        private enum CodingKeys: String, CodingKey {
            case agency, name, region, stage, selfScore = "self_score", score, gap, meanGap = "mean_gap", largestGap = "largest_gap"
            case largestSubcomponent = "largest_subcomponent", shareOverclaimed = "share_overclaimed"
        }
    }

    public struct Subcomponent: Sendable, Hashable, Codable {
        public var id: String
        public var name: String
        public var weight: Double
        /// Mean over partners of self-assessed minus scored points.
        public var meanGap: Double
        public var largestGap: Double
        /// Partners that over-claim it, and their share.
        public var overclaimed: Int
        public var shareOverclaimed: Double

        private enum CodingKeys: String, CodingKey {
            case id, name, weight, meanGap = "mean_gap", largestGap = "largest_gap", overclaimed, shareOverclaimed = "share_overclaimed"
        }
    }

    init(cards: [ScoreCard], year: Int?, errors: [Diagnostic], warnings: [Diagnostic]) {
        rubric = RankRequest.mostCommon(cards.map(\.rubricID))
        self.year = year
        self.errors = errors
        self.warnings = warnings
        agencies = cards.map { card in
            let gaps = card.gaps
            let largest = gaps.max { ($0.gap, $1.subcomponent) < ($1.gap, $0.subcomponent) }!
            let own = card.stages.first { $0.stage == .selfAssessment }!
            return Agency(agency: card.agency, name: card.name, region: card.region, stage: card.scoredStage.rawValue, selfScore: own.score,
                          score: card.total, gap: own.score - card.total, meanGap: gaps.reduce(0) { $0 + $1.gap } / Double(gaps.count),
                          largestGap: largest.gap, largestSubcomponent: largest.subcomponent,
                          shareOverclaimed: Double(gaps.filter { $0.gap > 0 }.count) / Double(gaps.count))
        }.sorted { ($1.gap, $0.agency) < ($0.gap, $1.agency) }
        var byID: [String: [StageGap]] = [:]
        var order: [String] = []
        for card in cards {
            // Rubric order, whatever order each card's gaps are listed in.
            for sub in card.subcomponents {
                guard let gap = card.gaps.first(where: { $0.subcomponent == sub.id }) else { continue }
                if byID[sub.id] == nil { order.append(sub.id) }
                byID[sub.id, default: []].append(gap)
            }
        }
        subcomponents = order.map { id in
            let gaps = byID[id]!
            let over = gaps.filter { $0.gap > 0 }.count
            return Subcomponent(id: id, name: gaps[0].name, weight: gaps[0].weight, meanGap: gaps.reduce(0) { $0 + $1.gap } / Double(gaps.count),
                                largestGap: gaps.map(\.gap).max()!, overclaimed: over, shareOverclaimed: Double(over) / Double(gaps.count))
        }.enumerated().sorted { ($1.element.meanGap, $0.offset) < ($0.element.meanGap, $1.offset) }.map(\.element)
    }
}

/// One stage's result for a report scored at several stages.
public struct StageScore: Sendable, Hashable, Codable {
    public var stage: Stage
    public var score: Double
    public var grade: String
    public var components: [ComponentScore]
    /// Items this stage leaves unanswered (each counted 0 in it).
    public var missing: Int

    public var subcomponents: [SubcomponentScore] { components.flatMap(\.subcomponents) }
}

/// How far the self-assessment of one sub-component sits above the scored stage: positive is an
/// over-claim, in points of the total.
public struct StageGap: Sendable, Hashable, Codable {
    public var subcomponent: String
    public var name: String
    public var weight: Double
    /// The letters, where the sub-component is answered by one (graded or checklist).
    public var selfLetter: String?
    public var finalLetter: String?
    public var selfScore: Double
    public var finalScore: Double

    public var gap: Double { selfScore - finalScore }

    private enum CodingKeys: String, CodingKey {
        case subcomponent, name, weight, selfLetter = "self_answer", finalLetter = "final_answer", selfScore = "self_score", finalScore = "final_score", gap
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(subcomponent, forKey: .subcomponent)
        try container.encode(name, forKey: .name)
        try container.encode(weight, forKey: .weight)
        try container.encodeIfPresent(selfLetter, forKey: .selfLetter)
        try container.encodeIfPresent(finalLetter, forKey: .finalLetter)
        try container.encode(selfScore, forKey: .selfScore)
        try container.encode(finalScore, forKey: .finalScore)
        try container.encode(gap, forKey: .gap)
    }

    public init(subcomponent: String, name: String, weight: Double, selfLetter: String?, finalLetter: String?, selfScore: Double, finalScore: Double) {
        self.subcomponent = subcomponent
        self.name = name
        self.weight = weight
        self.selfLetter = selfLetter
        self.finalLetter = finalLetter
        self.selfScore = selfScore
        self.finalScore = finalScore
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(subcomponent: try c.decode(String.self, forKey: .subcomponent), name: try c.decode(String.self, forKey: .name),
                  weight: try c.decode(Double.self, forKey: .weight), selfLetter: try c.decodeIfPresent(String.self, forKey: .selfLetter),
                  finalLetter: try c.decodeIfPresent(String.self, forKey: .finalLetter), selfScore: try c.decode(Double.self, forKey: .selfScore),
                  finalScore: try c.decode(Double.self, forKey: .finalScore))
    }
}

extension ScoreCard {
    /// The stage the card's score is at: final, or the latest stage the report has.
    public var scoredStage: Stage { stages.map(\.stage).max() ?? .final }

    /// The card as it stands at `stage`: its score, grade and components; nil when the report
    /// has no answer at that stage.
    public func at(_ stage: Stage, rubric: Rubric) -> ScoreCard? {
        if stages.isEmpty { return stage == .final ? self : nil }
        guard let staged = stages.first(where: { $0.stage == stage }) else { return nil }
        var card = self
        card.total = staged.score
        card.grade = rubric.grade(for: staged.score)
        card.components = staged.components
        card.stages = []
        card.gaps = []
        return card
    }

    /// Each sub-component's self-assessed score against the scored stage's, largest over-claim
    /// first (ties in rubric order); empty without a self-assessment or when it is all there is.
    static func gaps(_ stages: [StageScore]) -> [StageGap] {
        guard let primary = stages.max(by: { $0.stage < $1.stage }), primary.stage != .selfAssessment,
              let assessed = stages.first(where: { $0.stage == .selfAssessment }) else { return [] }
        let gaps = zip(assessed.subcomponents, primary.subcomponents).map { own, final in
            StageGap(subcomponent: final.id, name: final.name, weight: final.weight, selfLetter: own.letter, finalLetter: final.letter,
                     selfScore: own.score, finalScore: final.score)
        }
        return gaps.indices.sorted { (-gaps[$0].gap, $0) < (-gaps[$1].gap, $1) }.map { gaps[$0] }
    }
}

extension Scorer {
    /// Scores a report that names stages: the card is the scored stage's (final, else the
    /// latest present), and carries every stage's score and the self-assessment's gaps. Errors
    /// of every stage are thrown together; warnings are the scored stage's.
    func scoreStages(_ report: Report, _ stages: [Stage]) throws(DiagnosticList) -> ScoreCard {
        let primary = stages.max()!
        var errors: [Diagnostic] = []
        var card: ScoreCard?
        var scores: [StageScore] = []
        for stage in stages {
            var scorer = self
            if stage != primary { scorer.keepsWarnings = false }
            do {
                let staged = try scorer.scoreOne(report.at(stage))
                if stage == primary { card = staged }
                scores.append(StageScore(stage: stage, score: staged.total, grade: staged.grade.grade, components: staged.components, missing: staged.missing.count))
            } catch {
                errors += error.diagnostics
            }
        }
        guard errors.isEmpty, var card else { throw DiagnosticList(errors) }
        card.stages = scores
        card.gaps = ScoreCard.gaps(scores)
        return card
    }
}

extension Evaluation {
    /// The cards as they stand at one stage (score, grade and components of that stage), and one
    /// warning naming the reports that have no answer at that stage, which are left out.
    func at(_ stage: Stage, rubrics: RubricCache, rubric override: String?) -> (evaluation: Evaluation, missing: [Diagnostic]) {
        var staged = self
        var lacking: [String] = []
        staged.cards = cards.compactMap { card in
            guard let rubric = try? rubrics.rubric(override ?? card.rubricID), let view = card.at(stage, rubric: rubric) else {
                lacking.append("\(card.agency) (\(card.year))")
                return nil
            }
            return view
        }
        guard !lacking.isEmpty else { return (staged, []) }
        let shown = lacking.prefix(10).joined(separator: ", ") + (lacking.count > 10 ? ", ..." : "")
        return (staged, [Diagnostic(.missingStage, .warning, at: .field("stage"),
                                    lacking.count == 1 ? "1 report has no answer at stage \(stage.rawValue) and is left out: \(shown)"
                                        : "\(lacking.count) reports have no answer at stage \(stage.rawValue) and are left out: \(shown)")])
    }
}

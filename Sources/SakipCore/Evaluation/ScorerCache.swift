import Dispatch

/// One scorer per rubric reference, built by the first worker that needs it.
final class ScorerCache: Sendable {
    private let rubrics: RubricCache
    private let options: Evaluator.Options
    /// Scorers behind a reference: handing one out retains a box, not a scorer's many tables.
    private final class Prepared: Sendable {
        let scorer: Scorer
        init(_ scorer: Scorer) { self.scorer = scorer }
    }
    private let scorers = Locked<[String: Result<Prepared, RubricError>]>([:])

    init(rubrics: RubricCache, options: Evaluator.Options) {
        self.rubrics = rubrics
        self.options = options
    }

    /// The rubric a report is scored against: the run's, else the one it names, else the default.
    private func reference(_ named: String?) -> String {
        options.rubric ?? named ?? RubricCatalog.defaultRubricID
    }

    private func scorer(_ reference: String) -> Result<Prepared, RubricError> {
        if let cached = scorers.withLock({ $0[reference] }) { return cached }
        let built = Result { () throws(RubricError) in
            var scorer = Scorer(rubric: try rubrics.rubric(reference), strict: options.strict)
            scorer.keepsWarnings = options.keepsWarnings
            scorer.keepsIndicators = options.keepsIndicators
            return Prepared(scorer)
        }
        return scorers.withLock { cache in
            if let raced = cache[reference] { return raced }
            cache[reference] = built
            return built
        }
    }

    /// Starts loading, on another core, the rubric a report that names none is scored with
    /// (`--rubric`, else the newest official one), while the inputs are found and read: most
    /// runs use it, and the rubric's YAML (a few milliseconds) is then off the first worker's
    /// path. A run whose reports name another rubric loses nothing but that core's time; a
    /// worker that needs the rubric meanwhile waits for this load rather than parsing it again.
    func prepareInBackground() {
        DispatchQueue.global(qos: .userInitiated).async { _ = self.scorer(self.reference(nil)) }
    }

    /// A report naming one rubric and scored against another (a rubric given for every report)
    /// whose criteria fewer than half of its answers name: its score would be zeros, not a
    /// result. Nil when the rubrics agree or the answers fit.
    static func mismatch(_ report: Report, _ scorer: Scorer) -> Diagnostic? {
        guard let named = report.rubric, named != scorer.rubric.id else { return nil }
        let placed = report.placed?.order.count ?? 0
        let total = placed + report.answers.count
        guard total > 0 else { return nil }
        let fitting = placed + report.answers.count { scorer.criterionIndex[$0.id] != nil || scorer.subcomponentIndex[$0.id] != nil }
        guard fitting * 2 < total else { return nil }
        return Diagnostic(.rubricMismatch, at: report.origin,
            "the report of \(report.agency) (\(report.year)) is written for rubric \(named), and only \(fitting) of its \(total) answers name a criterion of rubric \(scorer.rubric.id), which it was asked to be scored by; "
            + "it is not scored (its score would be zeros): score it by its own rubric, or see how it would fare under the other with `compare`")
    }

    /// The placement of the rubric a report naming `named` is scored against, for a reader to
    /// place its answers as it reads; nil when that rubric cannot be used (scoring says why).
    func placement(named: String?) -> AnswerPlacement? {
        try? scorer(reference(named)).get().scorer.placement
    }

    func score(_ report: Report) -> Result<ScoreCard, DiagnosticList> {
        let reference = reference(report.rubric)
        let prepared = scorer(reference)
        switch prepared {
        case .success(let prepared):
            if let mismatch = Self.mismatch(report, prepared.scorer) { return .failure(DiagnosticList([mismatch])) }
            return Result { () throws(DiagnosticList) in try prepared.scorer.score(report) }
        case .failure(let error):
            // A rubric file's own errors keep their locations.
            return .failure(DiagnosticList([Diagnostic(.rubricUnavailable, at: report.origin, "cannot use rubric '\(reference)': \(error.message)")]))
        }
    }
}

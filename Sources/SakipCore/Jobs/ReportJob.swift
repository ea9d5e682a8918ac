/// Everything a presentation of one year's evaluation needs, gathered in one value: the ranking
/// (with movement against a previous year), every ranked report's breakdown, and optionally a
/// rubric comparison and a sensitivity analysis. `sakip report` renders it as one HTML page.
public struct ReportRequest: Sendable {
    public var inputs: InputSelection
    public var previous: [InputSource]
    /// A proposed rubric to compare the one in use with.
    public var candidate: String?
    /// Replicates of a sensitivity analysis of the weights; nil for none.
    public var sensitivitySamples: Int?
    public var seed: UInt64
    public var year: Int?

    public init(inputs: InputSelection, previous: [InputSource] = [], candidate: String? = nil,
                sensitivitySamples: Int? = nil, seed: UInt64 = 1, year: Int? = nil) {
        self.inputs = inputs
        self.previous = previous
        self.candidate = candidate
        self.sensitivitySamples = sensitivitySamples
        self.seed = seed
        self.year = year
    }

    public func run(rubrics: RubricCache = RubricCache()) throws(RequestError) -> ReportResult {
        if let samples = sensitivitySamples, samples < 1 {
            throw RequestError(.invalidRequest, "\(field: "sensitivity") must be at least 1, not \(samples)")
        }
        try inputs.validate()
        if let candidate { _ = try BatchChecks.rubric(candidate, rubrics) }
        if let rubric = inputs.options.rubric { _ = try BatchChecks.rubric(rubric, rubrics) }
        // Every input is read once; each job works on that reading.
        let evaluator = Evaluator(options: inputs.options, rubrics: rubrics)
        let read = evaluator.read(inputs.sources)
        try BatchChecks.requireInputs(fileCount: read.fileCount, diagnostics: read.diagnostics, sources: inputs.sources)
        let evaluation = evaluator.score(read)
        let earlier = previous.isEmpty ? nil : evaluator.evaluate(previous)
        if let earlier {
            try BatchChecks.requireInputs(fileCount: earlier.fileCount, diagnostics: earlier.errors + earlier.warnings, sources: previous)
        }
        let ranking = try RankRequest(inputs: inputs, previous: previous, year: year).rank(evaluation, earlier: earlier, rubrics: rubrics)
        let scores = try ScoreRequest(inputs: inputs, year: ranking.year).result(evaluation)
        let rubricID = inputs.options.rubric ?? ranking.rubric ?? RubricCatalog.defaultRubricID
        let rubric = try BatchChecks.rubric(rubricID, rubrics)
        let comparison = try candidate.map { candidate throws(RequestError) in
            try CompareRequest(inputs: inputs.withoutRubric, baseline: rubricID, candidate: candidate, year: ranking.year).compare(read, rubrics: rubrics)
        }
        let sensitivity = try sensitivitySamples.map { samples throws(RequestError) in
            try SensitivityRequest(inputs: inputs, samples: samples, seed: seed, year: ranking.year).analyse(evaluation, rubrics: rubrics)
        }
        // The same input problem is found by each job that reads it: report it once.
        var errors: [Diagnostic] = []
        for error in scores.errors + ranking.errors + (comparison?.errors ?? []) + (sensitivity?.errors ?? []) where !errors.contains(error) {
            errors.append(error)
        }
        return ReportResult(rubric: rubric.id, rubricTitle: rubric.title, grades: rubric.grades, ranking: ranking,
                            reports: scores.reports, comparison: comparison, sensitivity: sensitivity, errors: errors)
    }
}

extension InputSelection {
    /// The same inputs, each report scored under the rubric it names.
    var withoutRubric: InputSelection {
        var copy = self
        copy.options.rubric = nil
        return copy
    }
}

/// One year's evaluation of many agencies, ready to present.
public struct ReportResult: Sendable, Codable {
    public var rubric: String
    public var rubricTitle: String
    /// The rubric's grade bands, highest first: their colours and the score bands drawn.
    public var grades: [GradeBand]
    public var ranking: RankResult
    /// Every ranked year's report with its breakdown, in input order.
    public var reports: [ScoreResult.Report]
    public var comparison: CompareResult?
    public var sensitivity: SensitivityResult?
    public var errors: [Diagnostic]

    private enum CodingKeys: String, CodingKey {
        case rubric, rubricTitle = "rubric_title", grades, ranking, reports, comparison, sensitivity, errors
    }
}

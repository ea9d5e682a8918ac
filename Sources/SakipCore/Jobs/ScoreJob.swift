/// Score every report in the inputs: the breakdown, weakest spots and warnings of each.
///
/// ```swift
/// let request = ScoreRequest(inputs: InputSelection([.bytes(xml, name: "bandung.xml")]))
/// let result = try request.run()
/// print(result.reports[0].card.total, result.reports[0].card.grade.grade)
/// ```
public struct ScoreRequest: Sendable {
    public var inputs: InputSelection
    /// Only reports of this year; nil keeps every year.
    public var year: Int?
    /// How many of the weakest sub-components each report lists.
    public var weakest: Int

    public init(inputs: InputSelection, year: Int? = nil, weakest: Int = 3) {
        self.inputs = inputs
        self.year = year
        self.weakest = weakest
    }

    /// Refuses values no run could use, before anything is read.
    public func validate() throws(RequestError) {
        try inputs.validate()
        if weakest < 0 { throw RequestError(.invalidRequest, "\(field: "weakest") must be 0 or more, not \(weakest)") }
    }

    public func run(rubrics: RubricCache = RubricCache()) throws(RequestError) -> ScoreResult {
        try validate()
        if let rubric = inputs.options.rubric { _ = try BatchChecks.rubric(rubric, rubrics) }
        let evaluation = Evaluator(options: inputs.options, rubrics: rubrics).evaluate(inputs.sources)
        try BatchChecks.requireInputs(fileCount: evaluation.fileCount, diagnostics: evaluation.errors + evaluation.warnings, sources: inputs.sources)
        return try result(evaluation)
    }

    /// The result from inputs already read and scored (a report page reads them once for every
    /// job; the service keeps each agency's evaluation until its answers change).
    public func result(_ evaluation: Evaluation) throws(RequestError) -> ScoreResult {
        var evaluation = evaluation
        if let year {
            _ = try BatchChecks.year(year, in: evaluation.cards)
            evaluation.cards.removeAll { $0.year != year }
        }
        let ids = Set(evaluation.cards.map(\.rubricID))
        return ScoreResult(
            rubric: ids.count == 1 ? ids.first : nil,
            reports: evaluation.cards.map { ScoreResult.Report(card: $0, weakest: $0.weakest(weakest).map(\.id)) },
            warnings: evaluation.warnings, errors: evaluation.errors)
    }
}

/// Every scored report, and what went wrong reading the inputs.
public struct ScoreResult: Sendable, Codable {
    /// The rubric every report used, or nil when they differ.
    public var rubric: String?
    public var reports: [Report]
    /// Warnings from reading (each report's scoring warnings are on its card).
    public var warnings: [Diagnostic]
    public var errors: [Diagnostic]

    public struct Report: Sendable, Codable {
        public var card: ScoreCard
        /// Ids of the weakest sub-components, weakest first.
        public var weakest: [String]

        public func encode(to encoder: any Encoder) throws {
            try card.encode(to: encoder, weakest: weakest)
        }

        public init(card: ScoreCard, weakest: [String]) {
            self.card = card
            self.weakest = weakest
        }

        public init(from decoder: any Decoder) throws {
            card = try ScoreCard(from: decoder)
            weakest = try decoder.container(keyedBy: ScoreCard.CodingKeys.self).decode([String].self, forKey: .weakest)
        }
    }
}

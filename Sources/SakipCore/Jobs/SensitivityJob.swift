/// How robust each rank and grade is to the rubric's weights: a Monte Carlo over weight sets.
/// Replicate k draws from its own stream derived from the seed and k, so the result is the
/// same for a seed whatever `jobs` is.
public struct SensitivityRequest: Sendable {
    public var inputs: InputSelection
    public var samples: Int
    public var spread: Double
    public var seed: UInt64
    public var model: WeightModel.Kind
    public var sequence: SensitivityAnalysis.Sequence
    public var year: Int?

    public init(inputs: InputSelection, samples: Int = 10_000, spread: Double = 0.25, seed: UInt64 = 1,
                model: WeightModel.Kind = .uniform, sequence: SensitivityAnalysis.Sequence = .random, year: Int? = nil) {
        self.inputs = inputs
        self.samples = samples
        self.spread = spread
        self.seed = seed
        self.model = model
        self.sequence = sequence
        self.year = year
    }

    /// Refuses values no run could use, before anything is read.
    public func validate() throws(RequestError) {
        try inputs.validate()
        if samples < 1 { throw RequestError(.invalidRequest, "--samples must be at least 1, not \(samples)") }
        if !(spread >= 0 && spread < 1) { throw RequestError(.invalidRequest, "--spread must be in [0, 1), not \(spread)") }
    }

    public func run(rubrics: RubricCache = RubricCache()) throws(RequestError) -> SensitivityResult {
        try validate()
        if let rubric = inputs.options.rubric { _ = try BatchChecks.rubric(rubric, rubrics) }
        var options = inputs.options
        options.keepsWarnings = false  // the analysis shows no card's warnings
        let evaluation = Evaluator(options: options, rubrics: rubrics).evaluate(inputs.sources)
        try BatchChecks.requireInputs(fileCount: evaluation.fileCount, diagnostics: evaluation.errors + evaluation.warnings, sources: inputs.sources)
        return try analyse(evaluation, rubrics: rubrics)
    }

    /// The analysis of inputs already read and scored.
    func analyse(_ evaluation: Evaluation, rubrics: RubricCache) throws(RequestError) -> SensitivityResult {
        let analysedYear = try BatchChecks.year(year, in: evaluation.cards)
        let cards = evaluation.cards.filter { $0.year == analysedYear }
        let rubricIDs = Set(cards.map(\.rubricID))
        guard rubricIDs.count <= 1 else {
            throw RequestError(.invalidRequest, "the reports use several rubrics (\(rubricIDs.sorted().joined(separator: ", "))); choose one with --rubric")
        }
        // A rubric given by path is loaded by that path; cards only know its id.
        let rubric = try BatchChecks.rubric(inputs.options.rubric ?? rubricIDs.first ?? RubricCatalog.defaultRubricID, rubrics)
        let dimensions = WeightModel(rubric: rubric, spread: 0).dimensions
        if sequence == .sobol && dimensions > SobolSequence.maxDimensions {
            throw RequestError(.invalidRequest, "--sequence sobol supports up to \(SobolSequence.maxDimensions) components and sub-components; \(rubric.id) has \(dimensions)")
        }
        try Self.checkMemory(units: cards.count, samples: samples)
        let analysis = SensitivityAnalysis(rubric: rubric, cards: cards, options: .init(
            samples: samples, spread: spread, seed: seed, model: model, sequence: sequence, jobs: inputs.options.jobs))
        var errors = evaluation.errors
        let result = analysis.run()
        if !result.failedReplicates.isEmpty {
            errors.append(Diagnostic(.failedReplicates, at: .wholeFile("sensitivity"),
                "\(result.failedReplicates.count) replicate(s) failed (non-finite weights or scores) and were left out: \(result.failedReplicates.prefix(10).map(String.init).joined(separator: ", "))"))
        }
        var output = SensitivityResult(result, year: analysedYear, errors: errors)
        output.warnings = evaluation.warnings + BatchChecks.unanswered(cards)
        return output
    }
}

extension SensitivityRequest {
    /// The share of the machine's memory one analysis may plan to use.
    static let memoryShare = 0.75

    /// Refuses, before any replicate is drawn, an analysis the machine cannot hold.
    static func checkMemory(units: Int, samples: Int, available: Double = MachineMemory.physicalBytes) throws(RequestError) {
        let needed = SensitivityAnalysis.estimatedBytes(units: units, samples: samples)
        let allowed = available * memoryShare
        guard needed > allowed else { return }
        let perSample = SensitivityAnalysis.estimatedBytes(units: units, samples: 1)
        let fitting = Int(allowed / perSample)
        throw RequestError(.invalidRequest, "--samples \(samples) for \(units) reports needs about \(MachineMemory.describe(needed)) of memory, "
            + "more than this machine can hold (\(MachineMemory.describe(available))); use --samples \(fitting) or fewer")
    }
}

/// Per agency: the nominal rank, the rank interval and the probability of each grade over the
/// replicates; overall, agreement with the nominal ranking and convergence.
public struct SensitivityResult: Sendable, Codable {
    public var rubric: String
    public var year: Int?
    public var samples: Int
    /// The seed, as text: JSON numbers cannot hold every 64-bit seed exactly.
    public var seed: String
    public var spread: Double
    public var model: String
    public var sequence: String
    public var failedReplicates: [Int]
    public var meanSpearmanRho: Double?
    public var convergence: Convergence
    public var agencies: [Agency]
    public var errors: [Diagnostic]
    /// Files skipped, and each analysed report with unanswered items (counted 0).
    public var warnings: [Diagnostic] = []

    private enum CodingKeys: String, CodingKey {
        case rubric, year, samples, seed, spread, model, sequence, failedReplicates = "failed_replicates"
        case meanSpearmanRho = "mean_spearman_rho", convergence, agencies, errors, warnings
    }

    public struct Convergence: Sendable, Hashable, Codable {
        /// How far the 5%, 50% and 95% rank quantiles moved between the first half of the replicates and all of them.
        public var maxQuantileShift: Double
        public var meanQuantileShift: Double

        private enum CodingKeys: String, CodingKey {
            case maxQuantileShift = "max_quantile_shift", meanQuantileShift = "mean_quantile_shift"
        }
    }

    public typealias Agency = SensitivityAnalysis.AgencyResult

    init(_ result: SensitivityAnalysis.Result, year: Int?, errors: [Diagnostic]) {
        let options = result.options
        rubric = result.rubricID
        self.year = year
        samples = options.samples
        seed = String(options.seed)
        spread = options.spread
        model = options.model.rawValue
        sequence = options.sequence.rawValue
        failedReplicates = result.failedReplicates
        meanSpearmanRho = result.meanSpearman
        convergence = Convergence(maxQuantileShift: result.convergenceMaxShift, meanQuantileShift: result.convergenceMeanShift)
        agencies = result.agencies
        self.errors = errors
    }
}

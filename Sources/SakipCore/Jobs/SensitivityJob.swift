import Foundation

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
    /// Sobol' indices of every input (`--indices`), on a Saltelli design with `samples` rows.
    public var indices = false
    public var grouping: VarianceBasedSensitivity.Grouping = .none
    /// An index interval wider than this is warned about, with the samples that would narrow it.
    public var intervalWidth = 0.1
    /// The effect of removing each component and sub-component (`--remove`).
    public var removal = false

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
        if samples < 1 { throw RequestError(.invalidRequest, "\(field: "samples") must be at least 1, not \(samples)") }
        if !(spread >= 0 && spread < 1) { throw RequestError(.invalidRequest, "\(field: "spread") must be in [0, 1), not \(spread)") }
        if !(intervalWidth > 0) { throw RequestError(.invalidRequest, "\(field: "interval-width") must be above 0, not \(intervalWidth)") }
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
            throw RequestError(.invalidRequest, "the reports use several rubrics (\(rubricIDs.sorted().joined(separator: ", "))); choose one with \(field: "rubric")")
        }
        // A rubric given by path is loaded by that path; cards only know its id.
        let rubric = try BatchChecks.rubric(inputs.options.rubric ?? rubricIDs.first ?? RubricCatalog.defaultRubricID, rubrics)
        let dimensions = WeightModel(rubric: rubric, spread: 0).dimensions
        if sequence == .sobol && dimensions > SobolSequence.maxDimensions {
            throw RequestError(.invalidRequest, "\(field: "sequence") sobol supports up to \(SobolSequence.maxDimensions) components and sub-components; \(rubric.id) has \(dimensions)")
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
        output.warnings = evaluation.warnings + BatchChecks.unverified(cards) + BatchChecks.unanswered(cards)
        if indices { addIndices(to: &output, rubric: rubric, cards: cards) }
        if removal { output.removal = ComponentRemoval.impacts(rubric: rubric, cards: cards) }
        return output
    }

    /// Sobol' indices on the mean absolute rank shift and on each agency's rank, and a warning
    /// when an interval is wider than `intervalWidth`, with the samples that would narrow it.
    private func addIndices(to output: inout SensitivityResult, rubric: Rubric, cards: [ScoreCard]) {
        let analysis = VarianceBasedSensitivity(rubric: rubric, cards: cards, options: .init(
            samples: samples, spread: spread, seed: seed, model: model, grouping: grouping, jobs: inputs.options.jobs))
        let result = analysis.run()
        output.indices = result.inputs.indices.map { i in
            SensitivityResult.InputIndex(input: result.inputs[i].id, kind: result.inputs[i].kind, firstOrder: result.indices[i].firstOrder,
                                         firstOrderInterval: result.intervals[i].firstOrder, total: result.indices[i].total,
                                         totalInterval: result.intervals[i].total)
        }
        output.rankIndices = cards.indices.map { r in
            SensitivityResult.AgencyIndices(agency: cards[r].agency, indices: result.inputs.indices.map { i in
                SensitivityResult.AgencyIndices.Index(input: result.inputs[i].id, firstOrder: result.agencyIndices[r][i].firstOrder,
                                                      total: result.agencyIndices[r][i].total)
            })
        }.sorted { $0.agency < $1.agency }
        output.indexDesign = SensitivityResult.IndexDesign(rows: samples, runs: result.runs, grouping: grouping.rawValue,
                                                           sequence: result.quasiRandom ? "sobol" : "random", resamples: analysis.options.resamples)
        let widths = output.indices!.flatMap { [$0.firstOrderInterval, $0.totalInterval] }.compactMap { $0.map { $0[1] - $0[0] } }
        if let widest = widths.max(), widest > intervalWidth {
            let wide = output.indices!.filter { index in
                [index.firstOrderInterval, index.totalInterval].contains { $0.map { $0[1] - $0[0] > intervalWidth } ?? false }
            }.map(\.input)
            // Intervals narrow as 1 / sqrt(N); Sobol' points balance best in powers of two.
            let needed = Double(samples) * (widest / intervalWidth) * (widest / intervalWidth)
            let power = 1 << Int(log2(needed).rounded(.up))
            output.warnings.append(Diagnostic(.wideIntervals, .warning, at: .wholeFile("sensitivity"),
                "the 95% intervals of the indices of \(wide.joined(separator: ", ")) are up to \(Self.plain(widest)) wide (more than \(Self.plain(intervalWidth))); --samples \(power) would narrow them to about \(Self.plain(intervalWidth))"))
        }
    }

    private static func plain(_ value: Double) -> String {
        String((value * 1000).rounded() / 1000)
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
        throw RequestError(.invalidRequest, "\(field: "samples") \(samples) for \(units) reports needs about \(MachineMemory.describe(needed)) of memory, "
            + "more than this machine can hold (\(MachineMemory.describe(available))); use \(field: "samples") \(fitting) or fewer")
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
    /// With `--indices`: each input's Sobol' indices on the mean absolute rank shift, each
    /// agency's on its rank, and the design they came from.
    public var indices: [InputIndex]?
    public var rankIndices: [AgencyIndices]?
    public var indexDesign: IndexDesign?
    /// With `--remove`: what removing each component and sub-component does to the ranks.
    public var removal: [ComponentRemoval.Impact]?

    private enum CodingKeys: String, CodingKey {
        case rubric, year, samples, seed, spread, model, sequence, failedReplicates = "failed_replicates"
        case meanSpearmanRho = "mean_spearman_rho", convergence, agencies, errors, warnings
        case indexDesign = "index_design", indices, rankIndices = "rank_indices", removal
    }

    /// One input's first-order and total indices with their 95% bootstrap intervals (`[low, high]`);
    /// null where the ranking does not vary at all.
    public struct InputIndex: Sendable, Hashable, Codable {
        public var input: String
        public var kind: String
        public var firstOrder: Double?
        public var firstOrderInterval: [Double]?
        public var total: Double?
        public var totalInterval: [Double]?

        init(input: String, kind: String, firstOrder: Double?, firstOrderInterval: ClosedRange<Double>?, total: Double?, totalInterval: ClosedRange<Double>?) {
            self.input = input
            self.kind = kind
            self.firstOrder = firstOrder
            self.firstOrderInterval = firstOrderInterval.map { [$0.lowerBound, $0.upperBound] }
            self.total = total
            self.totalInterval = totalInterval.map { [$0.lowerBound, $0.upperBound] }
        }

        private enum CodingKeys: String, CodingKey {
            case input, kind, firstOrder = "first_order", firstOrderInterval = "first_order_ci", total, totalInterval = "total_ci"
        }
    }

    /// One agency's indices on its own rank.
    public struct AgencyIndices: Sendable, Hashable, Codable {
        public var agency: String
        public var indices: [Index]

        public struct Index: Sendable, Hashable, Codable {
            public var input: String
            public var firstOrder: Double?
            public var total: Double?

            private enum CodingKeys: String, CodingKey { case input, firstOrder = "first_order", total }
        }
    }

    /// The Saltelli design behind the indices.
    public struct IndexDesign: Sendable, Hashable, Codable {
        /// N, the rows of A and B.
        public var rows: Int
        /// Weight sets evaluated: N (d + 2).
        public var runs: Int
        public var grouping: String
        public var sequence: String
        public var resamples: Int
    }

    // The index keys are written only when asked for, so plain runs keep their JSON.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(rubric, forKey: .rubric)
        try container.encode(year, forKey: .year)
        try container.encode(samples, forKey: .samples)
        try container.encode(seed, forKey: .seed)
        try container.encode(spread, forKey: .spread)
        try container.encode(model, forKey: .model)
        try container.encode(sequence, forKey: .sequence)
        try container.encode(failedReplicates, forKey: .failedReplicates)
        try container.encode(meanSpearmanRho, forKey: .meanSpearmanRho)
        try container.encode(convergence, forKey: .convergence)
        try container.encode(agencies, forKey: .agencies)
        try container.encode(errors, forKey: .errors)
        try container.encode(warnings, forKey: .warnings)
        if let indexDesign { try container.encode(indexDesign, forKey: .indexDesign) }
        if let indices { try container.encode(indices, forKey: .indices) }
        if let rankIndices { try container.encode(rankIndices, forKey: .rankIndices) }
        if let removal { try container.encode(removal, forKey: .removal) }
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

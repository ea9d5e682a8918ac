import Dispatch
import Foundation
import Synchronization

/// Monte Carlo sensitivity of ranks and grades to the choice of weights.
///
/// Each report's sub-component values are computed once; a replicate is then one matrix-vector
/// product (reports x sub-components times the replicate's weights) and a ranking. Replicate k
/// draws from its own xoshiro256** stream (seed, k), so results are byte-identical whatever the
/// thread count. Ranks are kept agency-major in the narrowest integer that holds them (16 bits up
/// to 65,535 reports: 500 MB at 25,000 x 10,000), and reduced to quantiles at the end.
public struct SensitivityAnalysis: Sendable {
    /// Where a replicate's numbers in [0, 1) come from.
    public enum Sequence: String, Sendable, CaseIterable {
        /// xoshiro256**, one stream per replicate.
        case random
        /// Sobol' points with a digital shift from the seed (quasi-random: faster convergence).
        case sobol
    }

    public struct Options: Sendable {
        public var samples: Int
        public var spread: Double
        public var seed: UInt64
        public var model: WeightModel.Kind
        public var sequence: Sequence
        public var jobs: Int

        public init(samples: Int = 10_000, spread: Double = 0.25, seed: UInt64 = 1, model: WeightModel.Kind = .uniform, sequence: Sequence = .random, jobs: Int = 0) {
            self.samples = samples
            self.spread = spread
            self.seed = seed
            self.model = model
            self.sequence = sequence
            self.jobs = jobs
        }
    }

    /// One agency's nominal standing and how it moves over the replicates.
    public struct AgencyResult: Sendable, Hashable, Codable {
        public var agency: String
        public var name: String?
        public var year: Int
        public var nominalScore: Double
        public var nominalGrade: String
        public var nominalRank: Int
        public var medianRank: Double
        public var q05: Double
        public var q95: Double
        /// Probability of each grade of the rubric, highest first.
        public var gradeProbabilities: KeyedValues<Double>
        public var keepsGrade: Double
        /// Items the report leaves unanswered, each counted 0 in every replicate.
        public var missing: Int
        /// The probability of each rank over the replicates (JSMAA's rank acceptability), best
        /// rank first; ranks never taken are left out, and the values sum to 1.
        public var rankAcceptability: RankAcceptability
        /// The rank taken most often (the better one on a tie).
        public var mostLikelyRank: Int
        /// The probability of rank 1.
        public var firstRankAcceptability: Double

        private enum CodingKeys: String, CodingKey {
            case agency, name, year, nominalScore = "nominal_score", nominalGrade = "nominal_grade", nominalRank = "nominal_rank"
            case medianRank = "median_rank", q05, q95, gradeProbabilities = "grade_probabilities", keepsGrade = "p_keep_grade", missing
            case rankAcceptability = "rank_acceptability", mostLikelyRank = "most_likely_rank", firstRankAcceptability = "p_first_rank"
        }
    }

    public struct Result: Sendable {
        public var rubricID: String
        public var options: Options
        public var agencies: [AgencyResult]
        /// Replicates whose weights or scores were not finite: reported, and left out of every statistic.
        public var failedReplicates: [Int]
        /// Mean over replicates of Spearman's rho between the replicate's and the nominal scores.
        public var meanSpearman: Double?
        /// How far the 5%, 50% and 95% rank quantiles moved between the first half of the replicates and all of them.
        public var convergenceMaxShift: Double
        public var convergenceMeanShift: Double
    }

    public let rubric: Rubric
    public let cards: [ScoreCard]
    public let options: Options

    public init(rubric: Rubric, cards: [ScoreCard], options: Options) {
        precondition(options.samples > 0, "at least one replicate")
        precondition(cards.allSatisfy { $0.rubricID == rubric.id }, "every card is scored under the analysed rubric")
        precondition(options.sequence == .random || WeightModel(rubric: rubric, spread: 0).dimensions <= SobolSequence.maxDimensions,
                     "Sobol' points are available for up to 64 components and sub-components")
        self.rubric = rubric
        self.cards = cards
        self.options = options
    }

    /// Bytes the analysis holds at its peak: every replicate's rank of every unit (2 bytes each
    /// up to 65,535 units, else 4), and per replicate its correlation, failure flag and the
    /// indices and scratch of the reduction (29 bytes).
    public static func estimatedBytes(units: Int, samples: Int) -> Double {
        let rankBytes = units <= Int(UInt16.max) ? 2.0 : 4.0
        return Double(units) * Double(samples) * rankBytes + Double(samples) * 29
    }

    public func run() -> Result {
        cards.count <= Int(UInt16.max) ? run(storing: UInt16.self) : run(storing: UInt32.self)
    }

    func run<Rank: FixedWidthInteger & UnsignedInteger & Sendable>(storing _: Rank.Type) -> Result {
        let units = cards.count
        let model = WeightModel(rubric: rubric, kind: options.model, spread: options.spread)
        let subs = model.componentOf.count
        let samples = options.samples

        let values = RankModel(cards: cards, subs: subs).values
        let bounds = rubric.grades.map(\.above)
        var nominalWeights: [Double] = []
        model.nominal(into: &nominalWeights)
        var nominalScores = [Double](repeating: 0, count: units)
        values.withUnsafeBufferPointer { v in
            nominalWeights.withUnsafeBufferPointer { w in
                nominalScores.withUnsafeMutableBufferPointer { ScoreKernel.scores(values: v, units: units, weights: w, into: $0) }
            }
        }
        let nominalRanks = Ranking.competitionRanks(nominalScores)
        let nominalFractional = RankCorrelation.fractionalRanks(nominalScores)
        let nominalGrades = nominalScores.map { ScoreKernel.band(of: $0, bounds: bounds) }

        // Shared outputs, each written in disjoint parts by the workers.
        let ranks = SharedBuffer<Rank>(count: units * samples, initialValue: 0)
        let rho = SharedBuffer<Double>(count: samples, initialValue: .nan)
        let failed = SharedBuffer<UInt8>(count: samples, initialValue: 0)

        let block = 64
        let blocks = (samples + block - 1) / block
        let seed = options.seed
        // Point 0 of the Sobol' sequence is all zeros; replicates start at point 1.
        let sobol = options.sequence == .sobol ? SobolSequence(dimensions: model.dimensions, seed: seed) : nil
        let columns = values
        let workers = Parallel.blocks(blocks, jobs: options.jobs, makeWorker: {
            ReplicateWorker<Rank>(units: units, subs: subs, dimensions: model.dimensions, grades: bounds.count, block: block)
        }) { worker, b in
            let first = b * block
            let count = min(block, samples - first)
            columns.withUnsafeBufferPointer { v in
                worker.run(first: first, count: count, seed: seed, sobol: sobol, model: model, values: v, bounds: bounds,
                           nominalFractional: nominalFractional, samples: samples, ranks: ranks, rho: rho, failed: failed)
            }
        }
        // Counts, added: the same whichever worker ran which replicates.
        var counts = [Int](repeating: 0, count: units * bounds.count)
        for worker in workers { for i in counts.indices { counts[i] += worker.gradeCounts[i] } }

        // Reduce: quantiles per agency over the kept replicates, and the first half for convergence.
        let kept = (0..<samples).filter { failed[$0] == 0 }
        let half = Array(kept.prefix(max(kept.count / 2, 1)))
        var agencies: [AgencyResult] = []
        var maxShift = 0.0
        var shiftSum = 0.0
        var scratch = [Double](repeating: 0, count: kept.count)
        // The ranks' rows are read through their pointer: the buffer is kept alive until the last.
        ranks.withBase { base in for r in 0..<units {
            let row = base + r * samples
            func quantiles(_ replicates: [Int]) -> (Double, Double, Double) {
                guard !replicates.isEmpty else { return (.nan, .nan, .nan) }
                for (i, k) in replicates.enumerated() { scratch[i] = Double(row[k]) }
                var slice = scratch[0..<replicates.count]
                return (Statistics.quantile(&slice, 0.05), Statistics.quantile(&slice, 0.5), Statistics.quantile(&slice, 0.95))
            }
            let (q05, median, q95) = quantiles(kept)
            let (h05, hMedian, h95) = quantiles(half)
            for shift in [abs(q05 - h05), abs(median - hMedian), abs(q95 - h95)] where shift.isFinite {
                maxShift = max(maxShift, shift)
                shiftSum += shift
            }
            let keptCount = Double(kept.count)
            let probabilities = rubric.grades.indices.map { g in
                (rubric.grades[g].grade, keptCount > 0 ? Double(counts[r * bounds.count + g]) / keptCount : .nan)
            }
            let card = cards[r]
            let acceptability = Self.rankAcceptability(kept.map { Int(row[$0]) }, units: units)
            agencies.append(AgencyResult(
                agency: card.agency, name: card.name, year: card.year, nominalScore: card.total,
                nominalGrade: rubric.grades[nominalGrades[r]].grade, nominalRank: nominalRanks[r],
                medianRank: median, q05: q05, q95: q95, gradeProbabilities: KeyedValues(probabilities),
                keepsGrade: probabilities[nominalGrades[r]].1, missing: card.missing.count,
                rankAcceptability: acceptability.probabilities, mostLikelyRank: acceptability.mostLikely,
                firstRankAcceptability: acceptability.probabilities[1] ?? 0))
        } }
        agencies.sort { ($0.nominalRank, $0.agency) < ($1.nominalRank, $1.agency) }
        let rhoValues = kept.map { rho[$0] }.filter { $0.isFinite }
        return Result(
            rubricID: rubric.id, options: options, agencies: agencies,
            failedReplicates: (0..<samples).filter { failed[$0] != 0 },
            meanSpearman: rhoValues.isEmpty ? nil : rhoValues.reduce(0, +) / Double(rhoValues.count),
            convergenceMaxShift: maxShift, convergenceMeanShift: units == 0 ? 0 : shiftSum / Double(3 * units))
    }
}

extension SensitivityAnalysis {
    /// The share of replicates in which a unit takes each rank, best rank first, ranks never
    /// taken left out; and the rank taken most often (the better one on a tie).
    static func rankAcceptability(_ ranks: [Int], units: Int) -> (probabilities: RankAcceptability, mostLikely: Int) {
        var counts = [Int](repeating: 0, count: units + 1)
        for rank in ranks where rank >= 1 && rank <= units { counts[rank] += 1 }
        let total = Double(ranks.count)
        let taken = counts.indices.filter { counts[$0] > 0 }
        let mostLikely = taken.max { (counts[$0], -$0) < (counts[$1], -$1) } ?? 0
        return (RankAcceptability(ranks: taken, shares: taken.map { Double(counts[$0]) / total }), mostLikely)
    }
}

/// Per-thread scratch for a block of replicates; nothing here is shared.
private struct ReplicateWorker<Rank: FixedWidthInteger & UnsignedInteger & Sendable> {
    let units: Int
    let subs: Int
    let dimensions: Int
    let grades: Int
    let block: Int
    var unit: [Double]
    var weights: [Double]
    var scores: [Double]
    var order: [Int32]
    var blockRanks: [Rank]
    var fractional: [Double]
    var gradeCounts: [Int]

    init(units: Int, subs: Int, dimensions: Int, grades: Int, block: Int) {
        self.units = units
        self.subs = subs
        self.dimensions = dimensions
        self.grades = grades
        self.block = block
        unit = [Double](repeating: 0, count: dimensions)
        weights = [Double](repeating: 0, count: subs)
        scores = [Double](repeating: 0, count: units)
        order = (0..<Int32(units)).map { $0 }
        blockRanks = [Rank](repeating: 0, count: units * block)
        fractional = [Double](repeating: 0, count: units)
        gradeCounts = [Int](repeating: 0, count: units * grades)
    }

    mutating func run(
        first: Int, count: Int, seed: UInt64, sobol: SobolSequence?, model: WeightModel, values: UnsafeBufferPointer<Double>, bounds: [Double],
        nominalFractional: [Double], samples: Int, ranks: SharedBuffer<Rank>, rho: SharedBuffer<Double>, failed: SharedBuffer<UInt8>
    ) {
        for j in 0..<count {
            let k = first + j
            if let sobol {
                unit.withUnsafeMutableBufferPointer { sobol.point(UInt64(k) + 1, into: $0) }
            } else {
                var rng = Xoshiro256StarStar(seed: seed, stream: UInt64(k))
                for d in 0..<dimensions { unit[d] = rng.nextUnit() }
            }
            unit.withUnsafeBufferPointer { model.weights(from: $0, into: &weights) }
            weights.withUnsafeBufferPointer { w in
                scores.withUnsafeMutableBufferPointer { ScoreKernel.scores(values: values, units: units, weights: w, into: $0) }
            }
            guard weights.allSatisfy(\.isFinite), scores.allSatisfy(\.isFinite) else {
                failed[k] = 1
                rho[k] = .nan
                continue
            }
            ScoreKernel.rank(scores, order: &order, ranks: &blockRanks, column: j, block: block, fractional: &fractional)
            rho[k] = ScoreKernel.rankCorrelation(fractional, nominalFractional)
            for r in 0..<units { gradeCounts[r * grades + ScoreKernel.band(of: scores[r], bounds: bounds)] += 1 }
        }
        // Transpose the block into the agency-major matrix: one contiguous run per agency.
        blockRanks.withUnsafeBufferPointer { local in
            for r in 0..<units {
                let destination = ranks.base + r * samples + first
                for j in 0..<count { destination[j] = local[j * units + r] }
            }
        }
    }
}

/// The numeric kernels, on buffers.
enum ScoreKernel {
    /// scores[r] = sum over s of values[s][r] x weights[s], eight reports at a time in SIMD
    /// accumulators (a plain Double loop stays scalar), sub-components added in rubric order so that
    /// every lane and the scalar tail round identically.
    static func scores(values: UnsafeBufferPointer<Double>, units: Int, weights: UnsafeBufferPointer<Double>, into scores: UnsafeMutableBufferPointer<Double>) {
        let subs = weights.count
        assert(values.count == subs * units && scores.count == units)
        let v = values.baseAddress!, out = scores.baseAddress!
        var r = 0
        while r + 8 <= units {
            var acc = SIMD8<Double>(repeating: 0)
            for s in 0..<subs {
                let column = UnsafeRawPointer(v + s * units + r)
                acc += column.loadUnaligned(as: SIMD8<Double>.self) * SIMD8(repeating: weights[s])
            }
            UnsafeMutableRawPointer(out + r).storeBytes(of: acc, as: SIMD8<Double>.self)
            r += 8
        }
        while r < units {
            var acc = 0.0
            for s in 0..<subs { acc += v[s * units + r] * weights[s] }
            out[r] = acc
            r += 1
        }
    }

    /// Competition ranks of `scores` into column `column` of a replicate-major block, and the
    /// fractional ranks (ties share the mean place) for rank correlation.
    static func rank<Rank: FixedWidthInteger>(_ scores: [Double], order: inout [Int32], ranks: inout [Rank], column: Int, block: Int, fractional: inout [Double]) {
        let units = scores.count
        scores.withUnsafeBufferPointer { s in
            order.sort { s[Int($0)] > s[Int($1)] }
            ranks.withUnsafeMutableBufferPointer { out in
                fractional.withUnsafeMutableBufferPointer { frac in
                    let base = column * units
                    var start = 0
                    while start < units {
                        var end = start + 1
                        let value = s[Int(order[start])]
                        while end < units, s[Int(order[end])] == value { end += 1 }
                        let shared = Double(start + end + 1) / 2
                        for i in start..<end {
                            let r = Int(order[i])
                            out[base + r] = Rank(truncatingIfNeeded: start + 1)
                            frac[r] = shared
                        }
                        start = end
                    }
                }
            }
        }
    }

    /// Spearman's rho from two fractional-rank vectors of the same units.
    static func rankCorrelation(_ a: [Double], _ b: [Double]) -> Double {
        // Fractional ranks of n units always average (n + 1) / 2.
        let mean = Double(a.count + 1) / 2
        return RankCorrelation.correlation(a, b, meanX: mean, meanY: mean) ?? .nan
    }

    /// Index of the grade band (highest first, by lower bounds) a score falls in, with the same
    /// tolerance as `Rubric.grade(for:)`.
    @inline(__always)
    static func band(of score: Double, bounds: [Double]) -> Int {
        for (i, above) in bounds.enumerated() where score > above + GradeBand.boundTolerance { return i }
        return bounds.count - 1
    }
}

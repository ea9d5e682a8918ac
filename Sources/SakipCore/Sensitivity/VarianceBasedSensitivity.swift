import Dispatch
import Foundation
import Synchronization

/// Which weight drives the uncertainty of the ranking: first-order and total Sobol' indices of
/// every uncertain input (each component weight multiplier and each sub-component share
/// multiplier, or each component with its sub-components as one group) on the mean absolute
/// rank shift from the nominal ranking (COINr's target), and on each agency's rank.
///
/// The design is Saltelli's: rows of A and B drawn from a 2d-dimensional Sobol' sequence (as
/// many dimensions as fit, else xoshiro256** streams), and each AB_i; N (d + 2) weight sets in
/// all. Ranks are integers, so the per-agency sums are exact and the result is the same for a
/// seed whatever the thread count.
public struct VarianceBasedSensitivity: Sendable {
    /// What counts as one input.
    public enum Grouping: String, Sendable, CaseIterable {
        /// Each component weight and each sub-component share.
        case none
        /// Each component with its sub-components' shares.
        case components
    }

    public struct Options: Sendable {
        /// N, the rows of A and B.
        public var samples: Int
        public var spread: Double
        public var seed: UInt64
        public var model: WeightModel.Kind
        public var grouping: Grouping
        public var resamples: Int
        public var jobs: Int

        public init(samples: Int = 8192, spread: Double = 0.25, seed: UInt64 = 1, model: WeightModel.Kind = .uniform,
                    grouping: Grouping = .none, resamples: Int = 1000, jobs: Int = 0) {
            self.samples = samples
            self.spread = spread
            self.seed = seed
            self.model = model
            self.grouping = grouping
            self.resamples = resamples
            self.jobs = jobs
        }
    }

    /// One uncertain input: a rubric node and the random numbers it owns.
    public struct Input: Sendable, Hashable {
        public var id: String
        public var kind: String
        var dimensions: [Int]
    }

    public struct Result: Sendable {
        public var inputs: [Input]
        /// On the mean absolute rank shift, with 95% bootstrap intervals.
        public var indices: [SobolEstimator.Index]
        public var intervals: [(firstOrder: ClosedRange<Double>?, total: ClosedRange<Double>?)]
        /// On each agency's rank: by card, then by input.
        public var agencyIndices: [[SobolEstimator.Index]]
        /// Weight sets evaluated: N (d + 2).
        public var runs: Int
        /// Whether A and B came from the Sobol' sequence (else from random streams).
        public var quasiRandom: Bool
    }

    public let rubric: Rubric
    public let cards: [ScoreCard]
    public let options: Options

    public init(rubric: Rubric, cards: [ScoreCard], options: Options) {
        precondition(options.samples > 0 && options.resamples > 0, "at least one row and one resample")
        self.rubric = rubric
        self.cards = cards
        self.options = options
    }

    /// The inputs of a rubric: ids and the random numbers of the weight model each owns.
    public static func inputs(_ rubric: Rubric, grouping: Grouping) -> [Input] {
        let components = rubric.components
        var subIndex = 0
        var byComponent: [[(Int, Subcomponent)]] = []
        for component in components {
            byComponent.append(component.subcomponents.map { sub in
                defer { subIndex += 1 }
                return (subIndex, sub)
            })
        }
        switch grouping {
        case .none:
            return components.indices.map { Input(id: components[$0].id, kind: "component weight", dimensions: [$0]) }
                + byComponent.joined().map { Input(id: $0.1.id, kind: "sub-component share", dimensions: [components.count + $0.0]) }
        case .components:
            return components.indices.map { c in
                Input(id: components[c].id, kind: "component and its sub-components", dimensions: [c] + byComponent[c].map { components.count + $0.0 })
            }
        }
    }

    public func run() -> Result {
        let model = WeightModel(rubric: rubric, kind: options.model, spread: options.spread)
        let rankModel = RankModel(cards: cards, subs: model.componentOf.count)
        let inputs = Self.inputs(rubric, grouping: options.grouping)
        let n = options.samples, units = cards.count, g = inputs.count, d = model.dimensions
        var nominalWeights: [Double] = []
        model.nominal(into: &nominalWeights)
        var nominalScores: [Double] = []
        rankModel.scores(nominalWeights, into: &nominalScores)
        let nominal = Ranking.competitionRanks(nominalScores).map(Int32.init)

        let outputs = SharedBuffer<Double>(count: n * (g + 2), initialValue: 0)
        let sobol = 2 * d <= SobolSequence.maxDimensions ? SobolSequence(dimensions: 2 * d, seed: options.seed) : nil
        let block = 32
        let workers = Parallel.blocks((n + block - 1) / block, jobs: options.jobs,
                                      makeWorker: { DesignWorker(model: model, rankModel: rankModel, nominal: nominal, inputs: inputs) }) { worker, b in
            for j in (b * block)..<min(n, (b + 1) * block) {
                worker.row(j, seed: options.seed, sobol: sobol, outputs: outputs, samples: n)
            }
        }
        // Exact integer sums: the same whichever worker ran which rows.
        var total = RankSums(units: units, inputs: g)
        for worker in workers { total.add(worker.sums) }

        let a = outputs.elements(from: 0, count: n)
        let b = outputs.elements(from: n, count: n)
        let ab = (0..<g).map { i in outputs.elements(from: (i + 2) * n, count: n) }
        return Result(
            inputs: inputs, indices: SobolEstimator.indices(a: a, b: b, ab: ab),
            intervals: SobolEstimator.intervals(a: a, b: b, ab: ab, resamples: options.resamples, seed: options.seed, jobs: options.jobs),
            agencyIndices: (0..<units).map { total.indices(unit: $0, rows: n) }, runs: n * (g + 2), quasiRandom: sobol != nil)
    }
}

/// Exact integer sums, per agency, of the terms of the estimators on its rank.
private struct RankSums {
    let units: Int
    let inputs: Int
    /// Per unit: sum of a + b, and of a^2 + b^2, over the rows.
    var sum: [Int64]
    var squares: [Int64]
    /// Per input and unit: sum of b (ab_i - a), of ab_i - a, and of (a - ab_i)^2.
    var first: [Int64]
    var difference: [Int64]
    var total: [Int64]

    init(units: Int, inputs: Int) {
        self.units = units
        self.inputs = inputs
        sum = [Int64](repeating: 0, count: units)
        squares = sum
        first = [Int64](repeating: 0, count: units * inputs)
        difference = first
        total = first
    }

    mutating func add(_ other: RankSums) {
        for i in sum.indices {
            sum[i] += other.sum[i]
            squares[i] += other.squares[i]
        }
        for i in first.indices {
            first[i] += other.first[i]
            difference[i] += other.difference[i]
            total[i] += other.total[i]
        }
    }

    /// Row terms of A and B.
    mutating func addBase(_ a: [Int32], _ b: [Int32]) {
        sum.withUnsafeMutableBufferPointer { sum in
            squares.withUnsafeMutableBufferPointer { squares in
                for r in 0..<units {
                    let x = Int64(a[r]), y = Int64(b[r])
                    sum[r] += x + y
                    squares[r] += x * x + y * y
                }
            }
        }
    }

    /// Row terms of AB_i.
    mutating func add(input i: Int, _ a: [Int32], _ b: [Int32], _ ab: [Int32]) {
        let base = i * units
        first.withUnsafeMutableBufferPointer { first in
            difference.withUnsafeMutableBufferPointer { difference in
                total.withUnsafeMutableBufferPointer { total in
                    a.withUnsafeBufferPointer { a in
                        b.withUnsafeBufferPointer { b in
                            ab.withUnsafeBufferPointer { ab in
                                for r in 0..<units {
                                    let x = Int64(a[r]), y = Int64(b[r]), z = Int64(ab[r])
                                    first[base + r] += y * (z - x)
                                    difference[base + r] += z - x
                                    total[base + r] += (x - z) * (x - z)
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    func indices(unit r: Int, rows n: Int) -> [SobolEstimator.Index] {
        let count = Double(2 * n)
        let mean = Double(sum[r]) / count
        let variance = Double(squares[r]) / count - mean * mean
        guard variance > 1e-12 * max(1, mean * mean) else { return (0..<inputs).map { _ in SobolEstimator.Index() } }
        return (0..<inputs).map { i in
            // Centred as SobolEstimator centres: sum (b - mean)(ab - a) = sum b (ab - a) - mean sum (ab - a).
            SobolEstimator.Index(firstOrder: (Double(first[i * units + r]) - mean * Double(difference[i * units + r])) / Double(n) / variance,
                                 total: Double(total[i * units + r]) / count / variance)
        }
    }
}

/// One thread's scratch: a row of A and B, its AB_i, their weights, scores and ranks.
private struct DesignWorker {
    let model: WeightModel
    let rankModel: RankModel
    let nominal: [Int32]
    let inputs: [Input]
    var unit: [Double]
    var mixed: [Double]
    var weights: [Double] = []
    var scores: [Double] = []
    var ranker: IncrementalRanker
    var ranksA: [Int32] = []
    var ranksB: [Int32] = []
    var ranksAB: [Int32] = []
    var sums: RankSums

    typealias Input = VarianceBasedSensitivity.Input

    init(model: WeightModel, rankModel: RankModel, nominal: [Int32], inputs: [Input]) {
        self.model = model
        self.rankModel = rankModel
        self.nominal = nominal
        self.inputs = inputs
        unit = [Double](repeating: 0, count: 2 * model.dimensions)
        mixed = [Double](repeating: 0, count: model.dimensions)
        ranker = IncrementalRanker(units: rankModel.units)
        sums = RankSums(units: rankModel.units, inputs: inputs.count)
    }

    /// Row j: f(A_j), f(B_j) and every f(AB_i,j) into `outputs` (A, B, then each AB_i, N apart),
    /// and the per-agency sums.
    mutating func row(_ j: Int, seed: UInt64, sobol: SobolSequence?, outputs: SharedBuffer<Double>, samples n: Int) {
        let d = model.dimensions
        if let sobol {
            // Point 0 of the sequence is all zeros; rows start at point 1.
            unit.withUnsafeMutableBufferPointer { sobol.point(UInt64(j) + 1, into: $0) }
        } else {
            var rng = Xoshiro256StarStar(seed: seed, stream: 0x5A17_0000_0000 + UInt64(j))
            for k in unit.indices { unit[k] = rng.nextUnit() }
        }
        for k in 0..<d { mixed[k] = unit[k] }
        outputs[j] = evaluate(into: \.ranksA)
        for k in 0..<d { mixed[k] = unit[d + k] }
        outputs[n + j] = evaluate(into: \.ranksB)
        sums.addBase(ranksA, ranksB)
        for (i, input) in inputs.enumerated() {
            for k in 0..<d { mixed[k] = unit[k] }
            for k in input.dimensions { mixed[k] = unit[d + k] }
            outputs[(i + 2) * n + j] = evaluate(into: \.ranksAB)
            sums.add(input: i, ranksA, ranksB, ranksAB)
        }
    }

    /// Ranks under the weights of `mixed`, and the mean absolute rank shift from the nominal ranks.
    private mutating func evaluate(into slot: WritableKeyPath<DesignWorker, [Int32]>) -> Double {
        mixed.withUnsafeBufferPointer { model.weights(from: $0, into: &weights) }
        rankModel.scores(weights, into: &scores)
        // The ranks are moved out of self while ranked, so no two accesses to self overlap.
        var ranks: [Int32] = []
        swap(&ranks, &self[keyPath: slot])
        defer { swap(&ranks, &self[keyPath: slot]) }
        ranker.rank(scores, into: &ranks)
        let shift = ranks.withUnsafeBufferPointer { ranks in
            nominal.withUnsafeBufferPointer { nominal in
                var shift = 0
                for r in 0..<ranks.count { shift += abs(Int(ranks[r]) - Int(nominal[r])) }
                return shift
            }
        }
        return ranks.isEmpty ? 0 : Double(shift) / Double(ranks.count)
    }
}

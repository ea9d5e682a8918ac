import Foundation
import Testing
@testable import SakipCore
import SakipRendering

/// The estimators on models whose indices are known, then the rank model on the partners.
@Suite("Sobol' indices, removal, rank acceptability", .serialized)
struct SensitivityIndicesTests {
    /// Runs `model` on a Saltelli design of `n` rows over [0, 1)^d (Sobol' points, 2d dimensions).
    static func design(_ d: Int, n: Int, _ model: ([Double]) -> Double) -> (a: [Double], b: [Double], ab: [[Double]]) {
        let sobol = SobolSequence(dimensions: 2 * d, seed: 11)
        var point = [Double](repeating: 0, count: 2 * d)
        var a: [Double] = [], b: [Double] = []
        var ab = [[Double]](repeating: [], count: d)
        for j in 0..<n {
            point.withUnsafeMutableBufferPointer { sobol.point(UInt64(j) + 1, into: $0) }
            let x = Array(point[0..<d]), y = Array(point[d...])
            a.append(model(x))
            b.append(model(y))
            for i in 0..<d {
                var mixed = x
                mixed[i] = y[i]
                ab[i].append(model(mixed))
            }
        }
        return (a, b, ab)
    }

    /// Y = sum a_i x_i with x_i uniform: S_i = ST_i = a_i^2 / sum a_j^2.
    @Test func anAdditiveModelSharesVarianceAsTheSquaresOfItsCoefficients() {
        let coefficients = [1.0, 2.0, 3.0]
        let (a, b, ab) = Self.design(3, n: 4096) { x in zip(coefficients, x).reduce(0) { $0 + $1.0 * $1.1 } }
        let indices = SobolEstimator.indices(a: a, b: b, ab: ab)
        for (i, coefficient) in coefficients.enumerated() {
            let expected = coefficient * coefficient / 14
            #expect(abs(indices[i].firstOrder! - expected) < 0.02, "S\(i + 1) \(indices[i].firstOrder!) vs \(expected)")
            #expect(abs(indices[i].total! - expected) < 0.02, "ST\(i + 1) \(indices[i].total!) vs \(expected)")
        }
        let intervals = SobolEstimator.intervals(a: a, b: b, ab: ab, resamples: 300, seed: 5)
        for (i, coefficient) in coefficients.enumerated() {
            #expect(intervals[i].firstOrder!.contains(coefficient * coefficient / 14))
            #expect(intervals[i].total!.contains(indices[i].total!))
        }
    }

    /// The Ishigami function (a = 7, b = 0.1) on [-pi, pi]^3; its indices are published
    /// (Ishigami and Homma 1990; Saltelli et al. 2010): S = 0.314, 0.442, 0; ST = 0.558, 0.442, 0.244.
    @Test func theIshigamiFunctionHasItsPublishedIndices() {
        let (a, b, ab) = Self.design(3, n: 16384) { u in
            let x = u.map { -Double.pi + 2 * Double.pi * $0 }
            return sin(x[0]) + 7 * sin(x[1]) * sin(x[1]) + 0.1 * pow(x[2], 4) * sin(x[0])
        }
        let indices = SobolEstimator.indices(a: a, b: b, ab: ab)
        let first = [0.3139, 0.4424, 0.0], total = [0.5576, 0.4424, 0.2437]
        for i in 0..<3 {
            #expect(abs(indices[i].firstOrder! - first[i]) < 0.03, "S\(i + 1) = \(indices[i].firstOrder!)")
            #expect(abs(indices[i].total! - total[i]) < 0.03, "ST\(i + 1) = \(indices[i].total!)")
        }
    }

    @Test func aConstantModelHasNoIndices() {
        let (a, b, ab) = Self.design(2, n: 64) { _ in 3 }
        #expect(SobolEstimator.indices(a: a, b: b, ab: ab).allSatisfy { $0.firstOrder == nil && $0.total == nil })
    }

    @Test func bootstrapIntervalsDoNotDependOnTheThreadCount() {
        let (a, b, ab) = Self.design(2, n: 512) { $0[0] + $0[1] * $0[0] }
        let one = SobolEstimator.intervals(a: a, b: b, ab: ab, resamples: 200, seed: 9, jobs: 1)
        let four = SobolEstimator.intervals(a: a, b: b, ab: ab, resamples: 200, seed: 9, jobs: 4)
        #expect(one.map { [$0.firstOrder, $0.total] } == four.map { [$0.firstOrder, $0.total] })
    }

    /// By hand: ranks 1, 1, 2, 3 over four replicates of three units.
    @Test func rankAcceptabilityIsTheShareOfReplicatesAtEachRank() {
        let (probabilities, mostLikely) = SensitivityAnalysis.rankAcceptability([1, 1, 2, 3], units: 3)
        #expect(probabilities.ranks == [1, 2, 3] && probabilities.shares == [0.5, 0.25, 0.25])
        #expect(probabilities[2] == 0.25 && probabilities[4] == nil && probabilities[0] == nil)
        #expect(mostLikely == 1)
        let tie = SensitivityAnalysis.rankAcceptability([2, 1, 3, 3, 1], units: 3)
        #expect(tie.mostLikely == 1, "a tie goes to the better rank")
        #expect(tie.probabilities.shares.reduce(0, +) == 1)
    }

    @Test func rankAcceptabilityIsAnObjectFromRankToShareInJSON() throws {
        let acceptability = RankAcceptability(ranks: [2, 9, 10], shares: [0.25, 0.5, 0.25])
        let json = try JSONWriter.encode(acceptability)
        #expect(json.filter { !$0.isWhitespace } == #"{"2":0.25,"9":0.5,"10":0.25}"#, "\(json)")
        let decoded = try JSONDecoder().decode(RankAcceptability.self, from: Data(#"{"10": 0.25, "2": 0.25, "9": 0.5}"#.utf8))
        #expect(decoded == acceptability, "ranks come back in rank order, not the keys' text order")
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(RankAcceptability.self, from: Data(#"{"first": 1}"#.utf8)) }
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(RankAcceptability.self, from: Data(#"{"0": 1}"#.utf8)) }
    }

    @Test func incrementalRanksEqualCompetitionRanksFromAnyStart() {
        var ranker = IncrementalRanker(units: 50)
        var rng = Xoshiro256StarStar(seed: 3)
        var ranks: [Int32] = []
        for _ in 0..<200 {
            // Few distinct values, so ties are common.
            let scores = (0..<50).map { _ in Double(rng.next() % 12) / 4 }
            ranker.rank(scores, into: &ranks)
            #expect(ranks.map(Int.init) == Ranking.competitionRanks(scores))
        }
    }

    /// COINr's `remove_elements` on samples/partners/2024 (issue 13): 1.96, 1.79, 0.96, 1.71.
    @Test func removingEachComponentMovesRanksAsCOINrFinds() throws {
        let impacts = ComponentRemoval.impacts(rubric: try bundled("permenpanrb-88-2021"), cards: SensitivityTests.partners)
        let components = impacts.filter { $0.level == "component" }.map { ($0.meanAbsRankChange * 100).rounded() / 100 }
        #expect(components == [1.96, 1.79, 0.96, 1.71])
        #expect(impacts.count == 4 + 12)
        for impact in impacts {
            #expect(impact.movers.count <= 3)
            #expect(impact.movers.map { abs($0.change) }.first == impact.maxAbsRankChange)
        }
    }

    @Test func rankIndicesAreTheSameWhateverTheThreads() throws {
        let rubric = try bundled("permenpanrb-88-2021")
        func run(_ jobs: Int, _ grouping: VarianceBasedSensitivity.Grouping) -> VarianceBasedSensitivity.Result {
            VarianceBasedSensitivity(rubric: rubric, cards: SensitivityTests.partners,
                                     options: .init(samples: 256, seed: 4, grouping: grouping, resamples: 100, jobs: jobs)).run()
        }
        let one = run(1, .none), two = run(2, .none)
        #expect(one.indices == two.indices)
        #expect(one.agencyIndices == two.agencyIndices)
        #expect(one.intervals.map { [$0.firstOrder, $0.total] } == two.intervals.map { [$0.firstOrder, $0.total] })
        #expect(one.inputs.map(\.id) == ["1", "2", "3", "4", "1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "3.1", "3.2", "3.3", "4.1", "4.2", "4.3"])
        #expect(one.runs == 256 * 18 && one.quasiRandom)
        let grouped = run(2, .components)
        #expect(grouped.inputs.map(\.id) == ["1", "2", "3", "4"] && grouped.runs == 256 * 6)
        // Total indices of a group cover at least the total of its component weight alone (same
        // design points would make it exact; here it holds well within the noise).
        for (i, index) in grouped.indices.enumerated() { #expect(index.total! + 0.1 > one.indices[i].total!) }
    }
}

import Foundation
import Testing
@testable import SakipCore

@Suite("Monte Carlo sensitivity", .serialized)
struct SensitivityTests {
    static let partners: [ScoreCard] = {
        let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("samples/partners/2024").path
        return Evaluator().evaluate(paths: [samples]).cards
    }()

    func run(samples: Int = 500, spread: Double = 0.25, seed: UInt64 = 7, model: WeightModel.Kind = .uniform, jobs: Int = 0) throws -> SensitivityAnalysis.Result {
        SensitivityAnalysis(rubric: try bundled("permenpanrb-88-2021"), cards: Self.partners,
                            options: .init(samples: samples, spread: spread, seed: seed, model: model, jobs: jobs)).run()
    }

    @Test func spreadZeroGivesDegenerateIntervalsAtTheNominalRank() throws {
        let result = try run(samples: 200, spread: 0)
        #expect(result.agencies.count == 56)
        for agency in result.agencies {
            #expect(Double(agency.nominalRank) == agency.q05)
            #expect(Double(agency.nominalRank) == agency.medianRank)
            #expect(Double(agency.nominalRank) == agency.q95)
            #expect(agency.keepsGrade == 1)
        }
        #expect(result.meanSpearman == 1)
        #expect(result.convergenceMaxShift == 0)
    }

    @Test func nominalRanksAndGradesMatchTheRanking() throws {
        let result = try run(samples: 10)
        let ranking = Ranking.rank(Self.partners, by: .total)
        #expect(result.agencies.map(\.agency) == ranking.map(\.card.agency))
        #expect(result.agencies.map(\.nominalRank) == ranking.map(\.rank))
        #expect(result.agencies.map(\.nominalGrade) == ranking.map(\.card.grade.grade))
    }

    @Test(arguments: [WeightModel.Kind.uniform, .simplex])
    func gradeProbabilitiesSumToOne(model: WeightModel.Kind) throws {
        let result = try run(samples: 300, model: model)
        for agency in result.agencies {
            #expect(agency.gradeProbabilities.values.reduce(0, +).isClose(to: 1, tolerance: 1e-12))
            #expect(agency.q05 <= agency.medianRank && agency.medianRank <= agency.q95)
        }
        #expect(result.failedReplicates.isEmpty)
    }

    @Test func sameSeedSameResultWhateverTheThreads() throws {
        let one = try run(samples: 700, jobs: 1)
        let two = try run(samples: 700, jobs: 2)
        let five = try run(samples: 700, jobs: 5)
        for other in [two, five] {
            #expect(one.agencies.map(\.medianRank) == other.agencies.map(\.medianRank))
            #expect(one.agencies.map(\.q05) == other.agencies.map(\.q05))
            #expect(one.agencies.map(\.q95) == other.agencies.map(\.q95))
            #expect(one.agencies.map { $0.gradeProbabilities.values } == other.agencies.map { $0.gradeProbabilities.values })
            #expect(one.meanSpearman == other.meanSpearman)
        }
        let otherSeed = try run(samples: 700, seed: 8, jobs: 1)
        #expect(one.agencies.map { $0.gradeProbabilities.values } != otherSeed.agencies.map { $0.gradeProbabilities.values })
    }

    @Test func perturbedWeightsKeepTheTotalAndStayNearNominal() throws {
        let rubric = try bundled("permenpanrb-88-2021")
        let model = WeightModel(rubric: rubric, spread: 0.25)
        var nominal: [Double] = []
        model.nominal(into: &nominal)
        #expect(nominal == rubric.subcomponents.map(\.weight))
        var rng = Xoshiro256StarStar(seed: 1)
        var weights: [Double] = []
        for _ in 0..<1000 {
            let unit = (0..<model.dimensions).map { _ in rng.nextUnit() }
            unit.withUnsafeBufferPointer { model.weights(from: $0, into: &weights) }
            #expect(weights.reduce(0, +).isClose(to: 100, tolerance: 1e-9))
            #expect(weights.allSatisfy { $0 > 0 })
            // Each weight moves by at most the spread at both levels, after renormalisation.
            for (w, n) in zip(weights, nominal) { #expect(w / n > 0.75 * 0.75 / 1.25 / 1.25 && w / n < 1.25 * 1.25 / 0.75 / 0.75) }
        }
    }

    @Test func scoreKernelMatchesAPlainDotProduct() throws {
        var rng = Xoshiro256StarStar(seed: 5)
        let units = 37, subs = 12
        let values = (0..<(units * subs)).map { _ in rng.nextUnit() }
        let weights = (0..<subs).map { _ in rng.nextUnit() * 10 }
        var scores = [Double](repeating: 0, count: units)
        values.withUnsafeBufferPointer { v in
            weights.withUnsafeBufferPointer { w in scores.withUnsafeMutableBufferPointer { ScoreKernel.scores(values: v, units: units, weights: w, into: $0) } }
        }
        for r in 0..<units {
            var expected = 0.0
            for s in 0..<subs { expected += values[s * units + r] * weights[s] }
            #expect(scores[r] == expected, "lane and tail must round identically")
        }
    }
}

@Suite("Rubric comparison")
struct ComparisonTests {
    @Test func diffNamesEveryKindOfChange() throws {
        let before = try bundled("permenpanrb-88-2021")
        var after = before
        after.components[0].weight = 35
        after.components[0].subcomponents[2].weight = 20
        after.components[0].subcomponents[0].criteria.removeLast()
        after.components[1].subcomponents[0].criteria.append(Criterion(id: "2.1.9", text: "new", scale: "AA-E"))
        after.components[2].subcomponents[0].criteria[0].text = "reworded"
        after.scales["AA-E"]!.values[6].value = 40
        after.achievement.negativePolarity = .targetOverRealization
        let diff = RubricDiff(from: before, to: after)
        #expect(diff.weightChanges.map(\.id) == ["1", "1.3"])
        #expect(diff.weightChanges.map(\.after) == [35, 20])
        #expect(diff.criteriaRemoved == ["1.1.7"])
        #expect(diff.criteriaAdded == ["2.1.9"])
        #expect(diff.textOnly == ["3.1.1"])
        #expect(diff.scaleChanges == [RubricDiff.ScaleChange(scale: "AA-E", letter: "D", before: 30, after: 40)])
        #expect(diff.otherChanges == ["negative polarity: 2t-r -> t/r"])
        #expect(RubricDiff(from: before, to: before).isEmpty)
    }

    @Test func shiftsCorrelationsAndTransitions() throws {
        let rubric = try bundled("permenpanrb-88-2021")
        func card(_ agency: String, _ total: Double) -> ScoreCard {
            ScoreCard(agency: agency, year: 2024, rubricID: rubric.id, total: total, grade: rubric.grade(for: total), components: [],
                      indicators: [], missing: [], warnings: [], origin: SourceLocation(file: "x", line: 1, column: 1))
        }
        let baseline = [card("a", 91), card("b", 85), card("c", 72), card("d", 65)]
        let candidate = [card("a", 84), card("b", 86), card("c", 72), card("d", 50)]
        let comparison = RubricComparison(baseline: baseline, candidate: candidate, baselineRubric: rubric, candidateRubric: rubric, topK: 2)
        #expect(comparison.rows.map(\.agency) == ["a", "b", "c", "d"])
        #expect(comparison.rows.map(\.shift) == [-1, 1, 0, 0])
        #expect(comparison.meanAbsoluteShift == 0.5)
        #expect(comparison.shareUnchanged == 0.5)
        #expect(comparison.topKOverlap == 1)
        #expect(comparison.kendallTauB!.isClose(to: 4.0 / 6))
        let aa = comparison.gradeLabels.firstIndex(of: "AA")!, a = comparison.gradeLabels.firstIndex(of: "A")!
        #expect(comparison.transitions[aa][a] == 1)
        #expect(comparison.transitions.joined().reduce(0, +) == 4)
    }
}

@Suite("Sobol' sensitivity", .serialized)
struct SobolSensitivityTests {
    @Test func sobolRunsAreReproducibleAndThreadIndependent() throws {
        let rubric = try bundled("permenpanrb-88-2021")
        func run(_ jobs: Int) -> SensitivityAnalysis.Result {
            SensitivityAnalysis(rubric: rubric, cards: SensitivityTests.partners,
                                options: .init(samples: 512, spread: 0.25, seed: 3, sequence: .sobol, jobs: jobs)).run()
        }
        let one = run(1), two = run(3)
        #expect(one.agencies.map { $0.gradeProbabilities.values } == two.agencies.map { $0.gradeProbabilities.values })
        #expect(one.agencies.map(\.q95) == two.agencies.map(\.q95))
        #expect(one.agencies.allSatisfy { $0.gradeProbabilities.values.reduce(0, +).isClose(to: 1, tolerance: 1e-12) })
    }
}

@Suite("Rank storage width", .serialized)
struct RankStorageTests {
    /// Up to 65,535 reports ranks are stored in 16 bits; beyond, in 32. Both must agree.
    @Test func sixteenAndThirtyTwoBitRanksAgree() throws {
        let analysis = SensitivityAnalysis(rubric: try bundled("permenpanrb-88-2021"), cards: SensitivityTests.partners,
                                           options: .init(samples: 300, spread: 0.3, seed: 11))
        let narrow = analysis.run(storing: UInt16.self), wide = analysis.run(storing: UInt32.self)
        #expect(narrow.agencies.map(\.q05) == wide.agencies.map(\.q05))
        #expect(narrow.agencies.map(\.medianRank) == wide.agencies.map(\.medianRank))
        #expect(narrow.agencies.map(\.q95) == wide.agencies.map(\.q95))
        #expect(narrow.meanSpearman == wide.meanSpearman)
    }
}

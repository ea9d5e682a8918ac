import Testing
@testable import SakipCore

@Suite("Indicator achievement")
struct AchievementTests {
    let official = AchievementPolicy(negativePolarity: .twoTargetMinusRealization)
    let inverse = AchievementPolicy(negativePolarity: .targetOverRealization)

    func value(_ polarity: Polarity, _ target: Indicator.Target, _ realization: Double, _ policy: AchievementPolicy) -> Double? {
        Achievement.of(Indicator(id: "i", polarity: polarity, target: target, realization: realization), policy: policy).value
    }

    @Test func positiveIsRealizationOverTarget() {
        #expect(value(.positive, .value(80), 82.5, official)!.isClose(to: 103.125))
        #expect(value(.positive, .value(80), 40, official)!.isClose(to: 50))
    }

    @Test func negativeFormulasDifferAwayFromTheTarget() {
        // T = 10, R = 20: the official form gives 0%, T / R gives 50%.
        #expect(value(.negative, .value(10), 20, official)!.isClose(to: 0))
        #expect(value(.negative, .value(10), 20, inverse)!.isClose(to: 50))
        #expect(value(.negative, .value(10), 10, official)!.isClose(to: 100))
        #expect(value(.negative, .value(10), 10, inverse)!.isClose(to: 100))
        #expect(value(.negative, .value(10), 8, official)!.isClose(to: 120))
        #expect(value(.negative, .value(10), 8, inverse)!.isClose(to: 125))
    }

    @Test(arguments: [(85.0, 100.0), (80.0, 100.0), (90.0, 100.0), (72.0, 90.0), (99.0, 90.0)])
    func rangeTargets(realization: Double, expected: Double) {
        // Inside 80-90 is 100; below compares with 80 (72 / 80); above with 90 by the negative form ((180 - 99) / 90).
        #expect(value(.positive, .range(low: 80, high: 90), realization, official)!.isClose(to: expected))
    }

    @Test func flooredAtZeroAndCappedOnlyWhenTheRubricSays() {
        #expect(value(.negative, .value(10), 35, official) == 0)
        #expect(value(.positive, .value(50), 90, official)!.isClose(to: 180))
        let capped = AchievementPolicy(cap: 120)
        #expect(value(.positive, .value(50), 90, capped) == 120)
    }

    @Test func zeroTargetIsNotComputable() {
        let outcome = Achievement.of(Indicator(id: "i", target: .value(0), realization: 3), policy: official)
        #expect(outcome.value == nil)
        guard case .notComputable(let reason) = outcome else { Issue.record("expected not computable"); return }
        #expect(reason.contains("target is 0"))
        #expect(value(.negative, .value(0), 3, official) == nil)
        #expect(value(.negative, .value(5), 0, inverse) == nil)
    }

    @Test func meanIsWeightedAndSkipsTheNotComputable() {
        let mean = Achievement.mean([(.value(100), 1), (.value(50), 3), (.notComputable(reason: "x"), 5)])
        #expect(mean!.isClose(to: 62.5))
        #expect(Achievement.mean([(.notComputable(reason: "x"), 1)]) == nil)
        #expect(Achievement.mean([]) == nil)
    }

    @Test func efficiencyNeedsMoreThanTheMargin() {
        let policy = AchievementPolicy(efficiencyMargin: 5)
        let efficient = Efficiency(budget: Budget(ceiling: 200, realized: 180), achievement: 95.5, policy: policy)!
        #expect(efficient.absorption.isClose(to: 90))
        #expect(efficient.isEfficient)
        #expect(!Efficiency(budget: Budget(ceiling: 200, realized: 180), achievement: 95, policy: policy)!.isEfficient)
        #expect(Efficiency(budget: Budget(ceiling: 0, realized: 1), achievement: 95, policy: policy) == nil)
    }

    @Test func bandsLabelAchievement() throws {
        let policy = try bundled("permenpanrb-88-2021").achievement
        #expect(policy.label(for: 100) == "Sangat Berhasil")
        #expect(policy.label(for: 99.99) == "Berhasil")
        #expect(policy.label(for: 55) == "Cukup Berhasil")
        #expect(policy.label(for: 54.9) == "Kurang Berhasil")
    }
}

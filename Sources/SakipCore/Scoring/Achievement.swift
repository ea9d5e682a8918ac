/// Performance achievement (capaian kinerja) of key indicators, per the rubric's achievement policy.
public enum Achievement {
    /// One indicator's achievement in percent, or why it cannot be computed.
    public enum Outcome: Sendable, Hashable {
        case value(Double)
        case notComputable(reason: String)

        public var value: Double? {
            switch self {
            case .value(let v): v
            case .notComputable: nil
            }
        }
    }

    /// positive: R / T x 100; negative: the policy's formula; a range counts 100 inside it and is
    /// compared with the bound it misses outside it; floored at 0 and capped when the policy says so.
    public static func of(_ indicator: Indicator, policy: AchievementPolicy) -> Outcome {
        let r = indicator.realization
        let raw: Outcome
        switch indicator.target {
        case .value(let t):
            raw = indicator.polarity == .positive ? higherIsBetter(r, t) : lowerIsBetter(r, t, policy.negativePolarity)
        case .range(let low, let high):
            if r < low {
                raw = higherIsBetter(r, low)
            } else if r > high {
                raw = lowerIsBetter(r, high, policy.negativePolarity)
            } else {
                raw = .value(100)
            }
        }
        guard case .value(let v) = raw else { return raw }
        var bounded = max(v, 0)
        if let cap = policy.cap { bounded = min(bounded, cap) }
        return .value(bounded)
    }

    private static func higherIsBetter(_ r: Double, _ t: Double) -> Outcome {
        guard t != 0 else { return .notComputable(reason: "target is 0; no official rule gives an achievement") }
        return .value(r / t * 100)
    }

    private static func lowerIsBetter(_ r: Double, _ t: Double, _ formula: NegativePolarityFormula) -> Outcome {
        guard t != 0 else { return .notComputable(reason: "target is 0; no official rule gives an achievement") }
        switch formula {
        case .twoTargetMinusRealization:
            return .value((2 * t - r) / t * 100)
        case .targetOverRealization:
            guard r != 0 else { return .notComputable(reason: "realisation is 0, so T / R is undefined") }
            return .value(t / r * 100)
        }
    }

    /// Weighted mean of the computable achievements; nil when none is computable or all weights are 0.
    public static func mean(_ outcomes: [(outcome: Outcome, weight: Double)]) -> Double? {
        var sum = 0.0
        var weights = 0.0
        for (outcome, weight) in outcomes {
            guard let v = outcome.value else { continue }
            sum += v * weight
            weights += weight
        }
        return weights > 0 ? sum / weights : nil
    }
}

/// Budget efficiency: absorption = realised / ceiling x 100; efficient when achievement exceeds it by more than the rubric's margin.
public struct Efficiency: Sendable, Hashable {
    public var absorption: Double
    public var achievement: Double
    public var margin: Double

    public var isEfficient: Bool { achievement - absorption > margin }

    public init?(budget: Budget, achievement: Double?, policy: AchievementPolicy) {
        guard let achievement, let margin = policy.efficiencyMargin, budget.ceiling > 0 else { return nil }
        self.absorption = budget.realized / budget.ceiling * 100
        self.achievement = achievement
        self.margin = margin
    }
}

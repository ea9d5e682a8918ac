#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How replicate weights are drawn around a rubric's nominal weights.
public struct WeightModel: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        /// Each component weight and each sub-component's share of its component is multiplied by
        /// 1 + U(-spread, +spread), then renormalised (components to the rubric's total, shares to 1).
        case uniform
        /// Component weights uniform on the simplex (scaled to the total), and sub-component shares
        /// uniform on each component's simplex.
        case simplex
    }

    public let kind: Kind
    public let spread: Double
    /// Sub-components in rubric order, and the component each belongs to.
    public let componentOf: [Int]
    public let componentWeights: [Double]
    /// Each sub-component's nominal share of its component's weight.
    public let shares: [Double]
    public let total: Double

    /// Random numbers one replicate consumes: one per component and one per sub-component.
    public var dimensions: Int { componentWeights.count + componentOf.count }

    public init(rubric: Rubric, kind: Kind = .uniform, spread: Double) {
        precondition(spread >= 0 && spread < 1, "spread is a fraction in [0, 1)")
        self.kind = kind
        self.spread = spread
        var componentOf: [Int] = []
        var shares: [Double] = []
        for (c, component) in rubric.components.enumerated() {
            for sub in component.subcomponents {
                componentOf.append(c)
                shares.append(sub.weight / component.weight)
            }
        }
        self.componentOf = componentOf
        self.shares = shares
        componentWeights = rubric.components.map(\.weight)
        total = componentWeights.reduce(0, +)
    }

    /// The weights with every factor exactly 1: what replicates perturb, computed along the same
    /// path so that spread 0 reproduces it bit for bit.
    public func nominal(into weights: inout [Double]) {
        fill(&weights, componentFactor: { _ in 1 }, shareFactor: { _ in 1 })
    }

    /// Sub-component weights for one replicate from `unit` numbers in [0, 1), `dimensions` of them.
    public func weights(from unit: UnsafeBufferPointer<Double>, into weights: inout [Double]) {
        assert(unit.count >= dimensions, "a replicate needs one number per component and per sub-component")
        let c = componentWeights.count
        switch kind {
        case .uniform:
            fill(&weights, componentFactor: { 1 + spread * (2 * unit[$0] - 1) }, shareFactor: { 1 + spread * (2 * unit[c + $0] - 1) })
        case .simplex:
            // Exponential draws normalised are uniform on the simplex; nominal weights are not used.
            let draw: (Double) -> Double = { -log(1 - $0) }
            fill(&weights, componentFactor: { draw(unit[$0]) / componentWeights[$0] },
                 shareFactor: { draw(unit[c + $0]) / shares[$0] })
        }
    }

    private func fill(_ weights: inout [Double], componentFactor: (Int) -> Double, shareFactor: (Int) -> Double) {
        let c = componentWeights.count
        var component = [Double](repeating: 0, count: c)
        var sum = 0.0
        for i in 0..<c {
            component[i] = componentWeights[i] * componentFactor(i)
            sum += component[i]
        }
        let scale = total / sum
        for i in 0..<c { component[i] *= scale }
        var shareSums = [Double](repeating: 0, count: c)
        if weights.count != shares.count { weights = [Double](repeating: 0, count: shares.count) }
        for s in shares.indices {
            weights[s] = shares[s] * shareFactor(s)
            shareSums[componentOf[s]] += weights[s]
        }
        for s in shares.indices { weights[s] = weights[s] / shareSums[componentOf[s]] * component[componentOf[s]] }
    }
}


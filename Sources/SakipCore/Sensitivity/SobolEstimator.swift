import Dispatch
import Foundation

/// First-order and total Sobol' indices from the outputs of a Saltelli design: the model at N
/// rows of matrices A and B, and at each AB_i (A with input i's columns taken from B).
///
/// - First order, Saltelli et al. 2010: S_i = mean(f(B) (f(AB_i) - f(A))) / V, with f centred on
///   its mean over A and B first (as SALib does): the same expectation, far less noise when the
///   output's mean is large against its spread.
/// - Total, Jansen 1999: ST_i = mean((f(A) - f(AB_i))^2) / 2V.
/// - V, the output's variance over A and B together (2N values, no degrees-of-freedom
///   correction), as SALib computes it.
///
/// ```swift
/// let indices = SobolEstimator.indices(a: fA, b: fB, ab: fAB)   // fAB[i][j]: row j of AB_i
/// indices[0].firstOrder
/// ```
public enum SobolEstimator {
    public struct Index: Sendable, Hashable {
        /// nil where the output does not vary (V = 0): no share of nothing.
        public var firstOrder: Double?
        public var total: Double?
    }

    /// Point estimates over every row.
    public static func indices(a: [Double], b: [Double], ab: [[Double]]) -> [Index] {
        precondition(a.count == b.count && ab.allSatisfy { $0.count == a.count }, "A, B and each AB_i have the same rows")
        return estimate(a: a, b: b, ab: ab, rows: nil, center: center(a, b))
    }

    /// 95% percentile intervals from `resamples` bootstrap resamples of the rows (each drawn from
    /// its own stream of `seed`, so the intervals do not depend on the thread count).
    public static func intervals(a: [Double], b: [Double], ab: [[Double]], resamples: Int = 1000, seed: UInt64, jobs: Int = 0)
        -> [(firstOrder: ClosedRange<Double>?, total: ClosedRange<Double>?)] {
        let n = a.count
        let center = center(a, b)
        let draws = SharedBuffer<Index>(count: resamples * ab.count, initialValue: Index())
        // One resample a block, each from its own stream: what a resample draws does not depend
        // on the worker that draws it.
        _ = Parallel.blocks(resamples, jobs: jobs, makeWorker: { [Int](repeating: 0, count: n) }) { rows, r in
            var rng = Xoshiro256StarStar(seed: seed, stream: 0xB007_0000 + UInt64(r))
            for j in 0..<n { rows[j] = Int(rng.next() % UInt64(n)) }
            for (i, index) in estimate(a: a, b: b, ab: ab, rows: rows, center: center).enumerated() { draws[r * ab.count + i] = index }
        }
        return ab.indices.map { i in
            func interval(_ value: (Index) -> Double?) -> ClosedRange<Double>? {
                var values = (0..<resamples).compactMap { value(draws[$0 * ab.count + i]) }
                guard values.count == resamples else { return nil }
                let low = Statistics.quantile(&values, 0.025)
                return low...max(low, Statistics.quantile(&values, 0.975))
            }
            return (interval(\.firstOrder), interval(\.total))
        }
    }

    /// The mean output over A and B.
    static func center(_ a: [Double], _ b: [Double]) -> Double {
        a.isEmpty ? 0 : (a.reduce(0, +) + b.reduce(0, +)) / Double(2 * a.count)
    }

    /// The estimators over `rows` (all rows when nil; a bootstrap resample otherwise), with the
    /// outputs of the first-order estimator taken from `center`.
    static func estimate(a: [Double], b: [Double], ab: [[Double]], rows: [Int]?, center: Double) -> [Index] {
        let n = rows?.count ?? a.count
        guard n > 0 else { return ab.map { _ in Index() } }
        // The rows once as a list of positions, so every sum below is one tight loop.
        let picked = rows ?? Array(0..<n)
        return picked.withUnsafeBufferPointer { row in
            a.withUnsafeBufferPointer { a in
                b.withUnsafeBufferPointer { b in
                    var sum = 0.0, squares = 0.0
                    for j in 0..<n {
                        let x = a[row[j]], y = b[row[j]]
                        sum += x + y
                        squares += x * x + y * y
                    }
                    let mean = sum / Double(2 * n)
                    let variance = squares / Double(2 * n) - mean * mean
                    // Identical outputs everywhere (up to rounding): no variance to share out.
                    guard variance > 1e-12 * max(1, mean * mean) else { return ab.map { _ in Index() } }
                    return ab.map { column in
                        column.withUnsafeBufferPointer { c in
                            var first = 0.0, total = 0.0
                            for j in 0..<n {
                                let k = row[j]
                                let difference = a[k] - c[k]
                                first += (b[k] - center) * (c[k] - a[k])
                                total += difference * difference
                            }
                            return Index(firstOrder: first / Double(n) / variance, total: total / Double(2 * n) / variance)
                        }
                    }
                }
            }
        }
    }
}

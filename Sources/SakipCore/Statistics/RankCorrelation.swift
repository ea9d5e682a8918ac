/// Rank correlation between two rankings of the same units, tie-corrected.
public enum RankCorrelation {
    /// Fractional ("1 2.5 2.5 4") ranks, highest value first: tied values share the mean of their places.
    public static func fractionalRanks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { values[$0] > values[$1] }
        var ranks = [Double](repeating: 0, count: values.count)
        var start = 0
        while start < order.count {
            var end = start + 1
            while end < order.count, values[order[end]] == values[order[start]] { end += 1 }
            let shared = Double(start + end + 1) / 2  // mean of places start+1 ... end
            for i in start..<end { ranks[order[i]] = shared }
            start = end
        }
        return ranks
    }

    /// Spearman's rho: Pearson's correlation of the fractional ranks (exact with ties).
    /// Nil when either side is constant (the correlation is undefined).
    public static func spearman(_ x: [Double], _ y: [Double]) -> Double? {
        precondition(x.count == y.count, "spearman needs two rankings of the same units")
        return pearson(fractionalRanks(x), fractionalRanks(y))
    }

    public static func pearson(_ x: [Double], _ y: [Double]) -> Double? {
        precondition(x.count == y.count, "pearson needs paired values")
        guard x.count > 1 else { return nil }
        let n = Double(x.count)
        return correlation(x, y, meanX: x.reduce(0, +) / n, meanY: y.reduce(0, +) / n)
    }

    /// Pearson's correlation with the means already known; nil when either side is constant.
    static func correlation(_ x: [Double], _ y: [Double], meanX: Double, meanY: Double) -> Double? {
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for i in x.indices {
            let dx = x[i] - meanX, dy = y[i] - meanY
            sxy += dx * dy
            sxx += dx * dx
            syy += dy * dy
        }
        guard sxx > 0, syy > 0 else { return nil }
        return sxy / (sxx * syy).squareRoot()
    }

    /// Kendall's tau-b in O(n log n) (Knight's algorithm): sort by x then y, count tied pairs,
    /// then count discordant pairs as the swaps of a merge sort by y. Nil when either side is constant.
    public static func kendallTauB(_ x: [Double], _ y: [Double]) -> Double? {
        precondition(x.count == y.count, "kendall needs two rankings of the same units")
        let n = x.count
        guard n > 1 else { return nil }
        var order = Array(0..<n)
        order.sort { (x[$0], y[$0]) < (x[$1], y[$1]) }

        func tiedPairs(_ sameAsPrevious: (Int, Int) -> Bool, _ sequence: [Int]) -> Int {
            var total = 0
            var run = 1
            for i in 1..<sequence.count {
                if sameAsPrevious(sequence[i - 1], sequence[i]) {
                    run += 1
                } else {
                    total += run * (run - 1) / 2
                    run = 1
                }
            }
            return total + run * (run - 1) / 2
        }
        let tiedX = tiedPairs({ x[$0] == x[$1] }, order)
        let tiedXY = tiedPairs({ x[$0] == x[$1] && y[$0] == y[$1] }, order)

        // Merge sort by y, counting how many places each element jumps: the discordant pairs.
        var swaps = 0
        var buffer = order
        var width = 1
        while width < n {
            var start = 0
            while start < n {
                let middle = min(start + width, n), end = min(start + 2 * width, n)
                var i = start, j = middle, k = start
                while i < middle && j < end {
                    if y[order[i]] <= y[order[j]] {
                        buffer[k] = order[i]; i += 1
                    } else {
                        buffer[k] = order[j]; j += 1
                        swaps += middle - i
                    }
                    k += 1
                }
                while i < middle { buffer[k] = order[i]; i += 1; k += 1 }
                while j < end { buffer[k] = order[j]; j += 1; k += 1 }
                start += 2 * width
            }
            swap(&order, &buffer)
            width *= 2
        }
        let tiedY = tiedPairs({ y[$0] == y[$1] }, order)

        let pairs = n * (n - 1) / 2
        let concordantMinusDiscordant = pairs - tiedX - tiedY + tiedXY - 2 * swaps
        let denominator = (Double(pairs - tiedX) * Double(pairs - tiedY)).squareRoot()
        guard denominator > 0 else { return nil }
        return Double(concordantMinusDiscordant) / denominator
    }
}

extension Statistics {
    /// The q-quantile (0...1) by linear interpolation between closest ranks (numpy's default),
    /// selecting in place: `values` is reordered.
    @inlinable
    public static func quantile<C: MutableCollection & RandomAccessCollection>(_ values: inout C, _ q: Double) -> Double
    where C.Element == Double, C.Index == Int {
        precondition(!values.isEmpty && (0...1).contains(q), "a quantile needs values and 0 <= q <= 1")
        let position = q * Double(values.count - 1)
        let lower = Int(position.rounded(.down))
        let fraction = position - Double(lower)
        let low = select(&values, values.startIndex + lower)
        guard fraction > 0, lower + 1 < values.count else { return low }
        // The next order statistic is the minimum of the part above `lower` after selection.
        let high = values[(values.startIndex + lower + 1)...].min()!
        return low + (high - low) * fraction
    }

    /// Quickselect (Hoare partition, median-of-three pivot): puts the k-th smallest at index k.
    @usableFromInline
    static func select<C: MutableCollection & RandomAccessCollection>(_ values: inout C, _ k: Int) -> Double
    where C.Element == Double, C.Index == Int {
        var low = values.startIndex, high = values.endIndex - 1
        while low < high {
            let mid = low + (high - low) / 2
            if values[mid] < values[low] { values.swapAt(mid, low) }
            if values[high] < values[low] { values.swapAt(high, low) }
            if values[high] < values[mid] { values.swapAt(high, mid) }
            let pivot = values[mid]
            var i = low, j = high
            while i <= j {
                while values[i] < pivot { i += 1 }
                while values[j] > pivot { j -= 1 }
                if i <= j {
                    values.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            if k <= j { high = j } else if k >= i { low = i } else { break }
        }
        return values[k]
    }
}

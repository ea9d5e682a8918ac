/// The reports as the weight studies see them: each report's sub-component values (the share of
/// its weight achieved) in one contiguous column per sub-component, so a weight set's scores
/// are one matrix-vector product.
struct RankModel: Sendable {
    let units: Int
    let subs: Int
    /// `subs` columns of `units` values.
    let values: [Double]

    init(cards: [ScoreCard], subs: Int) {
        units = cards.count
        self.subs = subs
        var values = [Double](repeating: 0, count: subs * cards.count)
        for (r, card) in cards.enumerated() {
            for (s, sub) in card.subcomponents.enumerated() { values[s * cards.count + r] = sub.value }
        }
        self.values = values
    }

    /// Every report's score under `weights` (one per sub-component).
    func scores(_ weights: [Double], into scores: inout [Double]) {
        if scores.count != units { scores = [Double](repeating: 0, count: units) }
        values.withUnsafeBufferPointer { v in
            weights.withUnsafeBufferPointer { w in
                scores.withUnsafeMutableBufferPointer { ScoreKernel.scores(values: v, units: units, weights: w, into: $0) }
            }
        }
    }
}

/// Competition ranks (1, 2, 2, 4: highest score first), by insertion sort from the order of the
/// previous call: weight sets close to each other reorder few reports, so a rank costs little
/// more than a pass. When the order moves a lot (thousands of close scores, as at national
/// scale) the insertion gives up after about n log n moves and a full sort finishes, so a rank
/// never costs more than a sort. The ranks do not depend on the previous order, only the work does.
struct IncrementalRanker {
    private var order: [Int32]

    init(units: Int) {
        order = (0..<Int32(units)).map { $0 }
    }

    mutating func rank(_ scores: [Double], into ranks: inout [Int32]) {
        let units = scores.count
        if ranks.count != units { ranks = [Int32](repeating: 0, count: units) }
        let budget = 4 * units * max(1, Int.bitWidth - units.leadingZeroBitCount)
        scores.withUnsafeBufferPointer { s in
            order.withUnsafeMutableBufferPointer { o in
                var moves = 0
                insertion: for i in 1..<max(units, 1) {
                    let moving = o[i]
                    let value = s[Int(moving)]
                    var j = i
                    while j > 0 && s[Int(o[j - 1])] < value {
                        o[j] = o[j - 1]
                        j -= 1
                    }
                    o[j] = moving
                    moves += i - j
                    if moves > budget {
                        o.sort { s[Int($0)] > s[Int($1)] }
                        break insertion
                    }
                }
                ranks.withUnsafeMutableBufferPointer { out in
                    for position in 0..<units {
                        let unit = Int(o[position])
                        out[unit] = position > 0 && s[Int(o[position - 1])] == s[unit] ? out[Int(o[position - 1])] : Int32(position + 1)
                    }
                }
            }
        }
    }
}

/// Order statistics and the summary printed under a ranking.
public enum Statistics {
    /// Median of the values (mean of the middle two for an even count); nil when empty.
    public static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    public static func mean(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }
}

/// Counts per grade, score statistics and the weakest sub-components across a set of reports.
public struct RankingSummary: Sendable {
    public struct WeakSpot: Sendable, Hashable {
        public var id: String
        public var name: String
        /// Mean share of the weight achieved across reports.
        public var meanValue: Double
        /// Mean points lost (weight minus score).
        public var meanLost: Double
        public var reports: Int
    }

    public var count: Int
    /// Every grade of the rubric, highest first, with how many reports got it.
    public var grades: [(grade: String, count: Int)]
    public var mean: Double?
    public var median: Double?
    public var min: Double?
    public var max: Double?
    /// Sub-components with the lowest mean share achieved: where help is needed first.
    public var weakest: [WeakSpot]

    public init(cards: [ScoreCard], rubric: Rubric?, weakest limit: Int = 5) {
        let totals = cards.map(\.total)
        count = cards.count
        mean = Statistics.mean(totals)
        median = Statistics.median(totals)
        min = totals.min()
        max = totals.max()
        // A rubric has a handful of grades: counted in a short list, no grade hashed per card.
        var counts: [(grade: String, count: Int)] = []
        for card in cards.indices {
            let grade = cards[card].grade.grade
            if let i = counts.firstIndex(where: { $0.grade == grade }) { counts[i].count += 1 } else { counts.append((grade, 1)) }
        }
        let order = rubric?.grades.map(\.grade) ?? counts.map(\.grade).sorted()
        grades = order.map { grade in (grade, counts.first { $0.grade == grade }?.count ?? 0) }

        // Sub-components are compared within the rubric they belong to. Cards of one rubric list
        // them in the same order, so a sub-component is first looked for at its position, and
        // by id only when that misses. Reached by index, so no card or score is copied.
        let rubricID = rubric?.id
        var sums: [(id: String, name: String, value: Double, lost: Double, reports: Int)] = []
        var slot: [String: Int] = [:]
        for card in cards.indices where rubricID == nil || cards[card].rubricID == rubricID {
            var position = 0
            for component in cards[card].components.indices {
                let subs = cards[card].components[component].subcomponents
                for s in subs.indices {
                    let i: Int
                    if position < sums.count, sums[position].id == subs[s].id {
                        i = position
                    } else if let known = slot[subs[s].id] {
                        i = known
                    } else {
                        i = sums.count
                        slot[subs[s].id] = i
                        sums.append((subs[s].id, subs[s].name, 0, 0, 0))
                    }
                    sums[i].value += subs[s].value
                    sums[i].lost += subs[s].weight - subs[s].score
                    sums[i].reports += 1
                    position += 1
                }
            }
        }
        let spots = sums.enumerated().map { order, entry in
            (WeakSpot(id: entry.id, name: entry.name, meanValue: entry.value / Double(entry.reports), meanLost: entry.lost / Double(entry.reports), reports: entry.reports), order)
        }
        weakest = spots.sorted { ($0.0.meanValue, $0.1) < ($1.0.meanValue, $1.1) }.prefix(limit).map(\.0)
    }
}

/// What dropping one component or sub-component does to the ranking: its weight is removed and
/// the rest renormalised (a component's weight spread over the other components; a
/// sub-component's over the other sub-components of its component), the reports re-ranked with
/// competition ranks, and the ranks compared with the nominal ones, as COINr's
/// `remove_elements` does.
public enum ComponentRemoval {
    public struct Impact: Sendable, Hashable, Codable {
        /// The node removed: a component or sub-component id.
        public var component: String
        public var level: String
        public var meanAbsRankChange: Double
        public var maxAbsRankChange: Int
        /// The agencies that move most, largest move first (ties by agency id).
        public var movers: [Mover]

        private enum CodingKeys: String, CodingKey {
            case component, level, meanAbsRankChange = "mean_abs_rank_change", maxAbsRankChange = "max_abs_rank_change", movers
        }
    }

    public struct Mover: Sendable, Hashable, Codable {
        public var agency: String
        public var nominalRank: Int
        public var rank: Int

        /// Positive when the agency moves up (to a smaller rank).
        public var change: Int { nominalRank - rank }

        private enum CodingKeys: String, CodingKey { case agency, nominalRank = "nominal_rank", rank, change }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(agency, forKey: .agency)
            try container.encode(nominalRank, forKey: .nominalRank)
            try container.encode(rank, forKey: .rank)
            try container.encode(change, forKey: .change)
        }

        public init(agency: String, nominalRank: Int, rank: Int) {
            self.agency = agency
            self.nominalRank = nominalRank
            self.rank = rank
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            self.init(agency: try container.decode(String.self, forKey: .agency), nominalRank: try container.decode(Int.self, forKey: .nominalRank),
                      rank: try container.decode(Int.self, forKey: .rank))
        }
    }

    /// Every component, then every sub-component, in rubric order. A component with a single
    /// sub-component has that sub-component's removal equal to its own.
    public static func impacts(rubric: Rubric, cards: [ScoreCard], movers: Int = 3) -> [Impact] {
        let nominalWeights = rubric.subcomponents.map(\.weight)
        let model = RankModel(cards: cards, subs: nominalWeights.count)
        var scores: [Double] = []
        model.scores(nominalWeights, into: &scores)
        let nominal = Ranking.competitionRanks(scores)
        var ranges: [Range<Int>] = []
        var start = 0
        for component in rubric.components {
            ranges.append(start..<(start + component.subcomponents.count))
            start += component.subcomponents.count
        }
        func impact(_ id: String, _ level: String, _ weights: [Double]) -> Impact {
            model.scores(weights, into: &scores)
            let ranks = Ranking.competitionRanks(scores)
            let changes = ranks.indices.map { abs(ranks[$0] - nominal[$0]) }
            let top = changes.indices.filter { changes[$0] > 0 }
                .sorted { (changes[$0], cards[$1].agency) > (changes[$1], cards[$0].agency) }
                .prefix(movers).map { Mover(agency: cards[$0].agency, nominalRank: nominal[$0], rank: ranks[$0]) }
            return Impact(component: id, level: level, meanAbsRankChange: cards.isEmpty ? 0 : Double(changes.reduce(0, +)) / Double(cards.count),
                          maxAbsRankChange: changes.max() ?? 0, movers: Array(top))
        }
        var impacts: [Impact] = []
        // Ranks do not change when every weight is scaled alike, so renormalising the remaining
        // components to the total is left out: zeroing the component gives the same ranks.
        for (c, component) in rubric.components.enumerated() {
            var weights = nominalWeights
            for s in ranges[c] { weights[s] = 0 }
            impacts.append(impact(component.id, "component", weights))
        }
        for (c, component) in rubric.components.enumerated() {
            for s in ranges[c] {
                var weights = nominalWeights
                let rest = ranges[c].filter { $0 != s }.reduce(0.0) { $0 + nominalWeights[$1] }
                for t in ranges[c] { weights[t] = t == s || rest == 0 ? 0 : nominalWeights[t] * component.weight / rest }
                impacts.append(impact(rubric.subcomponents[s].id, "sub-component", weights))
            }
        }
        return impacts
    }
}

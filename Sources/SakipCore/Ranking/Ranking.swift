/// What a ranking orders by.
public enum RankKey: Sendable, Hashable, CustomStringConvertible {
    case total
    case component(String)

    /// Parses `score` (or `total`) and `component:ID`.
    public init?(_ text: String) {
        if text == "score" || text == "total" {
            self = .total
        } else if text.hasPrefix("component:"), text.count > "component:".count {
            self = .component(String(text.dropFirst("component:".count)))
        } else {
            return nil
        }
    }

    public var description: String {
        switch self {
        case .total: "score"
        case .component(let id): "component:\(id)"
        }
    }

    /// The value ranked, or nil when the card's rubric has no such component.
    public func value(of card: ScoreCard) -> Double? {
        switch self {
        case .total: card.total
        case .component(let id): card.components.first { $0.id == id }?.score
        }
    }
}

public enum Movement: String, Sendable, Hashable {
    case up, down, same
}

/// A report's place in a ranking.
public struct RankedEntry: Sendable {
    public var card: ScoreCard
    public var rank: Int
    /// Rank of each component's score among the ranked reports, by component id.
    public var componentRanks: [String: Int]
    public var previous: PreviousStanding?
}

/// The same agency in the previous year's ranking.
public struct PreviousStanding: Sendable {
    public var card: ScoreCard
    public var rank: Int
    public var delta: Double
    public var gradeMovement: Movement
    /// Places gained (positive) or lost (negative).
    public var rankMovement: Int
}

public enum Ranking {
    /// Competition ranks ("1224"), highest value first, on exact values: equal values share a rank
    /// and the next rank skips. Returns a rank per input position.
    public static func competitionRanks(_ values: [Double]) -> [Int] {
        let order = values.indices.sorted { values[$0] > values[$1] }
        var ranks = [Int](repeating: 0, count: values.count)
        for (position, index) in order.enumerated() {
            if position > 0, values[order[position - 1]] == values[index] {
                ranks[index] = ranks[order[position - 1]]
            } else {
                ranks[index] = position + 1
            }
        }
        return ranks
    }

    /// Ranks cards by `key`, ties listed by agency id; reports without the key's component are left out.
    /// With `previous` cards, each entry carries its movement against the same agency there.
    public static func rank(_ cards: [ScoreCard], by key: RankKey, previous: [ScoreCard] = []) -> [RankedEntry] {
        let ranked = cards.filter { key.value(of: $0) != nil }
        let ranks = competitionRanks(ranked.map { key.value(of: $0)! })
        let componentIDs = orderedComponentIDs(ranked)
        var componentRanks = [[String: Int]](repeating: Dictionary(minimumCapacity: componentIDs.count), count: ranked.count)
        for id in componentIDs {
            let holders = ranked.indices.filter { i in ranked[i].components.contains { $0.id == id } }
            let scores = holders.map { i in ranked[i].components.first { $0.id == id }!.score }
            for (position, rank) in zip(holders, competitionRanks(scores)) { componentRanks[position][id] = rank }
        }

        let previousRanked = previous.filter { key.value(of: $0) != nil }
        let previousRanks = competitionRanks(previousRanked.map { key.value(of: $0)! })
        var previousByAgency: [String: (ScoreCard, Int)] = [:]
        for (card, rank) in zip(previousRanked, previousRanks) { previousByAgency[card.agency] = (card, rank) }

        // Entries are built in their final order: sorting the indices moves integers, where
        // sorting the entries would move whole score cards.
        let order = ranked.indices.sorted { (ranks[$0], ranked[$0].agency, $0) < (ranks[$1], ranked[$1].agency, $1) }
        var entries: [RankedEntry] = []
        entries.reserveCapacity(ranked.count)
        for i in order {
            let card = ranked[i]
            let standing = previousByAgency[card.agency].map { earlier, earlierRank in
                PreviousStanding(
                    card: earlier, rank: earlierRank, delta: key.value(of: card)! - key.value(of: earlier)!,
                    gradeMovement: movement(from: earlier, to: card), rankMovement: earlierRank - ranks[i])
            }
            entries.append(RankedEntry(card: card, rank: ranks[i], componentRanks: componentRanks[i], previous: standing))
        }
        return entries
    }

    /// Component ids in first-seen order.
    public static func orderedComponentIDs(_ cards: [ScoreCard]) -> [String] {
        var seen = Set<String>()
        var ids: [String] = []
        for card in cards {
            for component in card.components where seen.insert(component.id).inserted { ids.append(component.id) }
        }
        return ids
    }

    /// Up when the grade band is higher than before. Grades are compared by the band's lower bound,
    /// so rubrics with the same bands but different letters still compare.
    static func movement(from earlier: ScoreCard, to later: ScoreCard) -> Movement {
        if later.grade.above > earlier.grade.above { return .up }
        if later.grade.above < earlier.grade.above { return .down }
        return .same
    }
}

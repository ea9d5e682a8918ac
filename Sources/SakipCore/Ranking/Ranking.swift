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
    /// Rank of each of the card's components (in the card's order) among the ranked reports.
    public var rankOfComponent: [Int]
    public var previous: PreviousStanding?

    /// Rank of each component's score among the ranked reports, by component id.
    public var componentRanks: [String: Int] {
        Dictionary(zip(card.components.map(\.id), rankOfComponent)) { first, _ in first }
    }
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
    /// - Parameter jobs: threads the components' ranks may be computed with (0: one per
    ///   processor); the ranking never depends on it.
    public static func rank(_ cards: [ScoreCard], by key: RankKey, previous: [ScoreCard] = [], jobs: Int = 1) -> [RankedEntry] {
        let ranked = cards.keeping { key.value(of: $0) != nil }
        let ranks = competitionRanks(ranked.map { key.value(of: $0)! })
        let componentRanks = componentRanks(ranked, jobs: jobs)

        let previousRanked = previous.keeping { key.value(of: $0) != nil }
        let previousRanks = competitionRanks(previousRanked.map { key.value(of: $0)! })
        var previousByAgency: [String: (ScoreCard, Int)] = [:]
        for (card, rank) in zip(previousRanked, previousRanks) { previousByAgency[card.agency] = (card, rank) }

        // Entries are built in their final order: sorting the indices moves integers, where
        // sorting the entries would move whole score cards.
        // The agency ids are read only for equal ranks.
        let order = ranked.indices.sorted { a, b in
            if ranks[a] != ranks[b] { return ranks[a] < ranks[b] }
            let (first, second) = (ranked[a].agency, ranked[b].agency)
            return first != second ? first < second : a < b
        }
        var entries: [RankedEntry] = []
        entries.reserveCapacity(ranked.count)
        for i in order {
            let card = ranked[i]
            // Without a previous year there is nothing to look up (and no agency id to hash).
            let standing = (previousByAgency.isEmpty ? nil : previousByAgency[card.agency]).map { earlier, earlierRank in
                PreviousStanding(
                    card: earlier, rank: earlierRank, delta: key.value(of: card)! - key.value(of: earlier)!,
                    gradeMovement: movement(from: earlier, to: card), rankMovement: earlierRank - ranks[i])
            }
            entries.append(RankedEntry(card: card, rank: ranks[i], rankOfComponent: componentRanks[i], previous: standing))
        }
        return entries
    }

    /// Each card's components' competition ranks among the cards that have the component, in
    /// the card's order.
    static func componentRanks(_ cards: [ScoreCard], jobs: Int = 1) -> [[Int]] {
        guard let first = cards.first else { return [] }
        let ids = first.components.map(\.id)
        func listsIDs(_ card: ScoreCard) -> Bool {
            guard card.components.count == ids.count else { return false }
            for c in ids.indices where card.components[c].id != ids[c] { return false }
            return true
        }
        // Cards of one rubric list the same components in the same order: ranked column by column.
        if cards.allSatisfy(listsIDs) {
            // Each column is sorted on its own: a worker per column.
            let columns = Parallel.map(Array(ids.indices), jobs: jobs, progress: nil) { c in
                competitionRanks(cards.map { $0.components[c].score })
            }
            return cards.indices.map { i in columns.map { $0[i] } }
        }
        var result = cards.map { [Int](repeating: 0, count: $0.components.count) }
        for id in orderedComponentIDs(cards) {
            let holders = cards.indices.compactMap { i in cards[i].components.firstIndex { $0.id == id }.map { (card: i, position: $0) } }
            let ranks = competitionRanks(holders.map { cards[$0.card].components[$0.position].score })
            for (holder, rank) in zip(holders, ranks) { result[holder.card][holder.position] = rank }
        }
        return result
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

extension Array {
    /// The elements that satisfy `isKept`; the array itself (no copy) when all do, as they
    /// usually do when ranking score cards.
    func keeping(_ isKept: (Element) -> Bool) -> [Element] {
        allSatisfy(isKept) ? self : filter(isKept)
    }
}

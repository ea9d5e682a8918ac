import SQLKit
import SakipCore

/// The indicators (IKU) and budget a report states, as stored for one agency and year.
public struct AgencyFacts: Sendable, Hashable {
    public var indicators: [Indicator]
    public var budget: Budget?

    public init(indicators: [Indicator] = [], budget: Budget? = nil) {
        self.indicators = indicators
        self.budget = budget
    }
}

extension Store {
    private struct IndicatorRow: Decodable {
        var agency: String
        var indicator: String
        var name: String?
        var unit: String?
        var polarity: String
        var target: Double?
        var target_low: Double?
        var target_high: Double?
        var realization: Double
        var weight: Double

        var value: Indicator {
            let target: Indicator.Target = if let target_low, let target_high { .range(low: target_low, high: target_high) } else { .value(self.target ?? 0) }
            return Indicator(id: indicator, name: name, unit: unit, polarity: Polarity(rawValue: polarity) ?? .positive,
                             target: target, realization: realization, weight: weight)
        }
    }

    private struct BudgetRow: Decodable {
        var agency: String
        var ceiling: Double
        var realized: Double
    }

    /// Every agency's indicators and budget in a period, inside a snapshot.
    static func facts(_ database: any SQLDatabase, year: Int, agency: String? = nil) async throws -> [String: AgencyFacts] {
        var facts: [String: AgencyFacts] = [:]
        let filter: SQLQueryString = agency.map { "AND agency = \(bind: $0)" } ?? ""
        let indicators = try await database.raw("SELECT * FROM indicators WHERE year = \(bind: year) \(filter) ORDER BY agency, position")
            .all(decoding: IndicatorRow.self)
        for row in indicators { facts[row.agency, default: AgencyFacts()].indicators.append(row.value) }
        for row in try await database.raw("SELECT * FROM budgets WHERE year = \(bind: year) \(filter)").all(decoding: BudgetRow.self) {
            facts[row.agency, default: AgencyFacts()].budget = Budget(ceiling: row.ceiling, realized: row.realized)
        }
        return facts
    }

    /// Replaces an agency's indicators (when the report has any) and budget (when it has one).
    static func putFacts(_ database: any SQLDatabase, year: Int, agency: String, facts: AgencyFacts, by user: String, at now: String) async throws {
        try await touch(database, year: year, agency: agency)
        if !facts.indicators.isEmpty {
            try await database.raw("DELETE FROM indicators WHERE year = \(bind: year) AND agency = \(bind: agency)").run()
            for (position, indicator) in facts.indicators.enumerated() {
                var target: Double?, low: Double?, high: Double?
                switch indicator.target {
                case .value(let value): target = value
                case .range(let l, let h): (low, high) = (l, h)
                }
                try await database.raw("""
                    INSERT INTO indicators (year, agency, indicator, position, name, unit, polarity, target, target_low, target_high,
                      realization, weight, updated_by, updated_at)
                    VALUES (\(bind: year), \(bind: agency), \(bind: indicator.id), \(bind: position), \(bind: indicator.name),
                      \(bind: indicator.unit), \(bind: indicator.polarity.rawValue), \(bind: target), \(bind: low), \(bind: high),
                      \(bind: indicator.realization), \(bind: indicator.weight), \(bind: user), \(bind: now))
                    """).run()
            }
        }
        if let budget = facts.budget {
            try await database.raw("""
                INSERT INTO budgets (year, agency, ceiling, realized, updated_by, updated_at)
                VALUES (\(bind: year), \(bind: agency), \(bind: budget.ceiling), \(bind: budget.realized), \(bind: user), \(bind: now))
                ON CONFLICT (year, agency) DO UPDATE SET ceiling = excluded.ceiling, realized = excluded.realized,
                  updated_by = excluded.updated_by, updated_at = excluded.updated_at
                """).run()
        }
    }
}

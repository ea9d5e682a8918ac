import SQLKit

extension Store {
    /// A `periods` row as stored.
    struct PeriodRow: Decodable {
        var year: Int
        var rubric: String
        var state: String
        var revision: Int
        var created_at: String
        var published_at: String?

        var period: Period {
            Period(year: year, rubric: rubric, state: PeriodState(rawValue: state) ?? .locked, revision: revision,
                   createdAt: created_at, publishedAt: published_at)
        }
    }

    public func addPeriod(year: Int, rubric: String) async throws -> Period {
        let now = Self.now()
        try await backend.write { database in
            if try await database.raw("SELECT year FROM periods WHERE year = \(bind: year)").first() != nil {
                throw StoreError.exists("the period \(year)")
            }
            try await database.raw("""
                INSERT INTO periods (year, rubric, state, revision, created_at)
                VALUES (\(bind: year), \(bind: rubric), 'open', 0, \(bind: now))
                """).run()
        }
        guard let period = try await period(year) else { throw StoreError.notFound("period \(year)") }
        return period
    }

    public func periods() async throws -> [Period] {
        try await backend.read { database in
            try await database.raw("SELECT * FROM periods ORDER BY year").all(decoding: PeriodRow.self).map(\.period)
        }
    }

    public func period(_ year: Int) async throws -> Period? {
        try await backend.read { database in
            try await database.raw("SELECT * FROM periods WHERE year = \(bind: year)").first(decoding: PeriodRow.self)?.period
        }
    }

    /// Moves a period to `state`; publishing stamps the moment.
    public func setState(_ year: Int, _ state: PeriodState) async throws -> Period {
        let now = Self.now()
        let published: String? = state == .published ? now : nil
        try await backend.write { database in
            guard try await database.raw("""
                UPDATE periods SET state = \(bind: state.rawValue), published_at = \(bind: published), revision = revision + 1
                WHERE year = \(bind: year) RETURNING year
                """).first() != nil
            else { throw StoreError.notFound("period \(year)") }
        }
        guard let period = try await period(year) else { throw StoreError.notFound("period \(year)") }
        return period
    }

    /// Within a write: the period as this transaction sees it, its revision counted up.
    static func touch(_ database: any SQLDatabase, year: Int) async throws -> Period? {
        try await database.raw("UPDATE periods SET revision = revision + 1 WHERE year = \(bind: year) RETURNING *")
            .first(decoding: PeriodRow.self)?.period
    }
}

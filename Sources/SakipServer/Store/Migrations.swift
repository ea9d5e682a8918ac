import SQLKit

/// The schema, as numbered steps run in order on start, each in its own transaction with the
/// version it reaches. A database at a higher version than this binary knows is refused rather
/// than half-understood.
enum Migrations {
    /// Each step's statements. Only ever append: a released step never changes.
    static func steps(_ kind: DatabaseKind) -> [[String]] {
        let serial = kind == .sqlite ? "INTEGER PRIMARY KEY AUTOINCREMENT" : "BIGSERIAL PRIMARY KEY"
        let blob = kind == .sqlite ? "BLOB" : "BYTEA"
        return [
            [
                """
                CREATE TABLE users (id \(serial), username TEXT NOT NULL UNIQUE, password_hash TEXT,
                  role TEXT NOT NULL, agency TEXT, language TEXT NOT NULL DEFAULT 'id',
                  disabled INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL)
                """,
                "CREATE TABLE user_regions (user_id BIGINT NOT NULL REFERENCES users(id), region TEXT NOT NULL, PRIMARY KEY (user_id, region))",
                """
                CREATE TABLE tokens (id \(serial), user_id BIGINT NOT NULL REFERENCES users(id),
                  digest TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL, revoked_at TEXT)
                """,
                """
                CREATE TABLE sessions (digest TEXT PRIMARY KEY, user_id BIGINT NOT NULL REFERENCES users(id),
                  csrf TEXT NOT NULL, expires_at TEXT NOT NULL)
                """,
                """
                CREATE TABLE periods (year INTEGER PRIMARY KEY, rubric TEXT NOT NULL, state TEXT NOT NULL,
                  revision BIGINT NOT NULL DEFAULT 0, created_at TEXT NOT NULL, published_at TEXT)
                """,
                "CREATE TABLE agencies (id TEXT PRIMARY KEY, name TEXT NOT NULL, region TEXT NOT NULL)",
                """
                CREATE TABLE answers (year INTEGER NOT NULL REFERENCES periods(year),
                  agency TEXT NOT NULL REFERENCES agencies(id), criterion TEXT NOT NULL, stage TEXT NOT NULL,
                  value TEXT NOT NULL, note TEXT, evidence TEXT, version BIGINT NOT NULL,
                  updated_by TEXT NOT NULL, updated_at TEXT NOT NULL,
                  PRIMARY KEY (year, agency, criterion, stage))
                """,
                """
                CREATE TABLE submissions (id \(serial), year INTEGER NOT NULL REFERENCES periods(year),
                  filename TEXT NOT NULL, content_type TEXT NOT NULL, bytes \(blob) NOT NULL,
                  sent_by TEXT NOT NULL, sent_at TEXT NOT NULL)
                """,
                """
                CREATE TABLE answer_history (id \(serial), year INTEGER NOT NULL, agency TEXT NOT NULL,
                  criterion TEXT NOT NULL, stage TEXT NOT NULL, old_value TEXT, new_value TEXT NOT NULL,
                  note TEXT, evidence TEXT, version BIGINT NOT NULL, changed_by TEXT NOT NULL,
                  changed_at TEXT NOT NULL, submission BIGINT REFERENCES submissions(id))
                """,
                "CREATE INDEX answer_history_answer ON answer_history (year, agency, criterion, id)",
            ],
            // Version 2: what a report states beside its answers, for the achievement and the
            // efficiency check. Replaced whole by each submission that carries them.
            [
                """
                CREATE TABLE indicators (year INTEGER NOT NULL REFERENCES periods(year),
                  agency TEXT NOT NULL REFERENCES agencies(id), indicator TEXT NOT NULL, position INTEGER NOT NULL,
                  name TEXT, unit TEXT, polarity TEXT NOT NULL, target DOUBLE PRECISION, target_low DOUBLE PRECISION,
                  target_high DOUBLE PRECISION, realization DOUBLE PRECISION NOT NULL, weight DOUBLE PRECISION NOT NULL,
                  updated_by TEXT NOT NULL, updated_at TEXT NOT NULL, PRIMARY KEY (year, agency, indicator))
                """,
                """
                CREATE TABLE budgets (year INTEGER NOT NULL REFERENCES periods(year),
                  agency TEXT NOT NULL REFERENCES agencies(id), ceiling DOUBLE PRECISION NOT NULL,
                  realized DOUBLE PRECISION NOT NULL, updated_by TEXT NOT NULL, updated_at TEXT NOT NULL,
                  PRIMARY KEY (year, agency))
                """,
            ],
            // Version 3: a count of the changes to each agency's answers, indicators and budget,
            // so that its score is computed again only when it changed.
            [
                """
                CREATE TABLE agency_revisions (year INTEGER NOT NULL REFERENCES periods(year),
                  agency TEXT NOT NULL REFERENCES agencies(id), revision BIGINT NOT NULL, PRIMARY KEY (year, agency))
                """,
                """
                INSERT INTO agency_revisions (year, agency, revision)
                SELECT year, agency, 1 FROM answers GROUP BY year, agency
                """,
            ],
            // Version 4: evidence files attached to an answer from the pages, kept as they came,
            // with who sent them; the answer's evidence is a link to one.
            [
                """
                CREATE TABLE evidence_files (id \(serial), year INTEGER NOT NULL REFERENCES periods(year),
                  agency TEXT NOT NULL REFERENCES agencies(id), criterion TEXT NOT NULL, stage TEXT NOT NULL,
                  filename TEXT NOT NULL, content_type TEXT NOT NULL, bytes \(blob) NOT NULL,
                  sent_by TEXT NOT NULL, sent_at TEXT NOT NULL)
                """,
            ],
        ]
    }

    /// The newest version this binary knows.
    static func latest(_ kind: DatabaseKind) -> Int { steps(kind).count }

    /// Brings the database to `latest`, or refuses one that is ahead of it.
    static func run(on backend: any SQLBackend) async throws {
        try await backend.write { database in
            try await database.raw("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)").run()
        }
        let steps = steps(backend.kind)
        let current = try await version(backend)
        if current > steps.count { throw StoreError.newerSchema(database: current, binary: steps.count) }
        for (index, statements) in steps.enumerated() where index >= current {
            try await backend.write { database in
                for statement in statements { try await database.raw(SQLQueryString(statement)).run() }
                try await database.raw("DELETE FROM schema_version").run()
                try await database.raw("INSERT INTO schema_version (version) VALUES (\(bind: index + 1))").run()
            }
        }
    }

    static func version(_ backend: any SQLBackend) async throws -> Int {
        try await backend.read { database in
            try await database.raw("SELECT version FROM schema_version").first(decoding: Version.self)?.version ?? 0
        }
    }

    private struct Version: Decodable { var version: Int }
}

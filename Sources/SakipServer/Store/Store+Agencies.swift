import SQLKit

extension Store {
    /// Creates an agency or renames it and moves it to another region.
    @discardableResult
    public func putAgency(_ agency: Agency) async throws -> Agency {
        try await backend.write { database in
            try await Self.putAgency(agency, database)
        }
        return agency
    }

    static func putAgency(_ agency: Agency, _ database: any SQLDatabase) async throws {
        try await database.raw("""
            INSERT INTO agencies (id, name, region) VALUES (\(bind: agency.id), \(bind: agency.name), \(bind: agency.region))
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, region = excluded.region
            """).run()
    }

    public func agencies() async throws -> [Agency] {
        try await backend.read { database in
            try await database.raw("SELECT id, name, region FROM agencies ORDER BY id").all(decoding: Agency.self)
        }
    }

    public func agency(_ id: String) async throws -> Agency? {
        try await backend.read { database in
            try await database.raw("SELECT id, name, region FROM agencies WHERE id = \(bind: id)").first(decoding: Agency.self)
        }
    }
}

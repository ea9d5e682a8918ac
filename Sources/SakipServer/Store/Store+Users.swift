import SQLKit

extension Store {
    private struct UserRow: Decodable {
        var id: Int
        var username: String
        var password_hash: String?
        var role: String
        var agency: String?
        var language: String
        var disabled: Int
        var created_at: String
    }

    private struct RegionRow: Decodable {
        var user_id: Int
        var region: String
    }

    /// Adds a user; its password hash is set separately (`setPassword`), so a user may exist
    /// with only tokens.
    public func addUser(_ username: String, role: Role, regions: [String], agency: String?, language: String = "id") async throws -> User {
        let now = Self.now()
        let id: Int = try await backend.write { database in
            if try await database.raw("SELECT id FROM users WHERE username = \(bind: username)").first() != nil {
                throw StoreError.exists("the user '\(username)'")
            }
            guard let row = try await database.raw("""
                INSERT INTO users (username, role, agency, language, disabled, created_at)
                VALUES (\(bind: username), \(bind: role.rawValue), \(bind: agency), \(bind: language), 0, \(bind: now))
                RETURNING id
                """).first()
            else { throw StoreError.notFound("id for the new user") }
            let id = try row.decode(column: "id", as: Int.self)
            for region in Set(regions).sorted() {
                try await database.raw("INSERT INTO user_regions (user_id, region) VALUES (\(bind: id), \(bind: region))").run()
            }
            return id
        }
        guard let user = try await user(id: id) else { throw StoreError.notFound("user \(username)") }
        return user
    }

    public func users() async throws -> [User] {
        try await backend.read { database in
            let rows = try await database.raw("SELECT * FROM users ORDER BY username").all(decoding: UserRow.self)
            let regions = try await database.raw("SELECT * FROM user_regions ORDER BY region").all(decoding: RegionRow.self)
            return rows.map { row in Self.user(row, regions: regions.filter { $0.user_id == row.id }.map(\.region)) }
        }
    }

    public func user(named username: String) async throws -> User? {
        try await backend.read { database in
            try await Self.user(database, row: database.raw("SELECT * FROM users WHERE username = \(bind: username)").first(decoding: UserRow.self))
        }
    }

    func user(id: Int) async throws -> User? {
        try await backend.read { database in
            try await Self.user(database, row: database.raw("SELECT * FROM users WHERE id = \(bind: id)").first(decoding: UserRow.self))
        }
    }

    private static func user(_ database: any SQLDatabase, row: UserRow?) async throws -> User? {
        guard let row else { return nil }
        let regions = try await database.raw("SELECT * FROM user_regions WHERE user_id = \(bind: row.id) ORDER BY region")
            .all(decoding: RegionRow.self)
        return user(row, regions: regions.map(\.region))
    }

    private static func user(_ row: UserRow, regions: [String]) -> User {
        User(id: row.id, username: row.username, role: Role(rawValue: row.role) ?? .viewer, regions: regions,
             agency: row.agency, language: row.language, disabled: row.disabled != 0, createdAt: row.created_at)
    }

    /// The stored password hash of an enabled user, for signing in.
    func passwordHash(of username: String) async throws -> (User, String)? {
        let row = try await backend.read { database in
            try await database.raw("SELECT * FROM users WHERE username = \(bind: username) AND disabled = 0").first(decoding: UserRow.self)
        }
        guard let row, let hash = row.password_hash, let user = try await user(id: row.id) else { return nil }
        return (user, hash)
    }

    public func setPassword(_ username: String, hash: String) async throws {
        try await backend.write { database in
            guard try await database.raw("UPDATE users SET password_hash = \(bind: hash) WHERE username = \(bind: username) RETURNING id").first() != nil
            else { throw StoreError.notFound("user '\(username)'") }
            // A new password ends every session signed in with the old one.
            try await database.raw("DELETE FROM sessions WHERE user_id IN (SELECT id FROM users WHERE username = \(bind: username))").run()
        }
    }

    /// The language a user's pages are in (`id` or `en`).
    public func setLanguage(_ username: String, _ language: String) async throws {
        try await backend.write { database in
            guard try await database.raw("UPDATE users SET language = \(bind: language) WHERE username = \(bind: username) RETURNING id").first() != nil
            else { throw StoreError.notFound("user '\(username)'") }
        }
    }

    /// Disables (or enables) a user: its sessions end and its tokens stop working.
    public func setDisabled(_ username: String, _ disabled: Bool) async throws {
        try await backend.write { database in
            guard try await database.raw("UPDATE users SET disabled = \(bind: disabled ? 1 : 0) WHERE username = \(bind: username) RETURNING id").first() != nil
            else { throw StoreError.notFound("user '\(username)'") }
            try await database.raw("DELETE FROM sessions WHERE user_id IN (SELECT id FROM users WHERE username = \(bind: username))").run()
        }
    }

    // MARK: Tokens and sessions

    /// Keeps a token's digest (never the token) for a user.
    func addToken(userID: Int, digest: String) async throws {
        let now = Self.now()
        try await backend.write { database in
            try await database.raw("INSERT INTO tokens (user_id, digest, created_at) VALUES (\(bind: userID), \(bind: digest), \(bind: now))").run()
        }
    }

    /// Revokes every token of a user.
    public func revokeTokens(of username: String) async throws {
        let now = Self.now()
        try await backend.write { database in
            try await database.raw("""
                UPDATE tokens SET revoked_at = \(bind: now)
                WHERE revoked_at IS NULL AND user_id IN (SELECT id FROM users WHERE username = \(bind: username))
                """).run()
        }
    }

    /// The enabled user a live token digest belongs to.
    func user(tokenDigest digest: String) async throws -> User? {
        // One read: the user row by its token, then its regions.
        try await backend.read { database in
            try await Self.user(database, row: database.raw("""
                SELECT users.* FROM tokens JOIN users ON users.id = tokens.user_id
                WHERE tokens.digest = \(bind: digest) AND tokens.revoked_at IS NULL AND users.disabled = 0
                """).first(decoding: UserRow.self))
        }
    }

    func addSession(userID: Int, digest: String, csrf: String, expiresAt: String) async throws {
        try await backend.write { database in
            try await database.raw("""
                INSERT INTO sessions (digest, user_id, csrf, expires_at)
                VALUES (\(bind: digest), \(bind: userID), \(bind: csrf), \(bind: expiresAt))
                """).run()
        }
    }

    /// The enabled user of a session that has not expired, and the session's CSRF token.
    func session(digest: String, now: String) async throws -> (User, csrf: String)? {
        let row = try await backend.read { database in
            try await database.raw("""
                SELECT sessions.user_id, sessions.csrf FROM sessions JOIN users ON users.id = sessions.user_id
                WHERE sessions.digest = \(bind: digest) AND sessions.expires_at > \(bind: now) AND users.disabled = 0
                """).first()
        }
        guard let row else { return nil }
        guard let user = try await user(id: try row.decode(column: "user_id", as: Int.self)) else { return nil }
        return (user, try row.decode(column: "csrf", as: String.self))
    }

    func deleteSession(digest: String) async throws {
        try await backend.write { database in
            try await database.raw("DELETE FROM sessions WHERE digest = \(bind: digest)").run()
        }
    }
}

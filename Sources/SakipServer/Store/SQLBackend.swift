import Logging
import SQLKit

/// The one query layer the store is written against: SQLKit, over SQLite or PostgreSQL.
///
/// SQLKit was chosen over GRDB (SQLite only) and Fluent (an ORM the store does not need): the
/// same SQL text, with bound parameters, runs on both databases, and each driver keeps its own
/// connection handling. Writes run in a transaction on a connection of their own; reads run
/// beside them (SQLite in WAL mode, PostgreSQL's MVCC), so a ranking is never blocked by saves.
protocol SQLBackend: Sendable {
    /// Which database this is, where the SQL differs (identity columns, upserts).
    var kind: DatabaseKind { get }
    /// Runs `body` on a connection that sees every committed write.
    func read<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R
    /// Runs `body` in a read-only transaction: every query sees the same committed state, and
    /// writers go on beside it.
    func snapshot<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R
    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    func write<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R
    /// Keeps the connections alive until the task is cancelled, then closes them.
    func run() async throws
    /// Closes every connection (for callers that never `run`: the command line, tests).
    func close() async
}

/// The databases the store runs on.
public enum DatabaseKind: String, Sendable {
    case sqlite, postgres
}

/// Runs `body` between `begin` and COMMIT, or ROLLBACK when it throws.
func inTransaction<R: Sendable>(
    _ database: any SQLDatabase, begin: String, _ body: @Sendable (any SQLDatabase) async throws -> R
) async throws -> R {
    try await database.raw(SQLQueryString(begin)).run()
    do {
        let result = try await body(database)
        try await database.raw("COMMIT").run()
        return result
    } catch {
        try? await database.raw("ROLLBACK").run()
        throw error
    }
}

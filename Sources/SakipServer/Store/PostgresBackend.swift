import Foundation
import Logging
import PostgresKit
import PostgresNIO
import SQLKit
import ServiceLifecycle

/// PostgreSQL through PostgresNIO's pooled client; each write is one transaction on one
/// connection, reads use any connection of the pool.
final class PostgresBackend: SQLBackend {
    let kind = DatabaseKind.postgres
    private let client: PostgresClient
    private let runner: Task<Void, Never>

    /// A client for `url` (`postgres://user:password@host:5432/database`), its pool running in
    /// a task of its own from the start: the migrations run before any service group does.
    init(url: String, logger: Logger) async throws {
        let client = PostgresClient(configuration: try Self.configuration(url), backgroundLogger: logger)
        self.client = client
        runner = Task { await client.run() }
        // Let the pool's task start before the first lease (which otherwise warns that it has not).
        for _ in 0..<16 { await Task.yield() }
    }

    static func configuration(_ url: String) throws -> PostgresClient.Configuration {
        guard let parts = URLComponents(string: url), ["postgres", "postgresql"].contains(parts.scheme ?? ""),
              let host = parts.host, !host.isEmpty
        else {
            throw StoreError.configuration("a PostgreSQL URL looks like postgres://user:password@host:5432/database, not '\(url)'")
        }
        let database = String(parts.path.drop { $0 == "/" })
        var configuration = PostgresClient.Configuration(
            host: host, port: parts.port ?? 5432, username: parts.user ?? "postgres",
            password: parts.password, database: database.isEmpty ? nil : database, tls: .disable)
        configuration.options.maximumConnections = 16
        return configuration
    }

    func read<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await client.withConnection { connection in try await body(connection.sql(queryLogLevel: nil)) }
    }

    func snapshot<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await client.withConnection { connection in
            try await inTransaction(connection.sql(queryLogLevel: nil), begin: "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", body)
        }
    }

    func write<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await client.withConnection { connection in
            try await inTransaction(connection.sql(queryLogLevel: nil), begin: "BEGIN", body)
        }
    }

    /// Waits for the service to stop, then closes the pool (after the last request in flight).
    func run() async throws {
        try? await gracefulShutdown()
        await close()
    }

    func close() async {
        runner.cancel()
        _ = await runner.value
    }
}

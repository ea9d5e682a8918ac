import Foundation
import Logging
import SQLKit
import SakipCore

/// Everything the service keeps: users and their credentials, periods, agencies, answers with
/// their history, and uploaded files. Every method that writes is one transaction.
public final class Store: Sendable {
    let backend: any SQLBackend

    init(backend: any SQLBackend) {
        self.backend = backend
    }

    /// Opens the store a configuration names, creating and migrating it as needed; its
    /// connections stay open until `close()`, or until the service stops (`run()`).
    public static func open(_ location: StoreLocation, logger: Logger) async throws -> Store {
        let backend: any SQLBackend
        switch location {
        case .sqlite(let directory):
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            backend = try await SQLiteBackend.open(path: directory + "/sakip.sqlite", logger: logger)
        case .postgres(let url):
            backend = try await PostgresBackend(url: url, logger: logger)
        }
        do {
            try await Migrations.run(on: backend)
        } catch {
            await backend.close()
            throw error
        }
        return Store(backend: backend)
    }

    public var kind: DatabaseKind { backend.kind }

    /// Keeps the connections until the service stops (a service of the service group).
    public func run() async throws { try await backend.run() }

    public func close() async { await backend.close() }

    /// An online, consistent copy of an SQLite store into `path`.
    public func backup(to path: String) async throws {
        guard let sqlite = backend as? SQLiteBackend else {
            throw StoreError.configuration("a PostgreSQL database is backed up with pg_dump")
        }
        if FileManager.default.fileExists(atPath: path) { throw StoreError.exists("the file \(path)") }
        try await sqlite.backup(to: path)
    }

    /// The moment of a write, as stored: UTC, to the millisecond, sortable as text.
    static func now() -> String { timestamp(Date()) }

    static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true).timeZone(separator: .omitted))
    }
}

/// Where the store lives.
public enum StoreLocation: Sendable, Hashable {
    /// An SQLite database in this folder (created on first start).
    case sqlite(directory: String)
    /// A PostgreSQL database, by URL.
    case postgres(url: String)

    /// `--database URL` when given, else `--data DIR`.
    public init(data: String, database: String?) {
        if let database { self = .postgres(url: database) } else { self = .sqlite(directory: data) }
    }
}

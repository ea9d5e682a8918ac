import Logging
import NIOPosix
import SQLKit
import SQLiteKit
import ServiceLifecycle

/// SQLite in WAL mode: one writer connection (SQLite allows one writer at a time; queuing here
/// rather than in `busy_timeout` keeps writes in arrival order) and a few readers beside it.
///
/// `synchronous = FULL` makes every commit reach the disk before the write is acknowledged, so a
/// process killed at any moment loses nothing it has answered for.
final class SQLiteBackend: SQLBackend {
    let kind = DatabaseKind.sqlite
    private let writer: AsyncPool<SQLiteConnection>
    private let readers: AsyncPool<SQLiteConnection>
    private let logger: Logger
    /// SQLite blocks the thread that calls it (an fsync at every commit): its calls run on
    /// threads of their own, one per connection, not on the two of the shared pool, where a
    /// commit waiting for the disk held back every read.
    private let threads: NIOThreadPool

    private init(writer: SQLiteConnection, readers: [SQLiteConnection], threads: NIOThreadPool, logger: Logger) {
        self.writer = AsyncPool([writer])
        self.readers = AsyncPool(readers)
        self.threads = threads
        self.logger = logger
    }

    /// Opens (creating when absent) the database file at `path`.
    static func open(path: String, readers: Int = 4, logger: Logger) async throws -> SQLiteBackend {
        let threads = NIOThreadPool(numberOfThreads: readers + 1)
        threads.start()
        let writer = try await connect(path, threads: threads, logger: logger)
        // WAL is a property of the file: set once, by the writer, before any reader opens it.
        _ = try await writer.query("PRAGMA journal_mode = WAL")
        var readerConnections: [SQLiteConnection] = []
        for _ in 0..<max(1, readers) {
            readerConnections.append(try await connect(path, threads: threads, logger: logger))
        }
        return SQLiteBackend(writer: writer, readers: readerConnections, threads: threads, logger: logger)
    }

    private static func connect(_ path: String, threads: NIOThreadPool, logger: Logger) async throws -> SQLiteConnection {
        let connection = try await SQLiteConnection.open(storage: .file(path: path), threadPool: threads, logger: logger,
                                                         on: MultiThreadedEventLoopGroup.singleton.any())
        for pragma in ["PRAGMA synchronous = FULL", "PRAGMA foreign_keys = ON", "PRAGMA busy_timeout = 10000"] {
            _ = try await connection.query(pragma)
        }
        return connection
    }

    func read<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await readers.with { connection in try await body(connection.sql(queryLogLevel: nil)) }
    }

    func snapshot<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await readers.with { connection in
            try await inTransaction(connection.sql(queryLogLevel: nil), begin: "BEGIN DEFERRED", body)
        }
    }

    func write<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await writer.with { connection in
            // IMMEDIATE takes the write lock at once: a transaction that read first and then
            // wrote could otherwise fail half-way with SQLITE_BUSY.
            try await inTransaction(connection.sql(queryLogLevel: nil), begin: "BEGIN IMMEDIATE", body)
        }
    }


    func run() async throws {
        try? await gracefulShutdown()
        await close()
    }

    func close() async {
        for connection in await writer.all + readers.all {
            try? await connection.close()
        }
        try? await threads.shutdownGracefully()
    }

    /// An online copy of the whole database into `path` (`VACUUM INTO`), consistent at one moment,
    /// taken while the service keeps serving.
    func backup(to path: String) async throws {
        try await readers.with { connection in
            try await connection.sql(queryLogLevel: nil).raw("VACUUM INTO \(bind: path)").run()
        }
    }
}

import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import SakipCore
import SakipRendering
import Testing
@testable import SakipServer

/// The databases the store tests run on: SQLite always, PostgreSQL when `.ci/run` (or a
/// developer) gives one in `SAKIP_TEST_POSTGRES` (an admin URL; each test makes a database).
enum TestDatabase: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite, postgres

    static var available: [TestDatabase] {
        postgresURL == nil ? [.sqlite] : [.sqlite, .postgres]
    }

    static let postgresURL = ProcessInfo.processInfo.environment["SAKIP_TEST_POSTGRES"]

    var testDescription: String { rawValue }

    /// A new, empty location for one test.
    func location() async throws -> StoreLocation {
        let name = "sakip_test_\(UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: ""))"
        switch self {
        case .sqlite:
            return .sqlite(directory: FileManager.default.temporaryDirectory.appendingPathComponent(name).path)
        case .postgres:
            guard let admin = Self.postgresURL else { throw StoreError.configuration("no SAKIP_TEST_POSTGRES") }
            let backend = try await PostgresBackend(url: admin, logger: Logger(label: "test"))
            try await backend.read { database in try await database.raw("CREATE DATABASE \(unsafeRaw: name)").run() }
            await backend.close()
            var parts = URLComponents(string: admin)!
            parts.path = "/" + name
            return .postgres(url: parts.string!)
        }
    }
}

/// A service with a period, four agencies in three regions, and a user of every kind, each
/// with a token.
struct Fixture: Sendable {
    let state: AppState
    let tokens: [String: String]
    static let year = 2024
    static let rubric = "permenpanrb-88-2021"

    static let agencies = [
        Agency(id: "kota-bandung", name: "Pemerintah Kota Bandung", region: "Jawa Barat"),
        Agency(id: "kab-bogor", name: "Pemerintah Kabupaten Bogor", region: "Jawa Barat"),
        Agency(id: "kab-merauke", name: "Pemerintah Kabupaten Merauke", region: "Papua Selatan"),
        Agency(id: "kota-pekanbaru", name: "Pemerintah Kota Pekanbaru", region: "Riau"),
    ]

    /// Every user of the fixture: name, role, regions, agency.
    static let users: [(String, Role, [String], String?)] = [
        ("office", .office, [], nil),
        ("eval-jabar", .evaluator, ["Jawa Barat"], nil),
        ("eval-papua", .evaluator, ["Papua Selatan"], nil),
        ("bandung", .agency, [], "kota-bandung"),
        ("merauke", .agency, [], "kab-merauke"),
        ("viewer-all", .viewer, [], nil),
        ("viewer-riau", .viewer, ["Riau"], nil),
    ]

    static let password = "rahasia-sekali"

    static func make(_ database: TestDatabase = .sqlite, period: Bool = true, sessionLifetime: Duration = .seconds(3600)) async throws -> Fixture {
        let logger = Logger(label: "test")
        let store = try await Store.open(try await database.location(), logger: logger)
        let state = AppState(store: store, configuration: ServerConfiguration(location: .sqlite(directory: "unused"), bcryptCost: 4, sessionLifetime: sessionLifetime))
        for agency in agencies { try await store.putAgency(agency) }
        var tokens: [String: String] = [:]
        for (name, role, regions, agency) in users {
            _ = try await store.addUser(name, role: role, regions: regions, agency: agency)
            try await state.accounts.setPassword(name, password)
            tokens[name] = try await state.accounts.newToken(for: name)
        }
        if period { _ = try await store.addPeriod(year: year, rubric: rubric) }
        return Fixture(state: state, tokens: tokens)
    }

    /// Runs `body` against the routes, in process.
    func test<R: Sendable>(_ body: @Sendable (Client) async throws -> R) async throws -> R {
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        let app = Application(router: buildRouter(state: state), logger: logger)
        defer { Task { [store = state.store] in await store.close() } }
        return try await app.test(.router) { client in try await body(Client(client: client, tokens: tokens)) }
    }

    /// A test client that signs requests as a fixture user.
    struct Client: Sendable {
        let client: any TestClientProtocol
        let tokens: [String: String]

        @discardableResult
        func send(_ method: HTTPRequest.Method, _ uri: String, as user: String?, json: String? = nil,
                  body: [UInt8]? = nil, headers: HTTPFields = [:]) async throws -> TestResponse {
            var headers = headers
            if let user { headers[.authorization] = "Bearer \(tokens[user]!)" }
            var buffer: ByteBuffer?
            if let json {
                headers[.contentType] = "application/json"
                buffer = ByteBuffer(string: json)
            } else if let body {
                buffer = ByteBuffer(bytes: body)
            }
            return try await client.execute(uri: uri, method: method, headers: headers, body: buffer)
        }
    }
}

extension Fixture {
    /// Kota Bandung's sample report as a filled LKE workbook with one letter off the scale at
    /// 1.2.1, the same workbook mended, and how many answers it holds.
    static func workbooks() throws -> (bad: [UInt8], good: [UInt8], answers: Int) {
        var template = try TemplateRequest(prefill: .path(packageRoot + "/samples/kota-bandung-2024.xml")).run()
        template.answers["1.2.1"] = "Q"
        let bad = try LKEWorkbookRenderer().workbook(template).data()
        template.answers["1.2.1"] = "A"
        return (bad, try LKEWorkbookRenderer().workbook(template).data(), template.answers.count)
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }
}

/// The package's folder, for its samples.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SakipCore
import Testing
@testable import SakipServer

/// Every page for every role and scope, as `AccessTableTests` does for the API: each cell's
/// status written out, while the period is open and once it is published; nobody signed in is
/// sent to sign in (a form they were sending is kept: 401 with the sign-in page); a posted form
/// without the session's CSRF token is refused.
@Suite struct PageAccessTableTests {
    static let users = AccessTableTests.users
    static let lke = "/periods/2024/agencies/kota-bandung"

    struct Row: Sendable, CustomTestStringConvertible {
        var method: HTTPRequest.Method
        var path: String
        var form: Form = .none
        var expected: [Int]
        var testDescription: String { "\(method) \(path)" }

        enum Form: Sendable {
            case none
            case fields([String: String])
            /// An answer at a stage, naming the version stored now.
            case answer(String, stage: String)
            /// A sample report file, uploaded.
            case file(String)
        }
    }

    static let open: [Row] = [
        Row(method: .get, path: "/", expected: [303, 303, 303, 303, 303, 200, 200]),
        Row(method: .get, path: "/office", expected: [200, 403, 403, 403, 403, 403, 403]),
        Row(method: .get, path: "/account", expected: [200, 200, 200, 200, 200, 200, 200]),
        Row(method: .get, path: "/periods/2024/agencies", expected: [200, 200, 200, 403, 403, 403, 403]),
        Row(method: .get, path: lke, expected: [200, 200, 404, 200, 404, 403, 404]),
        Row(method: .get, path: lke + "?component=2&stage=final", expected: [200, 200, 404, 200, 404, 403, 404]),
        Row(method: .get, path: "/periods/2024/agencies/kab-merauke", expected: [200, 404, 200, 404, 200, 403, 404]),
        Row(method: .get, path: lke + "/answers/1.1.1/history", expected: [200, 200, 404, 200, 404, 403, 404]),
        Row(method: .get, path: lke + "/template.xlsx", expected: [200, 200, 404, 200, 404, 403, 404]),
        Row(method: .get, path: lke + "/evidence/1", expected: [200, 200, 404, 200, 404, 403, 404]),
        Row(method: .get, path: lke + "/evidence/2", expected: [200, 200, 404, 404, 404, 403, 404]),
        Row(method: .get, path: "/periods/2024/agencies/kab-merauke/evidence/1", expected: [404, 404, 404, 404, 404, 403, 404]),
        Row(method: .get, path: "/periods/2024/results", expected: [200, 200, 200, 403, 403, 403, 403]),
        Row(method: .get, path: "/periods/2030/results", expected: [404, 404, 404, 404, 404, 404, 404]),
        Row(method: .get, path: "/periods/2024/results/gaps", expected: [200, 200, 200, 403, 403, 403, 403]),
        Row(method: .get, path: "/periods/2024/results/compare", expected: [200, 200, 200, 403, 403, 403, 403]),
        Row(method: .get, path: "/periods/2024/results/compare?candidate=permenpanrb-88-2021-grade", expected: [200, 200, 200, 403, 403, 403, 403]),
        Row(method: .get, path: "/periods/2024/results/sensitivity?samples=50&seed=3", expected: [200, 200, 200, 403, 403, 403, 403]),
        Row(method: .get, path: "/periods/2024/results/nonsense", expected: [404, 404, 404, 403, 403, 403, 403]),
        Row(method: .post, path: lke + "/answers/1.1.1", form: .answer("B", stage: "self"), expected: [303, 403, 404, 303, 404, 403, 404]),
        Row(method: .post, path: lke + "/answers/1.1.1", form: .answer("A", stage: "final"), expected: [303, 303, 404, 403, 404, 403, 404]),
        Row(method: .post, path: lke + "/upload", form: .file("kota-bandung-2024.xml"), expected: [200, 200, 404, 403, 404, 403, 404]),
        Row(method: .post, path: "/office/periods", form: .fields(["year": "2025", "rubric": "permenpanrb-88-2021"]),
            expected: [303, 403, 403, 403, 403, 403, 403]),
        Row(method: .post, path: "/office/agencies", form: .fields(["id": "kota-cimahi", "name": "Pemerintah Kota Cimahi", "region": "Jawa Barat"]),
            expected: [303, 403, 403, 403, 403, 403, 403]),
        Row(method: .post, path: "/office/users", form: .fields(["username": "new-viewer", "role": "viewer", "password": Fixture.password]),
            expected: [303, 403, 403, 403, 403, 403, 403]),
        Row(method: .post, path: "/office/users/viewer-all", form: .fields(["do": "token"]), expected: [200, 403, 403, 403, 403, 403, 403]),
        Row(method: .post, path: "/office/users/viewer-riau", form: .fields(["do": "password", "password": Fixture.password]),
            expected: [303, 403, 403, 403, 403, 403, 403]),
        Row(method: .post, path: "/office/users/new-viewer", form: .fields(["do": "disable"]), expected: [303, 403, 403, 403, 403, 403, 403]),
        Row(method: .post, path: "/account/language", form: .fields(["language": "id"]), expected: [303, 303, 303, 303, 303, 303, 303]),
        Row(method: .post, path: "/account/password", form: .fields(["old": Fixture.password, "new": Fixture.password]),
            expected: [303, 303, 303, 303, 303, 303, 303]),
        Row(method: .post, path: "/signout", expected: [303, 303, 303, 303, 303, 303, 303]),
        Row(method: .post, path: "/office/periods/2024", form: .fields(["to": "published"]), expected: [303, 403, 403, 403, 403, 403, 403]),
    ]

    static let published: [Row] = [
        Row(method: .get, path: "/", expected: [303, 303, 303, 303, 303, 303, 303]),
        Row(method: .get, path: lke, expected: [200, 200, 404, 200, 404, 403, 404]),
        Row(method: .get, path: "/periods/2024/results", expected: [200, 200, 200, 200, 200, 200, 200]),
        Row(method: .get, path: "/periods/2024/results/gaps", expected: [200, 200, 200, 200, 200, 200, 200]),
        Row(method: .get, path: lke + "/evidence/2", expected: [200, 200, 404, 200, 404, 403, 404]),
        Row(method: .post, path: lke + "/answers/1.1.1", form: .answer("B", stage: "self"), expected: [423, 403, 404, 423, 404, 403, 404]),
        Row(method: .post, path: lke + "/upload", form: .file("kota-bandung-2024.xml"), expected: [423, 423, 404, 403, 404, 403, 404]),
        Row(method: .post, path: "/office/periods/2024", form: .fields(["to": "open"]), expected: [303, 403, 403, 403, 403, 403, 403]),
    ]

    @Test(arguments: TestDatabase.available)
    func everyCell(database: TestDatabase) async throws {
        let fixture = try await Fixture.make(database)
        try await fixture.test { client in
            try await AccessTableTests.seed(client)
            // Two evidence files: one of the self-assessment (1), one of the final answers (2),
            // which the agency reads only once published.
            for (criterion, stage) in [("1.1.4", Stage.selfAssessment), ("1.1.5", .final)] {
                let file = EvidenceUpload(filename: "bukti.pdf", contentType: "application/pdf", bytes: Array("%PDF-1.4".utf8), link: { "/evidence/\($0)" })
                let version = try await fixture.state.store.answers(year: 2024, agency: "kota-bandung").first { $0.criterion == criterion && $0.stage == stage }?.version ?? 0
                _ = try await fixture.state.store.save(year: 2024, agency: "kota-bandung", criterion: criterion, stage: stage,
                                                       write: AnswerWrite(value: "A", version: version), by: "office", evidence: file)
            }
            var failures: [String] = []
            for (phase, rows) in [("open", Self.open), ("published", Self.published)] {
                for row in rows {
                    for (user, expected) in zip(Self.users, row.expected) {
                        let session = try await client.signIn(user)
                        let response = try await Self.send(row, session, client, fixture)
                        if response.status.code != expected {
                            failures.append("\(phase) \(row.method) \(row.path) as \(user): \(response.status.code), expected \(expected): \(response.text.prefix(300))")
                        }
                        try await Self.undo(row, after: response, client, fixture)
                    }
                    // Nobody signed in: sent to sign in; a form comes back on the sign-in page.
                    let anonymous = try await Self.send(row, nil, client, fixture)
                    let wanted: HTTPResponse.Status = row.method == .get ? .seeOther : .unauthorized
                    if anonymous.status != wanted || (row.method == .get && !anonymous.location.hasPrefix("/signin?next=")) {
                        failures.append("\(phase) \(row.method) \(row.path) unsigned: \(anonymous.status.code) \(anonymous.location)")
                    }
                    // A form without the session's token is refused, even from the office.
                    if row.method == .post {
                        let office = try await client.signIn("office")
                        let forged = try await Self.send(row, office, client, fixture, csrf: false)
                        if forged.status != .forbidden { failures.append("\(phase) \(row.method) \(row.path) without CSRF: \(forged.status.code)") }
                    }
                }
            }
            #expect(failures.isEmpty, Comment(rawValue: "\(failures.count) cells differ:\n" + failures.joined(separator: "\n")))
        }
    }

    /// Every page route is in the table above.
    @Test func everyPageRouteIsInTheTable() async throws {
        let fixture = try await Fixture.make(period: false)
        let paths = buildRouter(state: fixture.state).routes.map { ($0.method, ContractTests.openAPIPath("\($0.path)")) }
            .filter { !$0.1.hasPrefix("/api/") }
        let routes = Set(paths.map { "\($0.0) \($0.1)" })
        let tabled = Set((Self.open + Self.published).map { row in
            "\(row.method) " + ContractTests.template(String(row.path.split(separator: "?", omittingEmptySubsequences: false)[0]), among: paths.map(\.1))
        })
        let open: Set = ["GET /signin", "POST /signin", "GET /health", "GET /openapi.yaml", "GET /static/{file}"]
        let untabled = routes.subtracting(tabled).subtracting(open)
        #expect(untabled.isEmpty, "page routes without a row: \(untabled.sorted())")
        await fixture.state.store.close()
    }

    static func send(_ row: Row, _ session: Fixture.Client.Session?, _ client: Fixture.Client, _ fixture: Fixture,
                     csrf: Bool = true) async throws -> TestResponse {
        switch row.form {
        case .none: return try await client.page(row.method, row.path, session, csrf: csrf)
        case .fields(let fields): return try await client.page(row.method, row.path, session, form: fields.sorted { $0.key < $1.key }, csrf: csrf)
        case .file(let name): return try await client.page(row.method, row.path, session, csrf: csrf, file: (name, try AccessTableTests.sample(name)))
        case .answer(let value, let stage):
            let version = try await version(stage, fixture)
            return try await client.page(row.method, row.path, session, form: [("stage", stage), ("value", value), ("version", String(version))], csrf: csrf)
        }
    }

    static func version(_ stage: String, _ fixture: Fixture) async throws -> Int {
        try await fixture.state.store.answers(year: 2024, agency: "kota-bandung").first { $0.criterion == "1.1.1" && $0.stage.rawValue == stage }?.version ?? 0
    }

    /// Puts back what a successful cell changed, so the next user meets the same state.
    static func undo(_ row: Row, after response: TestResponse, _ client: Fixture.Client, _ fixture: Fixture) async throws {
        guard response.status.code < 400 else { return }
        if case .answer(let value, let stage) = row.form {
            let other = value == "C" ? "D" : "C"
            let write = AnswerWrite(value: other, version: try await version(stage, fixture))
            _ = try await fixture.state.store.save(year: 2024, agency: "kota-bandung", criterion: "1.1.1", stage: Stage(rawValue: stage)!, write: write, by: "office")
        }
        if row.path == "/office/users/new-viewer" { try await fixture.state.store.setDisabled("new-viewer", false) }
    }
}

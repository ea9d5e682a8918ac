import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import SakipServer

/// Every route for every role and scope: the expected status of each cell written out by hand,
/// so a change to the access rules shows here as a changed cell, not as a silently different
/// behaviour.
@Suite struct AccessTableTests {
    static let users = ["office", "eval-jabar", "eval-papua", "bandung", "merauke", "viewer-all", "viewer-riau"]

    /// A route, and the status each user in `users` gets, in that order.
    struct Row: Sendable, CustomTestStringConvertible {
        var method: HTTPRequest.Method
        var path: String
        var body: Body = .none
        var expected: [Int]
        var testDescription: String { "\(method) \(path)" }

        enum Body: Sendable {
            case none
            case json(String)
            /// An answer write naming the version stored now (read by the office first).
            case answer(String, stage: String)
            /// A sample report file.
            case file(String)
        }
    }

    static let answers = "/api/v1/periods/2024/agencies/kota-bandung/answers"

    /// While the period is open.
    static let open: [Row] = [
        Row(method: .get, path: "/api/v1/periods", expected: [200, 200, 200, 200, 200, 200, 200]),
        Row(method: .post, path: "/api/v1/periods", body: .json(#"{"year": 2025, "rubric": "permenpanrb-88-2021"}"#),
            expected: [201, 403, 403, 403, 403, 403, 403]),
        Row(method: .get, path: "/api/v1/agencies", expected: [200, 200, 200, 200, 200, 200, 200]),
        Row(method: .put, path: "/api/v1/agencies/kota-bandung", body: .json(#"{"name": "Pemerintah Kota Bandung", "region": "Jawa Barat"}"#),
            expected: [200, 403, 403, 403, 403, 403, 403]),
        Row(method: .get, path: answers, expected: [200, 200, 404, 200, 404, 403, 404]),
        Row(method: .put, path: answers + "/1.1.1?stage=self", body: .answer("B", stage: "self"),
            expected: [200, 403, 404, 200, 404, 403, 404]),
        Row(method: .put, path: answers + "/1.1.1?stage=final", body: .answer("A", stage: "final"),
            expected: [200, 200, 404, 403, 404, 403, 404]),
        Row(method: .put, path: answers + "/1.1.1?stage=verified", body: .answer("BB", stage: "verified"),
            expected: [200, 200, 404, 403, 404, 403, 404]),
        Row(method: .get, path: answers + "/1.1.1/history", expected: [200, 200, 404, 200, 404, 403, 404]),
        Row(method: .get, path: "/api/v1/periods/2024/agencies/kota-bandung/score", expected: [200, 200, 404, 200, 404, 403, 404]),
        Row(method: .get, path: "/api/v1/periods/2024/agencies/kab-merauke/score", expected: [200, 404, 200, 404, 200, 403, 404]),
        Row(method: .post, path: "/api/v1/periods/2024/submissions", body: .file("kota-bandung-2024.xml"),
            expected: [201, 201, 404, 403, 404, 403, 403]),
        Row(method: .get, path: "/api/v1/periods/2024/ranking", expected: [200, 200, 200, 403, 403, 403, 403]),
        Row(method: .get, path: "/api/v1/periods/2024/gaps", expected: [200, 200, 200, 403, 403, 403, 403]),
        Row(method: .get, path: "/api/v1/periods/2024/submissions", expected: [200, 200, 200, 200, 200, 200, 200]),
        // The office's first upload: the office's own, nobody else's.
        Row(method: .get, path: "/api/v1/periods/2024/submissions/1", expected: [200, 404, 404, 404, 404, 404, 404]),
        Row(method: .get, path: "/api/v1/periods/2024/ranking?format=csv", expected: [200, 200, 200, 403, 403, 403, 403]),
        Row(method: .get, path: "/api/v1/periods/2024/export/answers.csv", expected: [200, 200, 200, 403, 403, 403, 403]),
        Row(method: .get, path: "/api/v1/users", expected: [200, 403, 403, 403, 403, 403, 403]),
        Row(method: .post, path: "/api/v1/users/viewer-all/tokens", expected: [201, 403, 403, 403, 403, 403, 403]),
        Row(method: .post, path: "/api/v1/users", body: .json(#"{"username": "new-viewer", "role": "viewer"}"#),
            expected: [201, 403, 403, 403, 403, 403, 403]),
        Row(method: .post, path: "/api/v1/users/merauke/enable", expected: [204, 403, 403, 403, 403, 403, 403]),
        Row(method: .post, path: "/api/v1/users/new-viewer/disable", expected: [204, 403, 403, 403, 403, 403, 403]),
        Row(method: .post, path: "/api/v1/users/viewer-riau/password", body: .json(#"{"password": "\#(Fixture.password)"}"#),
            expected: [204, 403, 403, 403, 403, 403, 403]),
        // Each user changes its own password (to the same one here, so later cells still sign in).
        Row(method: .put, path: "/api/v1/session/password", body: .json(#"{"old": "\#(Fixture.password)", "new": "\#(Fixture.password)"}"#),
            expected: [204, 204, 204, 204, 204, 204, 204]),
        Row(method: .post, path: "/api/v1/periods/2024/publish", expected: [200, 403, 403, 403, 403, 403, 403]),
    ]

    /// Once the period is published: answers are closed, results open to agencies and viewers.
    static let published: [Row] = [
        Row(method: .get, path: answers, expected: [200, 200, 404, 200, 404, 403, 404]),
        Row(method: .put, path: answers + "/1.1.1?stage=self", body: .answer("B", stage: "self"),
            expected: [423, 403, 404, 423, 404, 403, 404]),
        Row(method: .get, path: "/api/v1/periods/2024/agencies/kota-bandung/score", expected: [200, 200, 404, 200, 404, 200, 404]),
        Row(method: .get, path: "/api/v1/periods/2024/ranking", expected: [200, 200, 200, 200, 200, 200, 200]),
        Row(method: .get, path: "/api/v1/periods/2024/gaps", expected: [200, 200, 200, 200, 200, 200, 200]),
        Row(method: .get, path: "/api/v1/periods/2024/export/answers.csv", expected: [200, 200, 200, 200, 200, 403, 403]),
        Row(method: .post, path: "/api/v1/periods/2024/submissions", body: .file("kota-bandung-2024.xml"),
            expected: [423, 423, 423, 423, 423, 403, 403]),
        Row(method: .post, path: "/api/v1/periods/2024/unlock", expected: [200, 403, 403, 403, 403, 403, 403]),
    ]

    @Test(arguments: TestDatabase.available)
    func everyCell(database: TestDatabase) async throws {
        let fixture = try await Fixture.make(database)
        try await fixture.test { client in
            try await Self.seed(client)
            var failures: [String] = []
            for (phase, rows) in [("open", Self.open), ("published", Self.published)] {
                for row in rows {
                    for (user, expected) in zip(Self.users, row.expected) {
                        let response = try await Self.send(row, as: user, client)
                        if response.status.code != expected {
                            failures.append("\(phase) \(row.method) \(row.path) as \(user): \(response.status.code), expected \(expected): \(response.text.prefix(200))")
                        }
                        try await Self.undo(row, after: response, client)
                    }
                    // Nobody signed in: 401, whatever the route.
                    let anonymous = try await Self.send(row, as: nil, client)
                    if anonymous.status != .unauthorized { failures.append("\(phase) \(row.method) \(row.path) unsigned: \(anonymous.status.code)") }
                }
            }
            #expect(failures.isEmpty, Comment(rawValue: "\(failures.count) cells differ:\n" + failures.joined(separator: "\n")))
        }
    }

    /// What each role is shown of the agencies: only those it may see.
    @Test func agencyListsAreScoped() async throws {
        let fixture = try await Fixture.make()
        try await fixture.test { client in
            let expected = ["office": 4, "eval-jabar": 2, "eval-papua": 1, "bandung": 1, "merauke": 1, "viewer-all": 4, "viewer-riau": 1]
            for (user, count) in expected {
                let response = try await client.send(.get, "/api/v1/agencies", as: user)
                #expect((response.json["agencies"] as? [Any])?.count == count, "\(user)")
            }
        }
    }

    /// A bad token, a revoked one, and a disabled user's are all 401.
    @Test func badCredentialsAre401() async throws {
        let fixture = try await Fixture.make()
        try await fixture.test { client in
            let bad = try await client.send(.get, "/api/v1/periods", as: nil, headers: [.authorization: "Bearer sakip_t_nonsense"])
            #expect(bad.status == .unauthorized)
            try await fixture.state.store.revokeTokens(of: "bandung")
            #expect(try await client.send(.get, "/api/v1/periods", as: "bandung").status == .unauthorized)
            try await fixture.state.store.setDisabled("merauke", true)
            #expect(try await client.send(.get, "/api/v1/periods", as: "merauke").status == .unauthorized)
            #expect(try await client.send(.get, "/api/v1/periods", as: "office").status == .ok)
        }
    }

    /// Three partners' sample reports, stored by the office, and a self-assessment beside them.
    static func seed(_ client: Fixture.Client) async throws {
        try await seedFiles(client)
        // A self-assessment beside the final answers, for the gaps.
        for agency in ["kota-bandung", "kab-merauke", "kota-pekanbaru"] {
            let response = try await client.send(.put, "/api/v1/periods/2024/agencies/\(agency)/answers/1.1.2?stage=self", as: "office",
                                                 json: #"{"value": "AA", "version": 0}"#)
            #expect(response.status == .ok, "\(response.text.prefix(300))")
        }
    }

    /// Three partners' sample reports, stored by the office.
    static func seedFiles(_ client: Fixture.Client) async throws {
        for file in ["kota-bandung-2024.xml", "kab-merauke-2024.xml", "kota-pekanbaru-2024.xml"] {
            let response = try await client.send(.post, "/api/v1/periods/2024/submissions", as: "office",
                                                 body: try sample(file), headers: [HTTPField.Name("X-Filename")!: file])
            #expect(response.status == .created, "\(file): \(response.text.prefix(300))")
        }
    }

    static func sample(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: packageRoot + "/samples/" + name)))
    }

    static func send(_ row: Row, as user: String?, _ client: Fixture.Client) async throws -> TestResponse {
        switch row.body {
        case .none: return try await client.send(row.method, row.path, as: user)
        case .json(let json): return try await client.send(row.method, row.path, as: user, json: json)
        case .file(let name):
            return try await client.send(row.method, row.path, as: user, body: try sample(name), headers: [HTTPField.Name("X-Filename")!: name])
        case .answer(let value, let stage):
            let current = try await client.send(.get, answers, as: "office").json["answers"] as? [[String: Any]] ?? []
            let version = current.first { $0["criterion"] as? String == "1.1.1" && $0["stage"] as? String == stage }?["version"] as? Int ?? 0
            return try await client.send(row.method, row.path, as: user, json: #"{"value": "\#(value)", "version": \#(version)}"#)
        }
    }

    /// Puts back what a successful cell changed, so that the next user meets the same state.
    static func undo(_ row: Row, after response: TestResponse, _ client: Fixture.Client) async throws {
        guard response.status.code < 300 else { return }
        if row.path == "/api/v1/periods", row.method == .post {
            // Creating the same year twice is refused: later cells would see 409, so use a new year.
            return
        }
        if case .answer(let value, let stage) = row.body {
            // Changed to the same value by the next user: make it differ so a write happens.
            let current = try await client.send(.get, answers, as: "office").json["answers"] as? [[String: Any]] ?? []
            let version = current.first { $0["criterion"] as? String == "1.1.1" && $0["stage"] as? String == stage }?["version"] as? Int ?? 0
            let other = value == "C" ? "D" : "C"
            try await client.send(.put, row.path, as: "office", json: #"{"value": "\#(other)", "version": \#(version)}"#)
        }
    }
}

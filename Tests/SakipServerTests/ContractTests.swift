import Foundation
import Hummingbird
import Testing
import Yams
@testable import SakipServer

/// The OpenAPI document is the API: every route in it is served and every route served is in
/// it; every status the access table meets is one the document lists for that operation.
@Suite struct ContractTests {
    /// `{"GET /api/v1/periods": ["200", "401"], ...}` from the document.
    static func documented() throws -> [String: Set<String>] {
        let document = try #require(try Yams.load(yaml: OpenAPIDocument.yaml) as? [String: Any])
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        var operations: [String: Set<String>] = [:]
        for (path, item) in paths {
            for (method, operation) in item where ["get", "put", "post", "delete", "patch"].contains(method) {
                let responses = (operation as? [String: Any])?["responses"] as? [String: Any] ?? [:]
                operations["\(method.uppercased()) \(path)"] = Set(responses.keys)
            }
        }
        return operations
    }

    /// A router path (`/api/v1/periods/:year/lock`) as the document writes it (`{year}`).
    static func openAPIPath(_ path: String) -> String {
        "/" + path.split(separator: "/").map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }.joined(separator: "/")
    }

    @Test func everyRouteIsDocumentedAndNothingElse() async throws {
        let fixture = try await Fixture.make(period: false)
        // The pages are HTML for browsers, tabled in `PageAccessTableTests`; the document is the API's.
        let routes = Set(buildRouter(state: fixture.state).routes.map { "\($0.method) \(Self.openAPIPath("\($0.path)"))" }
            .filter { $0.contains(" /api/") || $0.hasSuffix(" /health") || $0.hasSuffix(" /openapi.yaml") })
        let documented = Set(try Self.documented().keys)
        #expect(routes.subtracting(documented).isEmpty, "served but not documented: \(routes.subtracting(documented).sorted())")
        #expect(documented.subtracting(routes).isEmpty, "documented but not served: \(documented.subtracting(routes).sorted())")
        #expect(routes.count >= 30)
        await fixture.state.store.close()
    }

    @Test func everyStatusOfTheAccessTableIsDocumented() throws {
        let documented = try Self.documented()
        for row in AccessTableTests.open + AccessTableTests.published {
            let path = row.path.split(separator: "?")[0]
            let template = Self.template(String(path), among: documented.keys.map { String($0.split(separator: " ")[1]) })
            let key = "\(row.method) \(template)"
            let statuses = try #require(documented[key], "\(key) is not in the document")
            for status in Set(row.expected + [401]) {
                #expect(statuses.contains(String(status)), "\(key) answers \(status), which the document does not list")
            }
        }
    }

    /// The documented path a concrete one matches (`{year}` matches any segment).
    static func template(_ path: String, among templates: [String]) -> String {
        let parts = path.split(separator: "/")
        return templates.first { template in
            let pattern = template.split(separator: "/")
            return pattern.count == parts.count && zip(pattern, parts).allSatisfy { $0.hasPrefix("{") || $0 == $1 }
        } ?? path
    }

    @Test func theDocumentIsServed() async throws {
        let fixture = try await Fixture.make(period: false)
        try await fixture.test { client in
            let response = try await client.send(.get, "/openapi.yaml", as: nil)
            #expect(response.status == .ok)
            #expect(response.text == OpenAPIDocument.yaml)
        }
    }
}

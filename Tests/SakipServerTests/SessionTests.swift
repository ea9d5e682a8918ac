import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import SakipServer

/// Signing in with a password: the cookie, the CSRF token it needs beside it, signing out, and
/// the limit on failed attempts.
@Suite struct SessionTests {
    static let csrf = HTTPField.Name("X-CSRF-Token")!

    @Test func cookieSessionNeedsItsCSRFToken() async throws {
        let fixture = try await Fixture.make()
        try await fixture.test { client in
            let signIn = try await client.send(.post, "/api/v1/session", as: nil, json: #"{"username": "bandung", "password": "\#(Fixture.password)"}"#)
            #expect(signIn.status == .created)
            let cookie = try #require(signIn.headers[.setCookie])
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"))
            #expect(!cookie.contains("Secure"))
            let session = String(cookie.split(separator: ";")[0])
            let token = try #require(signIn.json["csrf_token"] as? String)
            #expect(signIn.json["role"] as? String == "agency")

            // Reading needs only the cookie.
            let read = try await client.send(.get, "/api/v1/session", as: nil, headers: [.cookie: session])
            #expect(read.json["username"] as? String == "bandung")

            let path = "/api/v1/periods/2024/agencies/kota-bandung/answers/1.1.1?stage=self"
            let body = #"{"value": "B", "version": 0}"#
            let forged = try await client.send(.put, path, as: nil, json: body, headers: [.cookie: session])
            #expect(forged.status == .forbidden)
            #expect((forged.json["error"] as? [String: Any])?["code"] as? String == "csrf")
            let wrong = try await client.send(.put, path, as: nil, json: body, headers: [.cookie: session, Self.csrf: "x" + token.dropFirst()])
            #expect(wrong.status == .forbidden)
            let good = try await client.send(.put, path, as: nil, json: body, headers: [.cookie: session, Self.csrf: token])
            #expect(good.status == .ok, "\(good.text)")

            // Signing out ends the session on the server, not only in the browser.
            let out = try await client.send(.delete, "/api/v1/session", as: nil, headers: [.cookie: session, Self.csrf: token])
            #expect(out.status == .noContent)
            let after = try await client.send(.get, "/api/v1/session", as: nil, headers: [.cookie: session])
            #expect(after.status == .unauthorized)
            #expect((after.json["error"] as? [String: Any])?["code"] as? String == "session-expired")
        }
    }

    @Test func failedSignInsAreLimited() async throws {
        let fixture = try await Fixture.make()
        try await fixture.test { client in
            for _ in 0..<5 {
                let wrong = try await client.send(.post, "/api/v1/session", as: nil, json: #"{"username": "office", "password": "tebakan-salah"}"#)
                #expect(wrong.status == .unauthorized)
            }
            let limited = try await client.send(.post, "/api/v1/session", as: nil, json: #"{"username": "office", "password": "\#(Fixture.password)"}"#)
            #expect(limited.status == .tooManyRequests)
            #expect(limited.headers[.retryAfter] != nil)
            // Another name is not held back by this one's failures.
            let other = try await client.send(.post, "/api/v1/session", as: nil, json: #"{"username": "merauke", "password": "\#(Fixture.password)"}"#)
            #expect(other.status == .created)
        }
    }

    /// A new password ends the sessions signed in with the old one; an unknown name and a wrong
    /// password are told apart by nothing.
    @Test func passwordChangesEndSessions() async throws {
        let fixture = try await Fixture.make()
        try await fixture.test { client in
            let signIn = try await client.send(.post, "/api/v1/session", as: nil, json: #"{"username": "merauke", "password": "\#(Fixture.password)"}"#)
            let session = String(try #require(signIn.headers[.setCookie]).split(separator: ";")[0])
            try await fixture.state.accounts.setPassword("merauke", "kata-sandi-baru")
            #expect(try await client.send(.get, "/api/v1/session", as: nil, headers: [.cookie: session]).status == .unauthorized)
            let unknown = try await client.send(.post, "/api/v1/session", as: nil, json: #"{"username": "nobody", "password": "x"}"#)
            let wrong = try await client.send(.post, "/api/v1/session", as: nil, json: #"{"username": "merauke", "password": "x"}"#)
            #expect(unknown.text == wrong.text)
            // Passwords are kept as bcrypt hashes, never as given.
            let hash = try #require(try await fixture.state.store.passwordHash(of: "merauke")?.1)
            #expect(hash.hasPrefix("$2") && !hash.contains("kata-sandi-baru"))
        }
    }

    /// A session ends by itself after its lifetime, on the server (the cookie's Max-Age says the same).
    @Test func sessionsExpire() async throws {
        let fixture = try await Fixture.make(sessionLifetime: .seconds(1))
        try await fixture.test { client in
            let signIn = try await client.send(.post, "/api/v1/session", as: nil, json: #"{"username": "office", "password": "\#(Fixture.password)"}"#)
            let cookie = try #require(signIn.headers[.setCookie])
            #expect(cookie.contains("Max-Age=1;"))
            let session = String(cookie.split(separator: ";")[0])
            #expect(try await client.send(.get, "/api/v1/session", as: nil, headers: [.cookie: session]).status == .ok)
            try await Task.sleep(for: .milliseconds(1100))
            #expect(try await client.send(.get, "/api/v1/session", as: nil, headers: [.cookie: session]).status == .unauthorized)
        }
    }

    @Test func responsesCarrySecurityHeaders() async throws {
        let fixture = try await Fixture.make()
        try await fixture.test { client in
            for (path, user) in [("/health", nil), ("/api/v1/periods", "office"), ("/api/v1/periods", nil)] as [(String, String?)] {
                let response = try await client.send(.get, path, as: user)
                #expect(response.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true)
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
            }
        }
    }
}

import Foundation
import Hummingbird

/// Signing in and out: `POST /api/v1/session` gives a session cookie and its CSRF token.
enum SessionRoutes {
    struct SignIn: Decodable {
        var username: String
        var password: String
    }

    struct PasswordChange: Decodable {
        var old: String
        var new: String
    }

    static func add(open: RouterGroup<SakipRequestContext>, signedIn: RouterGroup<SakipRequestContext>, state: AppState) {
        open.post("session") { request, context in
            let form = try await request.decode(as: SignIn.self, context: context)
            return try await signIn(form, state: state)
        }
        signedIn.get("session") { _, context in
            JSONBody.response(try context.signedIn())
        }
        signedIn.delete("session") { request, context in
            if let session = request.cookies[AuthMiddleware.cookie]?.value {
                try await state.store.deleteSession(digest: Credentials.digest(session))
            }
            var response = Response(status: .noContent)
            response.headers[.setCookie] = cookie("", maxAge: 0, secure: state.configuration.secureCookies)
            return response
        }
        signedIn.put("session/password") { request, context in
            let identity = try context.signedIn()
            let change = try await request.decode(as: PasswordChange.self, context: context)
            guard try await state.accounts.verify(identity.username, change.old) != nil else {
                throw APIProblem(.forbidden, code: "wrong-password", "the current password is not right")
            }
            try await state.accounts.setPassword(identity.username, change.new)
            return Response(status: .noContent)
        }
    }

    static func signIn(_ form: SignIn, state: AppState) async throws -> Response {
        let (identity, cookie) = try await startSession(form, state: state)
        var response = JSONBody.response(identity, status: .created)
        response.headers[.setCookie] = cookie
        return response
    }

    /// Checks a name and password (429 past the failures allowed, 401 when wrong) and opens a
    /// session: the signed-in identity with its CSRF token, and the `Set-Cookie` value.
    static func startSession(_ form: SignIn, state: AppState) async throws -> (Identity, cookie: String) {
        if let seconds = await state.logins.retryAfter(form.username) {
            var problem = APIProblem(.tooManyRequests, code: "too-many-attempts", "too many failed sign-ins for this name; try again in \(seconds) s")
            problem.headers[.retryAfter] = String(seconds)
            throw problem
        }
        guard let user = try await state.accounts.verify(form.username, form.password) else {
            await state.logins.failed(form.username)
            throw APIProblem(.unauthorized, code: "bad-credentials", "the user name or password is not right")
        }
        await state.logins.succeeded(form.username)
        let session = Credentials.secret(prefix: "sakip_s_"), csrf = Credentials.secret(prefix: "")
        let lifetime = state.configuration.sessionLifetime.components.seconds
        let expires = Date().addingTimeInterval(TimeInterval(lifetime))
        try await state.store.addSession(userID: user.id, digest: Credentials.digest(session), csrf: csrf,
                                         expiresAt: Store.timestamp(expires))
        return (user.identity(csrf: csrf), cookie(session, maxAge: Int(lifetime), secure: state.configuration.secureCookies))
    }

    static func cookie(_ value: String, maxAge: Int, secure: Bool) -> String {
        "\(AuthMiddleware.cookie)=\(value); Path=/; Max-Age=\(maxAge); HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "")
    }
}
